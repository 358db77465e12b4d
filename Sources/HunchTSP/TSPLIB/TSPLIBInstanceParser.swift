/// Reads one TSPLIB instance in a single pass: specification lines fill in the header, each
/// section is parsed where it stands, and the instance is assembled and checked at the end.
///
/// TSPLIB95 puts the specification part before the data part, so a section can rely on
/// DIMENSION (and, for EDGE_WEIGHT_SECTION, the type and format) being known when it starts;
/// a file that breaks this order gets an error at the section's line saying what is missing.
struct TSPLIBInstanceParser {
    /// A header value and the line that gave it, for messages that point back at it.
    struct Given<Value> {
        let value: Value
        let line: Int
    }

    enum NodeCoordType: String {
        case twoD = "TWOD_COORDS"
        case none = "NO_COORDS"
    }

    enum DisplayDataType: String {
        case coordinates = "COORD_DISPLAY"
        case twoD = "TWOD_DISPLAY"
        case none = "NO_DISPLAY"
    }

    /// Known TSPLIB edge-weight types this solver cannot compute, told apart from typos.
    static let unsupportedEdgeWeightTypes: Set<String> = [
        "EUC_3D", "MAX_3D", "MAN_3D", "XRAY1", "XRAY2", "SPECIAL", "GEOM",
    ]

    /// GEO coordinates are degrees.minutes (|latitude| ≤ 90, |longitude| ≤ 180); anything past
    /// this bound is damage, and far beyond it `Int(value)` in the conversion would trap.
    static let geoCoordinateLimit = 1_000_000.0

    let text: TSPLIBText
    private var cursor: TSPLIBLineCursor

    private var name: String?
    private var comments: [String] = []
    private var dimension: Given<Int>?
    private var edgeWeightType: Given<TSPEdgeWeightType>?
    private var edgeWeightFormat: Given<TSPLIBEdgeWeightFormat>?
    private var nodeCoordType: Given<NodeCoordType>?
    private var displayDataType: Given<DisplayDataType>?
    /// Line of each keyword met so far, to refuse one given twice.
    private var keywordLines: [TSPLIBKeyword: Int] = [:]

    private var nodeCoordinates: TSPLIBCoordinateSection?
    private var displayData: TSPLIBCoordinateSection?
    private var weights: [Int]?
    /// Where reading stopped (the EOF line, else the last line): where missing things are reported.
    private var endLine = 1

    init(text: TSPLIBText) {
        self.text = text
        cursor = TSPLIBLineCursor(text.bytes)
    }

