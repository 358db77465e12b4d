/// Every keyword of the TSPLIB95 format, including those of problem types we do not read, so
/// that a tour or HCP keyword gets a precise "belongs to another file type" message instead of
/// "unknown keyword"; and the routing keywords of CVRPLIB / VRPLIB.
///
/// Which of them a parser recognises depends on its `TSPLIBDialect`: the `.tsp` dialect knows
/// the TSPLIB95 keywords only (`isTSPLIB95`), so `VEHICLES` in a TSP file is an unknown keyword
/// there, exactly as before the routing keywords existed.
public enum TSPLIBKeyword: String, CaseIterable, Sendable {
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
    // CVRPLIB / VRPLIB additions (not in TSPLIB95).
    /// Maximum length (or duration) of one route.
    case distance = "DISTANCE"
    /// One service time for every customer.
    case serviceTime = "SERVICE_TIME"
    /// Number of vehicles available.
    case vehicles = "VEHICLES"
    case timeWindowSection = "TIME_WINDOW_SECTION"
    case serviceTimeSection = "SERVICE_TIME_SECTION"

    /// Sections carry data on the lines after the keyword, not a value after a colon.
    public var isSection: Bool { rawValue.hasSuffix("_SECTION") }

    /// Whether TSPLIB95 itself defines the keyword (the `.tsp` dialect knows only these).
    public var isTSPLIB95: Bool {
        switch self {
        case .distance, .serviceTime, .vehicles, .timeWindowSection, .serviceTimeSection: return false
        default: return true
        }
    }

    /// Whether a parser of `dialect` recognises the keyword.
    public func isKnown(in dialect: TSPLIBDialect) -> Bool {
        dialect == .vrplib || isTSPLIB95
    }

    /// A keyword line split into its parts.
    package struct Line {
        /// The keyword as written (for messages).
        package let word: Range<Int>
        /// The known keyword, or nil when the word is not a keyword of the text's dialect.
        package let keyword: TSPLIBKeyword?
        /// Everything after the keyword and an optional colon, trimmed; may be empty.
        package let value: Range<Int>
    }

    /// Splits a line that starts with a letter into `KEYWORD [:] value`. Accepts `KEY: value`,
    /// `KEY : value`, `KEY:value` and, leniently, `KEY value`. Matching is case-insensitive.
    package static func split(_ line: TSPLIBLine, in text: TSPLIBText) -> Line {
        let bytes = text.bytes
        var i = line.range.lowerBound
        let end = line.range.upperBound
        while i < end && !isTSPLIBBlank(bytes[i]) && bytes[i] != UInt8(ascii: ":") { i += 1 }
        let word = line.range.lowerBound..<i
        while i < end && isTSPLIBBlank(bytes[i]) { i += 1 }
        if i < end && bytes[i] == UInt8(ascii: ":") { i += 1 }
        while i < end && isTSPLIBBlank(bytes[i]) { i += 1 }
        let keyword = TSPLIBKeyword(rawValue: text.upper(word)).flatMap { $0.isKnown(in: text.dialect) ? $0 : nil }
        return Line(word: word, keyword: keyword, value: i..<end)
    }

    /// Whether a line is a keyword line of any kind. Section parsers stop at such a line and
    /// leave it to the caller; a letter-led line that is no keyword is bad data instead.
    package static func isKeywordLine(_ line: TSPLIBLine, in text: TSPLIBText) -> Bool {
        guard !line.isBlank, isASCIILetter(text.bytes[line.range.lowerBound]) else { return false }
        return split(line, in: text).keyword != nil
    }
}
