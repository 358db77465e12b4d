import HunchTSPLIB

/// Reads symmetric TSP instances in the TSPLIB95 format (Reinelt, *TSPLIB — A Traveling
/// Salesman Problem Library*, ORSA J. Computing 3(4), 1991).
///
/// Supported: TYPE TSP; EDGE_WEIGHT_TYPE EUC_2D, CEIL_2D, ATT, GEO, MAN_2D, MAX_2D and EXPLICIT
/// with every EDGE_WEIGHT_FORMAT (FULL_MATRIX, UPPER_ROW, LOWER_ROW, UPPER_DIAG_ROW,
/// LOWER_DIAG_ROW and their column-wise twins); NODE_COORD_SECTION with ids in any order;
/// DISPLAY_DATA_SECTION; FIXED_EDGES_SECTION (checked, then dropped); `KEY: value` and
/// `KEY : value`; an optional EOF; blank lines, tabs, trailing spaces and CRLF line ends.
///
/// Bad input of any kind — truncated, mangled, contradictory, absurdly large — throws a
/// `TSPLIBError` with the file, the line and what was expected; the reader never traps and
/// never allocates for data the file does not hold.
///
/// The file is parsed by `HunchTSPLIB`'s `TSPLIBDocument` in its `.tsp` dialect, which refuses
/// any TYPE but TSP and the routing keywords; `TSPInstance(document:)` then builds the instance.
///
/// Complexity: O(file size) for parsing; building a coordinate instance of up to
/// `TSPInstance.matrixLimit` nodes then fills its n×n matrix.
public enum TSPLIBReader {
    /// Reads the instance at `path`. Directories, devices and unreadable files are errors.
    public static func read(path: String) throws -> TSPInstance {
        try TSPInstance(document: TSPLIBDocument.read(path: path, dialect: .tsp))
    }

    /// Parses instance text; `file` names it in errors.
    public static func parse(_ text: String, file: String = "<input>") throws -> TSPInstance {
        try TSPInstance(document: TSPLIBDocument.parse(text, file: file, dialect: .tsp))
    }

    /// Parses raw bytes, which need not be valid UTF-8.
    static func parse(bytes: UnsafeBufferPointer<UInt8>, file: String) throws -> TSPInstance {
        try TSPInstance(document: TSPLIBDocument.parse(bytes: bytes, file: file, dialect: .tsp))
    }
}