    mutating func parse() throws -> TSPInstance {
        var sawContent = false
        reading: while let line = cursor.next() {
            endLine = line.number
            if line.isBlank { continue }
            sawContent = true
            guard isASCIILetter(text.bytes[line.range.lowerBound]) else {
                throw text.error(line.number, "expected a \"KEYWORD : value\" line or a section keyword, "
                    + "found \(text.quote(line.range))")
            }
            let parts = TSPLIBKeyword.split(line, in: text)
            guard let keyword = parts.keyword else {
                throw text.error(line.number, "unknown keyword \(text.quote(parts.word)); expected a TSPLIB keyword such as "
                    + "NAME, TYPE, COMMENT, DIMENSION, EDGE_WEIGHT_TYPE, EDGE_WEIGHT_FORMAT, NODE_COORD_SECTION, "
                    + "EDGE_WEIGHT_SECTION or EOF")
            }
            if keyword != .comment, let first = keywordLines[keyword] {
                throw text.error(line.number, "\(keyword.rawValue) appears twice (first at line \(first)); expected it once")
            }
            keywordLines[keyword] = line.number
            if keyword.isSection && !parts.value.isEmpty {
                throw text.error(line.number, "expected nothing after \(keyword.rawValue) on its line, "
                    + "found \(text.quote(parts.value)); the data starts on the next line")
            }
            switch keyword {
            case .eof:
                break reading
            case .name:
                name = text.string(parts.value)
            case .comment:
                comments.append(text.string(parts.value))
            case .type:
                try readType(parts, line: line.number)
            case .dimension:
                try readDimension(parts, line: line.number)
            case .edgeWeightType:
                try readEdgeWeightType(parts, line: line.number)
            case .edgeWeightFormat:
                let value = try singleValue(parts, line: line.number)
                guard let format = TSPLIBEdgeWeightFormat(rawValue: value) else {
                    throw text.error(line.number, "unknown EDGE_WEIGHT_FORMAT \(value.debugDescription); expected one of "
                        + TSPLIBEdgeWeightFormat.allCases.map(\.rawValue).joined(separator: ", "))
                }
                edgeWeightFormat = Given(value: format, line: line.number)
            case .nodeCoordType:
                let value = try singleValue(parts, line: line.number)
                if value == "THREED_COORDS" {
                    throw text.error(line.number, "NODE_COORD_TYPE THREED_COORDS is not supported; "
                        + "expected TWOD_COORDS or NO_COORDS")
                }
                guard let type = NodeCoordType(rawValue: value) else {
                    throw text.error(line.number, "unknown NODE_COORD_TYPE \(value.debugDescription); "
                        + "expected TWOD_COORDS or NO_COORDS")
                }
                nodeCoordType = Given(value: type, line: line.number)
            case .displayDataType:
                let value = try singleValue(parts, line: line.number)
                guard let type = DisplayDataType(rawValue: value) else {
                    throw text.error(line.number, "unknown DISPLAY_DATA_TYPE \(value.debugDescription); "
                        + "expected COORD_DISPLAY, TWOD_DISPLAY or NO_DISPLAY")
                }
                displayDataType = Given(value: type, line: line.number)
            case .capacity, .edgeDataFormat, .depotSection, .demandSection, .edgeDataSection:
                throw text.error(line.number, "\(keyword.rawValue) belongs to other TSPLIB problem types (CVRP, HCP…); "
                    + "expected a TYPE : TSP file")
            case .tourSection:
                throw text.error(line.number, "TOUR_SECTION belongs to tour files; expected a TSP instance "
                    + "(read tours with TourFile)")
            case .nodeCoordSection:
                let n = try dimensionBefore(keyword, line: line.number)
                if let given = nodeCoordType, given.value == .none {
                    throw text.error(line.number, "NODE_COORD_SECTION given but NODE_COORD_TYPE is NO_COORDS "
                        + "(line \(given.line)); expected no coordinates")
                }
                nodeCoordinates = try TSPLIBCoordinateSection.parse(
                    keyword, headerLine: line.number, dimension: n.value, dimensionLine: n.line,
                    cursor: &cursor, text: text)
            case .displayDataSection:
                let n = try dimensionBefore(keyword, line: line.number)
                if let given = displayDataType, given.value != .twoD {
                    throw text.error(line.number, "DISPLAY_DATA_SECTION given but DISPLAY_DATA_TYPE is "
                        + "\(given.value.rawValue) (line \(given.line)); expected TWOD_DISPLAY")
                }
                displayData = try TSPLIBCoordinateSection.parse(
                    keyword, headerLine: line.number, dimension: n.value, dimensionLine: n.line,
                    cursor: &cursor, text: text)
            case .edgeWeightSection:
                let n = try dimensionBefore(keyword, line: line.number)
                let format = try matrixFormat(sectionLine: line.number)
                weights = try TSPLIBEdgeWeightSection.parse(
                    format: format, headerLine: line.number, dimension: n.value, dimensionLine: n.line,
                    cursor: &cursor, text: text)
            case .fixedEdgesSection:
                let n = try dimensionBefore(keyword, line: line.number)
                try TSPLIBFixedEdgesSection.parse(dimension: n.value, dimensionLine: n.line, cursor: &cursor, text: text)
            }
        }
        guard sawContent else {
            throw text.error(1, "empty file; expected a TSPLIB instance with NAME, TYPE, DIMENSION and EDGE_WEIGHT_TYPE lines")
        }
        return try assemble()
    }

    // MARK: Header values

    /// The value of a keyword that takes one word, upper-cased.
    private func singleValue(_ parts: TSPLIBKeyword.Line, line: Int) throws -> String {
        let keyword = parts.keyword!.rawValue
        var tokens = TSPLIBTokens(text.bytes, parts.value)
        guard let token = tokens.next() else {
            throw text.error(line, "expected a value after \(keyword)")
        }
        guard tokens.next() == nil else {
            throw text.error(line, "expected one value after \(keyword), found \(text.quote(parts.value))")
        }
        return text.upper(token)
    }

    private mutating func readType(_ parts: TSPLIBKeyword.Line, line: Int) throws {
        // Only the first word counts: si175 and friends say "TYPE: TSP (M.~Hofmeister)".
        var tokens = TSPLIBTokens(text.bytes, parts.value)
        guard let token = tokens.next() else {
            throw text.error(line, "expected a value after TYPE (TSP)")
        }
        switch text.upper(token) {
        case "TSP":
            return
        case "TOUR":
            throw text.error(line, "TYPE TOUR is a tour file, not an instance; expected TYPE : TSP "
                + "(read tours with TourFile)")
        case "ATSP":
            throw text.error(line, "TYPE ATSP (asymmetric TSP) is not supported; expected TYPE : TSP")
        case let other where ["CVRP", "HCP", "SOP"].contains(other):
            throw text.error(line, "TYPE \(other) is not supported; expected TYPE : TSP (symmetric TSP)")
        default:
            throw text.error(line, "unknown TYPE \(text.quote(token)); expected TYPE : TSP")
        }
    }

