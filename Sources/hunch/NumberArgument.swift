import ArgumentParser

/// How the command line reads numbers, the same for every command.
///
/// Numeric options parse `.unconditional`ly: swift-argument-parser would otherwise take a value
/// such as `-5` for a flag and answer "Missing value for '--time-limit'"; this way the value
/// reaches the check that says what is wrong with it. Decimal numbers are read strictly:
/// `Double("0x10")` is 16 and `Double("nan")` is NaN, neither of which a user means.
enum NumberArgument {
    /// A finite decimal number: digits with an optional sign, point and exponent (`2`, `0.5`,
    /// `-1`, `1e3`); not hexadecimal, `inf` or `nan`.
    static func decimal(_ text: String) throws -> Double {
        guard isDecimal(text), let value = Double(text), value.isFinite else {
            throw ValidationError("'\(text)' is not a decimal number")
        }
        return value
    }

    /// A time limit: a decimal number of seconds > 0.
    static func seconds(_ text: String) throws -> Double {
        let value = try decimal(text)
        guard value > 0 else { throw ValidationError("must be a positive number of seconds, found \(text)") }
        return value
    }

    /// A seed: a whole number from 0 to 2⁶⁴ − 1.
    static func seed(_ text: String) throws -> UInt64 {
        guard let value = UInt64(text) else {
            throw ValidationError("a seed is a whole number from 0 to 18446744073709551615, found \(text)")
        }
        return value
    }

    /// `[+-]digits[.digits][(e|E)[+-]digits]`, or with digits only after the point.
    static func isDecimal(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        func digits() -> Int {
            var count = 0
            while let b = bytes.first, b >= 0x30 && b <= 0x39 { bytes.removeFirst(); count += 1 }
            return count
        }
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes.removeFirst() }
        var mantissa = digits()
        if bytes.first == UInt8(ascii: ".") {
            bytes.removeFirst()
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes.removeFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes.removeFirst() }
            guard digits() > 0 else { return false }
        }
        return bytes.isEmpty
    }
}
