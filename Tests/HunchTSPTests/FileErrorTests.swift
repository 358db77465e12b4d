import Foundation
import XCTest
@testable import HunchTSP

/// Property: `read(path:)` refuses paths that are not readable regular files with an error
/// naming the path (and no line), and never blocks on a FIFO.
final class FileErrorTests: XCTestCase {
    func testDirectory() throws {
        let directory = try TestData.temporaryDirectory()
        let error = assertTSPLIBError(try TSPLIBReader.read(path: directory), line: nil,
                                      mentions: "is a directory", "expected a TSPLIB file")
        XCTAssertEqual(error?.file, directory)
        XCTAssertEqual(error?.description, "\(directory): is a directory; expected a TSPLIB file")
        assertTSPLIBError(try TourFile.read(path: directory, dimension: 3), line: nil, mentions: "is a directory")
    }

    func testMissingFile() {
        assertTSPLIBError(try TSPLIBReader.read(path: "/nonexistent/berlin52.tsp"), line: nil,
                          mentions: "cannot read file", "No such file")
    }

    /// Unreadable: a path through a regular file (running as root makes chmod 000 useless).
    func testUnreadablePath() throws {
        let path = TestData.bundledTSP + "/berlin52.tsp/child.tsp"
        assertTSPLIBError(try TSPLIBReader.read(path: path), line: nil, mentions: "cannot read file", "Not a directory")
    }

    /// A FIFO would block `open` forever with no writer; it is refused by its type first.
    func testFIFOIsRefused() throws {
        let path = try TestData.temporaryDirectory() + "/pipe.tsp"
        XCTAssertEqual(mkfifo(path, 0o600), 0)
        assertTSPLIBError(try TSPLIBReader.read(path: path), line: nil, mentions: "is not a regular file")
    }

    func testEmptyFileOnDisk() throws {
        let path = try TestData.temporaryDirectory() + "/empty.tsp"
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data()))
        let error = assertTSPLIBError(try TSPLIBReader.read(path: path), line: 1, mentions: "empty file")
        XCTAssertEqual(error?.file, path)
    }

    /// Errors inside a file read from disk name the path as given.
    func testErrorsNameThePath() throws {
        let path = try TestData.temporaryDirectory() + "/bad.tsp"
        try "NAME: bad\nDIMENSION: two\n".write(toFile: path, atomically: true, encoding: .utf8)
        let error = assertTSPLIBError(try TSPLIBReader.read(path: path), line: 2, mentions: "expected an integer DIMENSION")
        XCTAssertTrue(error?.description.hasPrefix("\(path):2: ") ?? false)
    }
}