    private mutating func readDimension(_ parts: TSPLIBKeyword.Line, line: Int) throws {
        var tokens = TSPLIBTokens(text.bytes, parts.value)
        guard let token = tokens.next() else {
            throw text.error(line, "expected a value after DIMENSION (the number of nodes)")
        }
        guard tokens.next() == nil else {
            throw text.error(line, "expected one value after DIMENSION, found \(text.quote(parts.value))")
        }
        // A file cannot describe more nodes than it has bytes: anything above is damage, and is
        // refused before any section allocates for it.
        let absurd = "DIMENSION \(text.string(token)) is absurd for a file of \(text.bytes.count) bytes; "
            + "expected the number of nodes"
        switch TSPLIBNumber.integer(text.bytes, token) {
        case .value(let n) where n <= 0:
            throw text.error(line, "expected a positive DIMENSION, found \(n)")
        case .value(let n) where n > text.bytes.count:
            throw text.error(line, absurd)
        case .value(let n):
            dimension = Given(value: n, line: line)
        case .overflow:
            throw text.error(line, absurd)
        case .invalid:
            throw text.error(line, "expected an integer DIMENSION (the number of nodes), found \(text.quote(token))")
        }
    }

    private mutating func readEdgeWeightType(_ parts: TSPLIBKeyword.Line, line: Int) throws {
        let value = try singleValue(parts, line: line)
        let supported = TSPEdgeWeightType.allCases.map(\.rawValue).joined(separator: ", ")
        guard let type = TSPEdgeWeightType(rawValue: value) else {
            if Self.unsupportedEdgeWeightTypes.contains(value) {
                throw text.error(line, "EDGE_WEIGHT_TYPE \(value) is not supported; expected one of \(supported)")
            }
            throw text.error(line, "unknown EDGE_WEIGHT_TYPE \(value.debugDescription); expected one of \(supported)")
        }
        edgeWeightType = Given(value: type, line: line)
    }

    // MARK: Sections

    private func dimensionBefore(_ keyword: TSPLIBKeyword, line: Int) throws -> Given<Int> {
        guard let dimension else {
            throw text.error(line, "\(keyword.rawValue) comes before DIMENSION; expected a DIMENSION : <nodes> line above it")
        }
        return dimension
    }

    /// The matrix layout an EDGE_WEIGHT_SECTION at `sectionLine` is read with.
    private func matrixFormat(sectionLine: Int) throws -> TSPLIBEdgeWeightFormat {
        guard let type = edgeWeightType else {
            throw text.error(sectionLine, "EDGE_WEIGHT_SECTION comes before EDGE_WEIGHT_TYPE; expected "
                + "EDGE_WEIGHT_TYPE : EXPLICIT and an EDGE_WEIGHT_FORMAT line above it")
        }
        guard type.value == .explicit else {
            throw text.error(sectionLine, "EDGE_WEIGHT_SECTION given but EDGE_WEIGHT_TYPE is \(type.value.rawValue) "
                + "(line \(type.line)); expected EDGE_WEIGHT_TYPE : EXPLICIT for a matrix")
        }
        guard let format = edgeWeightFormat, format.value != .function else {
            throw text.error(sectionLine, "EDGE_WEIGHT_TYPE EXPLICIT needs " + Self.formatAdvice + " before EDGE_WEIGHT_SECTION")
        }
        return format.value
    }

    private static let formatAdvice = "an EDGE_WEIGHT_FORMAT line (FULL_MATRIX, UPPER_ROW, LOWER_ROW, "
        + "UPPER_DIAG_ROW, LOWER_DIAG_ROW, …)"

    // MARK: Assembly

