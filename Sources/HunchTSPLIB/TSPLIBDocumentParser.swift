/// Reads one TSPLIB instance file in a single pass: specification lines fill in the header,
/// each section is parsed where it stands, and the document is assembled and checked at the end.
///
/// TSPLIB95 puts the specification part before the data part, so a section can rely on
/// DIMENSION (and, for EDGE_WEIGHT_SECTION, the type and format) being known when it starts;
/// a file that breaks this order gets an error at the section's line saying what is missing.
///
/// The text's `TSPLIBDialect` decides which TYPEs and keywords are accepted; everything a file
/// of both dialects may hold is read and checked the same way, so a TSP file gives the same
/// document, or the same error, in both.
package struct TSPLIBDocumentParser {
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

    /// Keywords of other TSPLIB problem types that the `.tsp` dialect refuses by name.
    static let otherProblemKeywords: Set<TSPLIBKeyword> = [
        .capacity, .edgeDataFormat, .depotSection, .demandSection, .edgeDataSection,
    ]

    let text: TSPLIBText
    private var dialect: TSPLIBDialect { text.dialect }
    private var cursor: TSPLIBLineCursor

    private var name: String?
    private var comments: [String] = []
    private var problemType: Given<TSPLIBProblemType>?
    private var dimension: Given<Int>?
    private var edgeWeightType: Given<TSPLIBEdgeWeightType>?
    private var edgeWeightFormat: Given<TSPLIBEdgeWeightFormat>?
    private var nodeCoordType: Given<NodeCoordType>?
    private var displayDataType: Given<DisplayDataType>?
    /// Line of each keyword met so far, to refuse one given twice.
    private var keywordLines: [TSPLIBKeyword: Int] = [:]

    private var nodeCoordinates: TSPLIBCoordinateSection?
    private var displayData: TSPLIBCoordinateSection?
    private var weights: [Int]?
    private var fixedEdges: [(Int, Int)] = []
    private var capacity: Int?
    private var vehicles: Int?
    private var maximumRouteLength: Double?
    private var serviceTime: Double?
    private var demands: [Int]?
    private var demandLines: [Int]?
    private var depots: [Int]?
    private var timeWindows: [TSPLIBTimeWindow]?
    private var serviceTimes: [Double]?
    /// Where reading stopped (the EOF line, else the last line): where missing things are reported.
    private var endLine = 1

    package init(text: TSPLIBText) {
        self.text = text
        cursor = TSPLIBLineCursor(text.bytes)
    }

    package mutating func parse() throws -> TSPLIBDocument {
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
                    + Self.keywordExamples(dialect))
            }
            if keyword != .comment, let first = keywordLines[keyword] {
                throw text.error(line.number, "\(keyword.rawValue) appears twice (first at line \(first)); expected it once")
            }
            keywordLines[keyword] = line.number
            if keyword.isSection && !parts.value.isEmpty {
                throw text.error(line.number, "expected nothing after \(keyword.rawValue) on its line, "
                    + "found \(text.quote(parts.value)); the data starts on the next line")
            }
            try refuseOtherProblemKeyword(keyword, line: line.number)
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
                    throw text.error(line.number, "unknown EDGE_WEIGHT_FORMAT \(TSPLIBText.quote(value)); expected one of "
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
                    throw text.error(line.number, "unknown NODE_COORD_TYPE \(TSPLIBText.quote(value)); "
                        + "expected TWOD_COORDS or NO_COORDS")
                }
                nodeCoordType = Given(value: type, line: line.number)
            case .displayDataType:
                let value = try singleValue(parts, line: line.number)
                guard let type = DisplayDataType(rawValue: value) else {
                    throw text.error(line.number, "unknown DISPLAY_DATA_TYPE \(TSPLIBText.quote(value)); "
                        + "expected COORD_DISPLAY, TWOD_DISPLAY or NO_DISPLAY")
                }
                displayDataType = Given(value: type, line: line.number)
            case .edgeDataFormat, .edgeDataSection:
                break // refused above in every dialect
            case .tourSection:
                switch dialect {
                case .tsp:
                    throw text.error(line.number, "TOUR_SECTION belongs to tour files; expected a TSP instance "
                        + "(read tours with TourFile)")
                case .vrplib:
                    throw text.error(line.number, "TOUR_SECTION belongs to tour files; expected an instance")
                }
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
                    typeName: problemType?.value.rawValue ?? "TSP", cursor: &cursor, text: text)
            case .fixedEdgesSection:
                let n = try dimensionBefore(keyword, line: line.number)
                fixedEdges = try TSPLIBFixedEdgesSection.parse(
                    dimension: n.value, dimensionLine: n.line, cursor: &cursor, text: text)
            case .capacity:
                capacity = try positiveInteger(parts, line: line.number, meaning: "the capacity of a vehicle")
            case .vehicles:
                vehicles = try positiveInteger(parts, line: line.number, meaning: "the number of vehicles")
            case .distance:
                maximumRouteLength = try number(parts, line: line.number, meaning: "the maximum length of a route",
                                                allowsZero: false)
            case .serviceTime:
                serviceTime = try number(parts, line: line.number, meaning: "the service time of every customer",
                                         allowsZero: true)
            case .demandSection:
                let n = try dimensionBefore(keyword, line: line.number)
                let section = try TSPLIBNodeValueSection.parse(
                    keyword, columns: .nonNegativeIntegers("demand"), headerLine: line.number,
                    dimension: n.value, dimensionLine: n.line, cursor: &cursor, text: text)
                demands = section.values
                demandLines = section.lineOfNode.map(Int.init)
            case .depotSection:
                let n = try dimensionBefore(keyword, line: line.number)
                depots = try TSPLIBDepotSection.parse(
                    headerLine: line.number, dimension: n.value, dimensionLine: n.line, cursor: &cursor, text: text)
            case .timeWindowSection:
                let n = try dimensionBefore(keyword, line: line.number)
                let section = try TSPLIBNodeValueSection.parse(
                    keyword, columns: .nonNegativeNumbers("earliest", "latest"), headerLine: line.number,
                    dimension: n.value, dimensionLine: n.line, cursor: &cursor, text: text)
                var windows: [TSPLIBTimeWindow] = []
                windows.reserveCapacity(n.value)
                for node in 0..<n.value {
                    let earliest = section.values[2 * node], latest = section.values[2 * node + 1]
                    guard earliest <= latest else {
                        throw text.error(Int(section.lineOfNode[node]), "time window of node id \(node + 1) opens at "
                            + "\(earliest) after it closes at \(latest); expected earliest <= latest")
                    }
                    windows.append(TSPLIBTimeWindow(earliest: earliest, latest: latest))
                }
                timeWindows = windows
            case .serviceTimeSection:
                let n = try dimensionBefore(keyword, line: line.number)
                serviceTimes = try TSPLIBNodeValueSection.parse(
                    keyword, columns: .nonNegativeNumbers("service time"), headerLine: line.number,
                    dimension: n.value, dimensionLine: n.line, cursor: &cursor, text: text).values
            }
        }
        guard sawContent else {
            throw text.error(1, "empty file; expected a TSPLIB instance with NAME, TYPE, DIMENSION and EDGE_WEIGHT_TYPE lines")
        }
        return try assemble()
    }

    /// Keywords that belong to problem types the dialect does not read, refused by name.
    private func refuseOtherProblemKeyword(_ keyword: TSPLIBKeyword, line: Int) throws {
        switch dialect {
        case .tsp:
            guard Self.otherProblemKeywords.contains(keyword) else { return }
            throw text.error(line, "\(keyword.rawValue) belongs to other TSPLIB problem types (CVRP, HCP…); "
                + "expected a TYPE : TSP file")
        case .vrplib:
            guard keyword == .edgeDataFormat || keyword == .edgeDataSection else { return }
            throw text.error(line, "\(keyword.rawValue) belongs to other TSPLIB problem types (HCP, sparse graphs); "
                + "expected EDGE_WEIGHT_TYPE with NODE_COORD_SECTION or EDGE_WEIGHT_SECTION")
        }
    }

    /// The keywords an "unknown keyword" message suggests.
    private static func keywordExamples(_ dialect: TSPLIBDialect) -> String {
        switch dialect {
        case .tsp:
            return "NAME, TYPE, COMMENT, DIMENSION, EDGE_WEIGHT_TYPE, EDGE_WEIGHT_FORMAT, NODE_COORD_SECTION, "
                + "EDGE_WEIGHT_SECTION or EOF"
        case .vrplib:
            return "NAME, TYPE, COMMENT, DIMENSION, CAPACITY, EDGE_WEIGHT_TYPE, EDGE_WEIGHT_FORMAT, NODE_COORD_SECTION, "
                + "EDGE_WEIGHT_SECTION, DEMAND_SECTION, DEPOT_SECTION or EOF"
        }
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
        let accepted = dialect.acceptedTypeList
        guard let token = tokens.next() else {
            throw text.error(line, "expected a value after TYPE (\(accepted))")
        }
        let value = text.upper(token)
        if let given = TSPLIBProblemType(rawValue: value), dialect.acceptedTypes.contains(given) {
            problemType = Given(value: given, line: line)
            return
        }
        switch (value, dialect) {
        case ("TOUR", .tsp):
            throw text.error(line, "TYPE TOUR is a tour file, not an instance; expected TYPE : TSP "
                + "(read tours with TourFile)")
        case ("TOUR", .vrplib):
            throw text.error(line, "TYPE TOUR is a tour file, not an instance; expected TYPE : \(accepted)")
        case ("ATSP", _):
            throw text.error(line, "TYPE ATSP (asymmetric TSP) is not supported; expected TYPE : \(accepted)")
        case (let other, .tsp) where ["CVRP", "HCP", "SOP"].contains(other):
            throw text.error(line, "TYPE \(other) is not supported; expected TYPE : TSP (symmetric TSP)")
        case (let other, .vrplib) where ["HCP", "SOP"].contains(other):
            throw text.error(line, "TYPE \(other) is not supported; expected TYPE : \(accepted)")
        default:
            throw text.error(line, "unknown TYPE \(text.quote(token)); expected TYPE : \(accepted)")
        }
    }

    /// An overflowing number as a message shows it: its sign and digits (nothing else makes
    /// an overflow), cut to 40 characters.
    static func digits(_ number: String) -> String {
        number.count > 40 ? String(number.prefix(40)) + "…" : number
    }

    /// A positive integer value (CAPACITY, VEHICLES).
    private func positiveInteger(_ parts: TSPLIBKeyword.Line, line: Int, meaning: String) throws -> Int {
        let keyword = parts.keyword!.rawValue
        var tokens = TSPLIBTokens(text.bytes, parts.value)
        guard let token = tokens.next() else {
            throw text.error(line, "expected a value after \(keyword) (\(meaning))")
        }
        guard tokens.next() == nil else {
            throw text.error(line, "expected one value after \(keyword), found \(text.quote(parts.value))")
        }
        switch TSPLIBNumber.integer(text.bytes, token) {
        case .value(let value) where value <= 0:
            throw text.error(line, "expected a positive \(keyword), found \(value)")
        case .value(let value):
            return value
        case .overflow:
            throw text.error(line, "\(keyword) \(TSPLIBDocumentParser.digits(text.string(token))) is out of range; expected a positive integer "
                + "up to \(Int.max)")
        case .invalid:
            throw text.error(line, "expected an integer \(keyword) (\(meaning)), found \(text.quote(token))")
        }
    }

    /// A finite non-negative (or positive) decimal value (DISTANCE, SERVICE_TIME).
    private func number(_ parts: TSPLIBKeyword.Line, line: Int, meaning: String, allowsZero: Bool) throws -> Double {
        let keyword = parts.keyword!.rawValue
        var tokens = TSPLIBTokens(text.bytes, parts.value)
        guard let token = tokens.next() else {
            throw text.error(line, "expected a value after \(keyword) (\(meaning))")
        }
        guard tokens.next() == nil else {
            throw text.error(line, "expected one value after \(keyword), found \(text.quote(parts.value))")
        }
        guard let value = TSPLIBNumber.decimal(text.bytes, token), value.isFinite else {
            throw text.error(line, "expected a number for \(keyword) (\(meaning)), found \(text.quote(token))")
        }
        guard allowsZero ? value >= 0 : value > 0 else {
            throw text.error(line, "expected a \(allowsZero ? "non-negative" : "positive") \(keyword), "
                + "found \(text.string(token))")
        }
        return value
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
        let supported = TSPLIBEdgeWeightType.allCases.map(\.rawValue).joined(separator: ", ")
        guard let type = TSPLIBEdgeWeightType(rawValue: value) else {
            if Self.unsupportedEdgeWeightTypes.contains(value) {
                throw text.error(line, "EDGE_WEIGHT_TYPE \(value) is not supported; expected one of \(supported)")
            }
            throw text.error(line, "unknown EDGE_WEIGHT_TYPE \(TSPLIBText.quote(value)); expected one of \(supported)")
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

    private func assemble() throws -> TSPLIBDocument {
        guard let dimension else {
            throw text.error(endLine, "missing DIMENSION; expected a DIMENSION : <nodes> line in the header")
        }
        guard let type = edgeWeightType else {
            throw text.error(endLine, "missing EDGE_WEIGHT_TYPE; expected e.g. EDGE_WEIGHT_TYPE : EUC_2D in the header")
        }
        let n = dimension.value

        if type.value == .explicit {
            guard let format = edgeWeightFormat else {
                throw text.error(type.line, "EDGE_WEIGHT_TYPE EXPLICIT needs " + Self.formatAdvice)
            }
            guard format.value != .function else {
                throw text.error(format.line, "EDGE_WEIGHT_FORMAT FUNCTION contradicts EDGE_WEIGHT_TYPE EXPLICIT "
                    + "(line \(type.line)); expected a matrix format such as FULL_MATRIX")
            }
            guard weights != nil else {
                throw text.error(endLine, "missing EDGE_WEIGHT_SECTION; EDGE_WEIGHT_TYPE EXPLICIT (line \(type.line)) "
                    + "needs the \(format.value.rawValue) matrix of \(n) nodes")
            }
        } else {
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
        }
        try checkRoutingData(dimension: n)

        return TSPLIBDocument(
            file: text.file, name: name ?? Self.stem(of: text.file), type: problemType?.value,
            comment: comments.joined(separator: "\n"), dimension: n, edgeWeightType: type.value,
            edgeWeightFormat: edgeWeightFormat?.value,
            nodeCoordinates: nodeCoordinates.map { TSPLIBCoordinates(x: $0.x, y: $0.y) },
            displayData: displayData.map { TSPLIBCoordinates(x: $0.x, y: $0.y) },
            explicitWeights: type.value == .explicit ? weights : nil, fixedEdges: fixedEdges,
            capacity: capacity, vehicles: vehicles, maximumRouteLength: maximumRouteLength, serviceTime: serviceTime,
            demands: demands, demandLines: demandLines, depots: depots, timeWindows: timeWindows,
            serviceTimes: serviceTimes, keywordLines: keywordLines)
    }

    /// What a routing TYPE needs, and the routing data that contradicts itself.
    private func checkRoutingData(dimension n: Int) throws {
        if let uniform = keywordLines[.serviceTime], let perNode = keywordLines[.serviceTimeSection] {
            throw text.error(max(uniform, perNode), "SERVICE_TIME (line \(uniform)) and SERVICE_TIME_SECTION "
                + "(line \(perNode)) both give service times; expected one of them")
        }
        guard let given = problemType, given.value.isRouting else { return }
        let type = "TYPE \(given.value.rawValue) (line \(given.line))"
        guard capacity != nil else {
            throw text.error(endLine, "missing CAPACITY; \(type) needs a CAPACITY : <vehicle capacity> line in the header")
        }
        guard demands != nil else {
            throw text.error(endLine, "missing DEMAND_SECTION; \(type) needs the demand of all \(n) nodes")
        }
        guard depots != nil else {
            throw text.error(endLine, "missing DEPOT_SECTION; \(type) needs the depot node ids, ended by -1")
        }
        if given.value.hasTimeWindows && timeWindows == nil {
            throw text.error(endLine, "missing TIME_WINDOW_SECTION; \(type) needs the time window of all \(n) nodes")
        }
    }

    /// Refuses coordinates whose distances would not fit the 32-bit matrix `TSPLIBDistance` keeps
    /// (it would clamp them silently, and only for instances small enough to have a matrix).
    private func checkRange(_ coordinates: TSPLIBCoordinateSection, type: TSPLIBEdgeWeightType) throws {
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
    package static func stem(of file: String) -> String {
        guard file != "<input>" else { return "" }
        let base = file.split(separator: "/").last.map(String.init) ?? file
        guard let dot = base.firstIndex(of: "."), dot != base.startIndex else { return base }
        return String(base[..<dot])
    }
}
