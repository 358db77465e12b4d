/// Every keyword of the TSPLIB95 format, including those of problem types we do not read, so
/// that a CVRP or tour keyword gets a precise "belongs to another file type" message instead of
/// "unknown keyword".
enum TSPLIBKeyword: String, CaseIterable {
    // Specification part.
    case name = "NAME"
    case type = "TYPE"
    case comment = "COMMENT"
    case dimension = "DIMENSION"
    case capacity = "CAPACITY"
    case edgeWeightType = "EDGE_WEIGHT_TYPE"
    case edgeWeightFormat = "EDGE_WEIGHT_FORMAT"
    case edgeDataFormat = "EDGE_DATA_FORMAT"
    case nodeCoordType = "NODE_COORD_TYPE"
    case displayDataType = "DISPLAY_DATA_TYPE"
    // Data part.
    case nodeCoordSection = "NODE_COORD_SECTION"
    case depotSection = "DEPOT_SECTION"
    case demandSection = "DEMAND_SECTION"
    case edgeDataSection = "EDGE_DATA_SECTION"
    case fixedEdgesSection = "FIXED_EDGES_SECTION"
    case displayDataSection = "DISPLAY_DATA_SECTION"
    case tourSection = "TOUR_SECTION"
    case edgeWeightSection = "EDGE_WEIGHT_SECTION"
    case eof = "EOF"

    /// Sections carry data on the lines after the keyword, not a value after a colon.
    var isSection: Bool { rawValue.hasSuffix("_SECTION") }

    /// A keyword line split into its parts.
    struct Line {
        /// The keyword as written (for messages).
        let word: Range<Int>
        /// The known keyword, or nil when the word is not a TSPLIB keyword.
        let keyword: TSPLIBKeyword?
        /// Everything after the keyword and an optional colon, trimmed; may be empty.
        let value: Range<Int>
    }

    /// Splits a line that starts with a letter into `KEYWORD [:] value`. Accepts `KEY: value`,
    /// `KEY : value`, `KEY:value` and, leniently, `KEY value`. Matching is case-insensitive.
    static func split(_ line: TSPLIBLine, in text: TSPLIBText) -> Line {
        let bytes = text.bytes
        var i = line.range.lowerBound
        let end = line.range.upperBound
        while i < end && !isTSPLIBBlank(bytes[i]) && bytes[i] != UInt8(ascii: ":") { i += 1 }
        let word = line.range.lowerBound..<i
        while i < end && isTSPLIBBlank(bytes[i]) { i += 1 }
        if i < end && bytes[i] == UInt8(ascii: ":") { i += 1 }
        while i < end && isTSPLIBBlank(bytes[i]) { i += 1 }
        return Line(word: word, keyword: TSPLIBKeyword(rawValue: text.upper(word)), value: i..<end)
    }

    /// Whether a line is a keyword line of any kind. Section parsers stop at such a line and
    /// leave it to the caller; a letter-led line that is no keyword is bad data instead.
    static func isKeywordLine(_ line: TSPLIBLine, in text: TSPLIBText) -> Bool {
        guard !line.isBlank, isASCIILetter(text.bytes[line.range.lowerBound]) else { return false }
        return split(line, in: text).keyword != nil
    }
}
