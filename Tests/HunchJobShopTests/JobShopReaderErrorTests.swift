import XCTest
@testable import HunchJobShop

/// Bad input gives a `file:line: message` error that says what was expected — never a crash.
final class JobShopReaderErrorTests: XCTestCase {
    private func error(_ text: String, file: String = "bad.txt") -> JobShopFormatError? {
        do {
            _ = try JobShopReader.parse(text, path: file)
            return nil
        } catch let error as JobShopFormatError {
            return error
        } catch {
            XCTFail("unexpected error type \(error)")
            return nil
        }
    }

    func testEmptyFile() {
        let e = error("")
        XCTAssertEqual(e?.file, "bad.txt")
        XCTAssertTrue(e?.description.contains("empty") ?? false, e?.description ?? "no error")
    }

    func testWrongNumberOfPairs() {
        let e = error("2 2\n0 3 1 2\n1 4 0\n")
        XCTAssertEqual(e?.line, 3)
        XCTAssertTrue(e?.message.contains("expected 4 numbers") ?? false, e?.description ?? "no error")
    }

    func testTooFewJobLines() {
        let e = error("3 2\n0 3 1 2\n1 4 0 1\n")
        XCTAssertEqual(e?.line, 3)
        XCTAssertTrue(e?.message.contains("expected 3 job lines, found 2") ?? false, e?.description ?? "no error")
    }

    func testExtraDataAfterTheLastJob() {
        let e = error("1 2\n0 3 1 2\n1 4 0 1\n")
        XCTAssertEqual(e?.line, 3)
        XCTAssertTrue(e?.message.contains("unexpected data") ?? false, e?.description ?? "no error")
    }

    func testMachineVisitedTwice() {
        let e = error("2 3\n0 3 1 2 2 1\n1 4 0 1 1 5\n")
        XCTAssertEqual(e?.line, 3)
        XCTAssertEqual(e?.description, "bad.txt:3: job 1 visits machine 1 twice (operations 0 and 2); each job must visit each machine once")
    }

    func testNegativeTime() {
        let e = error("2 2\n0 3 1 -2\n1 4 0 1\n")
        XCTAssertEqual(e?.line, 2)
        XCTAssertTrue(e?.message.contains("negative processing time -2") ?? false, e?.description ?? "no error")
    }

    func testNonNumericToken() {
        let e = error("2 2\n0 3 1 2\n1 x 0 1\n")
        XCTAssertEqual(e?.description, "bad.txt:3: expected a processing time (an integer), found \"x\"")
    }

    func testMachineOutOfRange() {
        let e = error("2 2\n0 3 2 2\n1 4 0 1\n")
        XCTAssertEqual(e?.line, 2)
        XCTAssertTrue(e?.message.contains("machine 2 is out of range 0…1") ?? false, e?.description ?? "no error")
    }

    func testTaillardMachineZeroIsOutOfRange() {
        let e = error("2 2\nTimes\n1 2\n3 4\nMachines\n1 2\n0 1\n")
        XCTAssertEqual(e?.line, 7)
        XCTAssertTrue(e?.message.contains("out of range 1…2") ?? false, e?.description ?? "no error")
    }

    func testBadHeader() {
        XCTAssertEqual(error("0 5\n")?.line, 1)
        XCTAssertEqual(error("4\n")?.line, 1)
        XCTAssertEqual(error("3 x\n")?.description, "bad.txt:1: expected the number of machines (an integer), found \"x\"")
        XCTAssertTrue(error("100000 100000\n")?.message.contains("exceed") ?? false)
    }

    func testMissingFileAndDirectory() {
        XCTAssertThrowsError(try JobShopReader.read(path: "/nonexistent/x.txt")) { e in
            XCTAssertEqual("\(e)", "/nonexistent/x.txt: no such file")
        }
        XCTAssertThrowsError(try JobShopReader.read(path: NSTemporaryDirectory())) { e in
            XCTAssertTrue("\(e)".contains("is a directory"))
        }
    }

    func testTruncationsOfARealFileNeverCrash() throws {
        let text = try String(contentsOfFile: Bundled.path("ft06"), encoding: .utf8)
        for cut in stride(from: 0, to: text.count, by: 3) {
            _ = try? JobShopReader.parse(String(text.prefix(cut)), path: "cut.txt")
        }
    }
}
