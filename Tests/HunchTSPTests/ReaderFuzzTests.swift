import XCTest
@testable import HunchTSP

/// Property: whatever bytes it is given, the reader either returns a well-formed instance or
/// throws `TSPLIBError` — it never traps, hangs, or throws anything else.
///
/// Real instance texts of every layout are mangled with a seeded generator (lines deleted,
/// duplicated, swapped; truncation; tokens replaced by garbage, huge numbers, NaN, inf,
/// negatives; random bytes, including invalid UTF-8), a few thousand times in all.
final class ReaderFuzzTests: XCTestCase {
    private static let sources = [
        "burma14.tsp", "ulysses16.tsp", "gr17.tsp", "fri26.tsp", "bayg29.tsp", "bays29.tsp", "att48.tsp",
        "eil51.tsp", "berlin52.tsp", "brazil58.tsp", "st70.tsp", "linhp318.tsp",
    ]

    private static let garbage = [
        "nan", "NaN", "inf", "-inf", "1e400", "-1e400", "99999999999999999999999", "1000000000000", "-1", "-7",
        "0", "3.5", "1e9", "abc", "EOF", "NODE_COORD_SECTION", "EDGE_WEIGHT_SECTION", "DIMENSION", ":", "-",
        "EXPLICIT", "FULL_MATRIX", "LOWER_COL", "GEO", "TSP", "ATSP", "\u{0}", "\u{FEFF}", "é", "2147483648", "0x10",
    ]

    func testMangledInstancesOnlyEverThrowTSPLIBError() throws {
        var generator = SplitMix64(seed: 0x5EED)
        var accepted = 0, refused = 0
        for name in Self.sources {
            let original = Array(try TestData.text(name).utf8)
            for _ in 0..<250 {
                let mangled = mangle(original, using: &generator)
                let outcome: Result<TSPInstance, Error> = Result {
                    try mangled.withUnsafeBufferPointer { try TSPLIBReader.parse(bytes: $0, file: name) }
                }
                switch outcome {
                case .success(let instance):
                    checkWellFormed(instance, name)
                    accepted += 1
                case .failure(let error as TSPLIBError):
                    XCTAssertEqual(error.file, name)
                    XCTAssertFalse(error.message.isEmpty)
                    if let line = error.line { XCTAssertGreaterThanOrEqual(line, 1) }
                    refused += 1
                case .failure(let error):
                    XCTFail("\(name): expected TSPLIBError, got \(type(of: error)): \(error)")
                }
            }
        }
        // Both outcomes must occur, or the mutations are too mild or too wild to test much.
        XCTAssertGreaterThan(accepted, 100)
        XCTAssertGreaterThan(refused, 1000)
    }

    /// Same property for tour files: a valid permutation of the instance's nodes, or TSPLIBError.
    func testMangledToursOnlyEverThrowTSPLIBError() throws {
        var generator = SplitMix64(seed: 0x70A5)
        for (name, n) in [("berlin52", 52), ("gr24", 24), ("ulysses16", 16), ("st70", 70)] {
            let original = Array(try TestData.text("\(name).opt.tour").utf8)
            for _ in 0..<150 {
                let mangled = mangle(original, using: &generator)
                do {
                    let tour = try mangled.withUnsafeBufferPointer { try TourFile.parse(bytes: $0, file: name, dimension: n) }
                    XCTAssertNoThrow(try TourValidation.check(tour: tour, dimension: n), name)
                } catch is TSPLIBError {
                } catch {
                    XCTFail("\(name): expected TSPLIBError, got \(type(of: error)): \(error)")
                }
            }
        }
    }

    /// Pure noise, and every prefix of a real file: errors, never traps.
    func testRandomBytesAndTruncations() throws {
        var generator = SplitMix64(seed: 0xB17E5)
        for _ in 0..<300 {
            let noise = (0..<Int.random(in: 0...200, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            XCTAssertThrowsError(try noise.withUnsafeBufferPointer { try TSPLIBReader.parse(bytes: $0, file: "noise") }) {
                XCTAssertTrue($0 is TSPLIBError)
            }
        }
        let text = Array(try TestData.text("gr17.tsp").utf8)
        for length in stride(from: 0, to: text.count, by: 3) {
            do {
                _ = try Array(text[..<length]).withUnsafeBufferPointer { try TSPLIBReader.parse(bytes: $0, file: "gr17") }
            } catch {
                XCTAssertTrue(error is TSPLIBError, "\(error)")
            }
        }
    }

    /// A parsed instance is usable: distances are non-negative, symmetric and zero on the diagonal.
    private func checkWellFormed(_ instance: TSPInstance, _ name: String) {
        let n = instance.dimension
        XCTAssertGreaterThanOrEqual(n, 1, name)
        if instance.hasCoordinates {
            XCTAssertEqual(instance.x.count, n, name)
            XCTAssertTrue(instance.x.allSatisfy(\.isFinite) && instance.y.allSatisfy(\.isFinite), name)
        }
        for i in stride(from: 0, to: n, by: max(1, n / 7)) {
            XCTAssertEqual(instance.distance(i, i), 0, name)
            for j in stride(from: 0, to: n, by: max(1, n / 5)) {
                XCTAssertGreaterThanOrEqual(instance.distance(i, j), 0, name)
                XCTAssertEqual(instance.distance(i, j), instance.distance(j, i), name)
            }
        }
        _ = instance.tourLength(Array(0..<n))
    }

    /// One to three random mutations of `text`.
    private func mangle(_ text: [UInt8], using generator: inout SplitMix64) -> [UInt8] {
        var lines = text.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        for _ in 0..<Int.random(in: 1...3, using: &generator) {
            guard !lines.isEmpty else { break }
            let at = Int.random(in: 0..<lines.count, using: &generator)
            switch Int.random(in: 0..<9, using: &generator) {
            case 0:
                lines.remove(at: at)
            case 1:
                lines.insert(lines[at], at: at)
            case 2:
                lines.swapAt(at, Int.random(in: 0..<lines.count, using: &generator))
            case 3:
                lines.removeLast(Int.random(in: 0..<lines.count, using: &generator))
                if var last = lines.popLast() {
                    last.removeLast(Int.random(in: 0...last.count, using: &generator))
                    lines.append(last)
                }
            case 4, 5, 6:
                // Replace one token of a line with garbage.
                var tokens = lines[at].split(separator: 0x20).map(Array.init)
                let word = Array(Self.garbage.randomElement(using: &generator)!.utf8)
                if tokens.isEmpty { tokens = [word] } else { tokens[Int.random(in: 0..<tokens.count, using: &generator)] = word }
                lines[at] = Array(tokens.joined(separator: [0x20]))
            case 7:
                // Random bytes anywhere in the line, invalid UTF-8 included.
                for _ in 0..<Int.random(in: 1...4, using: &generator) {
                    let position = Int.random(in: 0...lines[at].count, using: &generator)
                    lines[at].insert(UInt8.random(in: 0...255, using: &generator), at: position)
                }
            default:
                // Change the DIMENSION line to something else.
                if let index = lines.firstIndex(where: { $0.starts(with: Array("DIMENSION".utf8)) }) {
                    let values = ["0", "-3", "1", "2", "13", "1000000000000", "1e3", "99999999999999999999999", "3000", "65537"]
                    lines[index] = Array("DIMENSION : \(values.randomElement(using: &generator)!)".utf8)
                }
            }
        }
        return Array(lines.joined(separator: [0x0A]))
    }
}
