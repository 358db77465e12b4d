/// Strict number parsing for TSPLIB data: plain decimal integers and decimal reals only.
///
/// Swift's `Int(String)` / `Double(String)` would need a `String` per token (slow on big files)
/// and `Double` accepts `nan`, `inf` and hexadecimal, none of which is a TSPLIB coordinate.
package enum TSPLIBNumber {
    /// How reading an integer token went.
    package enum IntegerResult: Equatable {
        case value(Int)
        /// Digits only, but too large for `Int`.
        case overflow
        /// Not an integer at all (letters, a decimal point, stray bytes…).
        case invalid
    }

    /// An optionally signed decimal integer filling the whole token.
    package static func integer(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> IntegerResult {
        var i = range.lowerBound
        let end = range.upperBound
        guard i < end else { return .invalid }
        var negative = false
        if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        guard i < end else { return .invalid }
        var value = 0
        var overflow = false
        while i < end {
            let digit = Int(bytes[i]) &- 48
            guard digit >= 0 && digit <= 9 else { return .invalid }
            if !overflow {
                let (times10, o1) = value.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(digit)
                if o1 || o2 { overflow = true } else { value = sum }
            }
            i += 1
        }
        return overflow ? .overflow : .value(negative ? -value : value)
    }

    /// Exact powers of ten: every one up to 10^22 is representable in a `Double`.
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// A decimal real filling the whole token: `[+-]digits[.digits][e[+-]digits]` (either digit
    /// run may be empty, not both). Returns nil for anything else, including `nan` and `inf`.
    /// Values too large for `Double` come back infinite; callers reject non-finite values.
    ///
    /// The result is correctly rounded, as TSPLIB distances need (a GEO or EUC_2D distance can
    /// flip by one on a last-bit difference): short mantissas use Clinger's exact fast path
    /// (one correctly rounded multiply or divide); the rest go to the standard library.
    package static func decimal(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
        var i = range.lowerBound
        let end = range.upperBound
        guard i < end else { return nil }
        var negative = false
        if bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
            negative = bytes[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: UInt64 = 0
        var exponent = 0
        var sawDigit = false
        var inexact = false
        let mantissaLimit: UInt64 = (UInt64.max - 9) / 10
        while i < end, bytes[i] &- 48 < 10 {
            sawDigit = true
            if mantissa <= mantissaLimit {
                mantissa = mantissa * 10 + UInt64(bytes[i] - 48)
            } else {
                exponent += 1
                if bytes[i] != 48 { inexact = true }
            }
            i += 1
        }
        if i < end && bytes[i] == UInt8(ascii: ".") {
            i += 1
            while i < end, bytes[i] &- 48 < 10 {
                sawDigit = true
                if mantissa <= mantissaLimit {
                    mantissa = mantissa * 10 + UInt64(bytes[i] - 48)
                    exponent -= 1
                } else if bytes[i] != 48 {
                    inexact = true
                }
                i += 1
            }
        }
        guard sawDigit else { return nil }
        if i < end && (bytes[i] | 0x20) == UInt8(ascii: "e") {
            i += 1
            var exponentNegative = false
            if i < end && (bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+")) {
                exponentNegative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            var written = 0
            var sawExponentDigit = false
            while i < end, bytes[i] &- 48 < 10 {
                sawExponentDigit = true
                written = min(written * 10 + Int(bytes[i] - 48), 1_000_000)
                i += 1
            }
            guard sawExponentDigit else { return nil }
            exponent += exponentNegative ? -written : written
        }
        guard i == end else { return nil }

        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        if !inexact && mantissa <= (1 << 53) && exponent >= -22 && exponent <= 22 {
            let m = Double(mantissa)
            let value = exponent >= 0 ? m * powersOfTen[exponent] : m / powersOfTen[-exponent]
            return negative ? -value : value
        }
        // Rare (long mantissas, big exponents): the standard library rounds correctly, and the
        // syntax was checked above, so it cannot see `nan` or hexadecimal here.
        return Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self))
    }
}