    private func assemble() throws -> TSPInstance {
        guard let dimension else {
            throw text.error(endLine, "missing DIMENSION; expected a DIMENSION : <nodes> line in the header")
        }
        guard let type = edgeWeightType else {
            throw text.error(endLine, "missing EDGE_WEIGHT_TYPE; expected e.g. EDGE_WEIGHT_TYPE : EUC_2D in the header")
        }
        let n = dimension.value
        let instanceName = name ?? Self.stem(of: text.file)
        let comment = comments.joined(separator: "\n")

        if type.value == .explicit {
            guard let format = edgeWeightFormat else {
                throw text.error(type.line, "EDGE_WEIGHT_TYPE EXPLICIT needs " + Self.formatAdvice)
            }
            guard format.value != .function else {
                throw text.error(format.line, "EDGE_WEIGHT_FORMAT FUNCTION contradicts EDGE_WEIGHT_TYPE EXPLICIT "
                    + "(line \(type.line)); expected a matrix format such as FULL_MATRIX")
            }
            guard let weights else {
                throw text.error(endLine, "missing EDGE_WEIGHT_SECTION; EDGE_WEIGHT_TYPE EXPLICIT (line \(type.line)) "
                    + "needs the \(format.value.rawValue) matrix of \(n) nodes")
            }
            // Node coordinates of an explicit instance mean nothing for distances; keep them
            // for pictures unless proper display data is given.
            let display = displayData ?? nodeCoordinates
            return TSPInstance(name: instanceName, comment: comment, matrix: weights, dimension: n,
                               displayX: display?.x ?? [], displayY: display?.y ?? [])
        }

        if let format = edgeWeightFormat, format.value != .function {
            throw text.error(format.line, "EDGE_WEIGHT_FORMAT \(format.value.rawValue) needs EDGE_WEIGHT_TYPE : EXPLICIT, "
                + "but EDGE_WEIGHT_TYPE is \(type.value.rawValue) (line \(type.line)); expected FUNCTION or no "
                + "EDGE_WEIGHT_FORMAT")
        }
        if let given = nodeCoordType, given.value == .none {
            throw text.error(given.line, "NODE_COORD_TYPE NO_COORDS contradicts EDGE_WEIGHT_TYPE \(type.value.rawValue) "
                + "(line \(type.line)), which computes distances from coordinates; expected TWOD_COORDS")
        }
        guard let coordinates = nodeCoordinates else {
            throw text.error(endLine, "missing NODE_COORD_SECTION; EDGE_WEIGHT_TYPE \(type.value.rawValue) "
                + "(line \(type.line)) needs the coordinates of all \(n) nodes")
        }
        try checkRange(coordinates, type: type.value)
        return TSPInstance(name: instanceName, comment: comment, edgeWeightType: type.value,
                           x: coordinates.x, y: coordinates.y,
                           displayX: displayData?.x ?? [], displayY: displayData?.y ?? [])
    }

    /// Refuses coordinates whose distances would not fit the 32-bit matrix `TSPInstance` keeps
    /// (it would clamp them silently, and only for instances small enough to have a matrix).
    private func checkRange(_ coordinates: TSPLIBCoordinateSection, type: TSPEdgeWeightType) throws {
        let x = coordinates.x, y = coordinates.y
        if type == .geo {
            for node in x.indices where abs(x[node]) > Self.geoCoordinateLimit || abs(y[node]) > Self.geoCoordinateLimit {
                throw text.error(Int(coordinates.lineOfNode[node]), "GEO coordinates of node \(node + 1) are out of range; "
                    + "expected degrees.minutes within ±\(Int(Self.geoCoordinateLimit))")
            }
            return // GEO distances are at most half the Earth's circumference.
        }
        guard let minX = x.indices.min(by: { x[$0] < x[$1] }), let maxX = x.indices.max(by: { x[$0] < x[$1] }),
              let minY = y.indices.min(by: { y[$0] < y[$1] }), let maxY = y.indices.max(by: { y[$0] < y[$1] })
        else { return }
        let dx = x[maxX] - x[minX], dy = y[maxY] - y[minY]
        let largest: Double
        switch type {
        case .man2D: largest = dx + dy
        case .max2D: largest = max(dx, dy)
        case .att: largest = ((dx * dx + dy * dy) / 10).squareRoot()
        default: largest = (dx * dx + dy * dy).squareRoot()
        }
        guard largest < Double(Int32.max) - 1 else {
            // Blame the node farthest out on the wider axis.
            let node = dx >= dy ? (abs(x[maxX]) >= abs(x[minX]) ? maxX : minX)
                                : (abs(y[maxY]) >= abs(y[minY]) ? maxY : minY)
            throw text.error(Int(coordinates.lineOfNode[node]), "coordinates span \(dx) × \(dy), so \(type.rawValue) "
                + "distances could reach \(largest); expected distances that fit in 32 bits (below \(Int32.max))")
        }
    }

    /// The file name without folders and extension, the instance's name when NAME is missing.
    static func stem(of file: String) -> String {
        guard file != "<input>" else { return "" }
        let base = file.split(separator: "/").last.map(String.init) ?? file
        guard let dot = base.firstIndex(of: "."), dot != base.startIndex else { return base }
        return String(base[..<dot])
    }
}
