import XCTest
@testable import HunchPacking3D

final class ThpackReaderTests: XCTestCase {
    /// BR1.txt problem 1 as printed in the OR-Library file thpack1.
    func testReadsFirstProblemOfBR1AsInTheFile() throws {
        XCTAssertEqual(try ThpackReader.problemCount(path: TestData.path("BR1.txt")), 100)
        let instance = try TestData.br("BR1.txt", 1)
        XCTAssertEqual(instance.name, "BR1.txt#1")
        XCTAssertEqual(instance.container, [587, 233, 220])
        XCTAssertEqual(instance.boxTypes, [
            BoxType(dimensions: [108, 76, 30], mayBeVertical: [false, false, true], quantity: 40),
            BoxType(dimensions: [110, 43, 25], mayBeVertical: [false, true, true], quantity: 33),
            BoxType(dimensions: [92, 81, 55], mayBeVertical: [true, true, true], quantity: 39),
        ])
        XCTAssertEqual(instance.boxCount, 112)
    }

    func testReadsLastProblemOfBR7AndParsesWholeFiles() throws {
        let text = try String(contentsOfFile: TestData.path("BR7.txt"), encoding: .utf8)
        let all = try ThpackReader.parse(text, path: "BR7.txt")
        XCTAssertEqual(all.count, 100)
        XCTAssertTrue(all.allSatisfy { $0.container == [587, 233, 220] && $0.boxTypes.count == 20 })
        let last = try TestData.br("BR7.txt", 100)
        XCTAssertEqual(last.boxTypes, all[99].boxTypes)
    }

    func testWriterRoundTrips() throws {
        let instance = try TestData.br("BR7.txt", 3)
        let again = try ThpackReader.parse(ThpackWriter.write([instance]), path: "x.txt")
        XCTAssertEqual(again.count, 1)
        XCTAssertEqual(again[0].container, instance.container)
        XCTAssertEqual(again[0].boxTypes, instance.boxTypes)
    }

    private let good = """
     1
     1 2502505
     587 233 220
     2
     1 108 0 76 0 30 1 40
     2 110 0 43 1 25 1 33

    """

    private func expectError(_ text: String, line: Int?, containing words: String,
                             file: StaticString = #filePath, lineNumber: UInt = #line) {
        XCTAssertThrowsError(try ThpackReader.parse(text, path: "bad.txt"), file: file, line: lineNumber) { error in
            guard let e = error as? ThpackError else { return XCTFail("not a ThpackError: \(error)", file: file, line: lineNumber) }
            XCTAssertEqual(e.file, "bad.txt", file: file, line: lineNumber)
            XCTAssertEqual(e.line, line, "\(e)", file: file, line: lineNumber)
            XCTAssertTrue(e.description.contains(words), "\(e.description)", file: file, line: lineNumber)
            XCTAssertTrue(e.description.hasPrefix(line.map { "bad.txt:\($0):" } ?? "bad.txt:"), file: file, line: lineNumber)
        }
    }

    func testGoodTextParses() throws {
        XCTAssertEqual(try ThpackReader.parse(good, path: "good.txt").count, 1)
    }

    func testBadInputNamesTheLine() {
        expectError(good.replacingOccurrences(of: " 110 0 43", with: " 110 0 4x3"), line: 6, containing: "integer")
        expectError(good.replacingOccurrences(of: " 110 0 43 1", with: " 110 0 43 2"), line: 6, containing: "flag fw")
        expectError(good.replacingOccurrences(of: " 2\n 1 108", with: " 3\n 1 108"), line: 6, containing: "end of the file")
        expectError(good.replacingOccurrences(of: " 2 110", with: " 5 110"), line: 6, containing: "box type id 2")
        expectError(good.replacingOccurrences(of: " 1 2502505", with: " 4 2502505"), line: 2, containing: "problem number 1")
        expectError(good.replacingOccurrences(of: "108 0 76 0 30 1", with: "108 0 76 0 300 1"), line: 5,
                    containing: "larger than the container")
        expectError(good.replacingOccurrences(of: "108 0 76 0 30 1", with: "108 0 76 0 30 0"), line: 5,
                    containing: "no dimension allowed vertically")
        expectError(good + " 7\n", line: 7, containing: "end of file after 1 problems")
        expectError(good.replacingOccurrences(of: " 1 108 0 76 0 30 1 40", with: " 1 108 0 76 0 30 1 -4"), line: 5,
                    containing: "quantity")
        expectError("", line: 1, containing: "number of problems")
    }

    func testRotatedBoxThatFitsOnlyWhenLaidDownIsAccepted() throws {
        // 300 high does not fit (H = 220), but that side may lie flat (fl = 1 on another side).
        let text = " 1\n 1 0\n 587 233 220\n 1\n 1 50 1 40 0 300 0 3\n"
        XCTAssertEqual(try ThpackReader.parse(text, path: "x").first?.boxTypes.first?.orientations.count, 2)
    }

    func testMissingProblemAndMissingFile() {
        XCTAssertThrowsError(try ThpackReader.read(path: TestData.path("BR1.txt"), problem: 101)) { error in
            XCTAssertTrue("\(error)".contains("problems 1…100"), "\(error)")
        }
        XCTAssertThrowsError(try ThpackReader.read(path: "/nonexistent/BR99.txt", problem: 1)) { error in
            XCTAssertTrue("\(error)".contains("no such file"), "\(error)")
        }
    }
}
