import XCTest
@testable import HunchBinPacking

/// The reader returns the file's own data, and bad input gives file:line errors.
final class BinPackingReaderTests: XCTestCase {
    func testReadsFalkenauerFileAsPublished() throws {
        let i = try BinPackingReader.read(path: BundledBPP.path("bpp/falkenauer/Falkenauer_u120_00.txt"))
        XCTAssertEqual(i.name, "Falkenauer_u120_00")
        XCTAssertEqual(i.capacity, 150)
        XCTAssertEqual(i.weights.count, 120)
        XCTAssertEqual(i.weights.first, 98)
        XCTAssertEqual(i.weights.last, 20)
    }

    func testReadsSchollFileWithCRLF() throws {
        let i = try BinPackingReader.read(path: BundledBPP.path("bpp/scholl/HARD0.txt"))
        XCTAssertEqual(i.capacity, 100_000)
        XCTAssertEqual(i.weights.count, 200)
        XCTAssertEqual(i.weights.first, 34978)
        XCTAssertEqual(i.weights.last, 20114)
    }

    func testTripletFileFirstAndLast() throws {
        let i = try BinPackingReader.read(path: BundledBPP.path("bpp/falkenauer/Falkenauer_t60_00.txt"))
        XCTAssertEqual(i.capacity, 1000)
        XCTAssertEqual(i.weights.count, 60)
        XCTAssertEqual(i.weights.first, 495)
        XCTAssertEqual(i.weights.last, 251)
        // Triplets fill every bin exactly: Σw = n/3 · C.
        XCTAssertEqual(i.totalWeight, 20 * 1000)
    }

    func testWriterRoundTrip() throws {
        let i = try BinPackingReader.read(path: BundledBPP.path("bpp/scholl/N1C1W1_A.txt"))
        let back = try BinPackingReader.parse(BinPackingWriter.bpplib(i), path: "N1C1W1_A.txt")
        XCTAssertEqual(back, i)
    }

    func testCuttingStockVariantExpandsDemands() throws {
        let i = try BinPackingReader.parse("2\n10\n6 2\n4 3\n", path: "cs.txt")
        XCTAssertEqual(i.capacity, 10)
        XCTAssertEqual(i.weights, [6, 6, 4, 4, 4])
    }

    func testORLibraryFileAddressesProblems() throws {
        let text = """
         2
         u_a
         10 3 2
         6
         5
         4
         u_b
         20 2 1
         11
         9

        """
        let first = try BinPackingReader.parse(text, path: "binpack.txt")
        XCTAssertEqual(first.name, "u_a")
        XCTAssertEqual(first.weights, [6, 5, 4])
        let second = try BinPackingReader.parse(text, path: "binpack.txt", problem: 2)
        XCTAssertEqual(second.name, "u_b")
        XCTAssertEqual(second.capacity, 20)
        XCTAssertEqual(second.weights, [11, 9])
        XCTAssertEqual(try BinPackingReader.parseAll(text, path: "binpack.txt").count, 2)
        XCTAssertThrowsError(try BinPackingReader.parse(text, path: "binpack.txt", problem: 3)) { e in
            XCTAssertTrue("\(e)".contains("2 problems"), "\(e)")
        }
    }

    private func assertError(_ text: String, line: Int?, contains fragment: String,
                             file: StaticString = #filePath, lineNumber: UInt = #line) {
        XCTAssertThrowsError(try BinPackingReader.parse(text, path: "bad.txt"), file: file, line: lineNumber) { error in
            guard let e = error as? BinPackingFormatError else {
                return XCTFail("unexpected error type \(error)", file: file, line: lineNumber)
            }
            XCTAssertEqual(e.file, "bad.txt", file: file, line: lineNumber)
            XCTAssertEqual(e.line, line, "\(e)", file: file, line: lineNumber)
            XCTAssertTrue(e.description.contains(fragment), "\(e)", file: file, line: lineNumber)
            if let line { XCTAssertTrue(e.description.hasPrefix("bad.txt:\(line): "), "\(e)", file: file, line: lineNumber) }
        }
    }

    func testBadInputErrorsNameTheLine() {
        assertError("", line: nil, contains: "empty file")
        assertError("3\n", line: 1, contains: "capacity")
        assertError("3\n10\n4\n160\n2\n", line: 4, contains: "above the bin capacity 10")
        assertError("3\n10\n4\n5\n", line: 4, contains: "too few weights")
        assertError("2\n10\n4\n5\n6\n", line: 5, contains: "unexpected \"6\"")
        assertError("2\n10\n4\nx5\n", line: 4, contains: "found \"x5\"")
        assertError("2\n10\n4\n-5\n", line: 4, contains: "positive integer")
        assertError("2\n0\n4\n5\n", line: 2, contains: "bin capacity")
        assertError("0\n10\n", line: 1, contains: "item count")
        assertError("99999999999999999999\n10\n", line: 1, contains: "item count")
    }

    func testMissingFileAndDirectory() {
        XCTAssertThrowsError(try BinPackingReader.read(path: "/nonexistent/x.txt")) { e in
            XCTAssertEqual("\(e)", "/nonexistent/x.txt: no such file")
        }
        XCTAssertThrowsError(try BinPackingReader.read(path: BundledBPP.path("bpp"))) { e in
            XCTAssertTrue("\(e)".contains("is a directory"))
        }
    }
}
