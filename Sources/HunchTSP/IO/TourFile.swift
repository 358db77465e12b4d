import HunchTSPLIB

/// TSPLIB tour files (`.tour`, `.opt.tour`): a header and a TOUR_SECTION of 1-based node ids
/// ended by `-1` (or by EOF / the end of the file).
///
/// Reading checks that the tour is a permutation of 1...dimension and names the duplicate,
/// missing or out-of-range node and its line; the result is 0-based, like every tour in Hunch.
/// Writing is atomic, so a crash mid-save never leaves half a tour behind.
public enum TourFile {
    /// Reads the tour at `path` for an instance of `dimension` nodes; returns 0-based nodes.
    public static func read(path: String, dimension: Int) throws -> [Int] {
        let bytes = try TSPLIBFile.contents(of: path)
        return try bytes.withUnsafeBufferPointer { try parse(bytes: $0, file: path, dimension: dimension) }
    }

    /// Parses tour text for an instance of `dimension` nodes; returns 0-based nodes.
    public static func parse(_ text: String, file: String = "<input>", dimension: Int) throws -> [Int] {
        var text = text
        return try text.withUTF8 { try parse(bytes: $0, file: file, dimension: dimension) }
    }

    /// The ids of the tour at `path` in order (0-based), each checked to exist, but repeated or
    /// missing nodes allowed: `hunch check` reads a wrong tour to list everything wrong with it
    /// (`TourValidation.violations`) instead of stopping at the first duplicate.
    public static func readVisits(path: String, dimension: Int) throws -> [Int] {
        let bytes = try TSPLIBFile.contents(of: path)
        return try bytes.withUnsafeBufferPointer { try parse(bytes: $0, file: path, dimension: dimension, permutation: false) }
    }

    /// TSPLIB text for a 0-based `tour`: ids written 1-based, one per line, ended by -1 and EOF.
    /// Line breaks in `name` or `comment` become spaces so they cannot break the header.
    /// The tour is written as given; `write` checks it first.
    public static func format(tour: [Int], name: String, comment: String) -> String {
        var out = "NAME : \(oneLine(name))\n"
        if !comment.isEmpty { out += "COMMENT : \(oneLine(comment))\n" }
        out += "TYPE : TOUR\nDIMENSION : \(tour.count)\nTOUR_SECTION\n"
        out.reserveCapacity(out.utf8.count + tour.count * 7 + 8)
        for node in tour {
            out += String(node + 1)
            out += "\n"
        }
        out += "-1\nEOF\n"
        return out
    }

    /// Checks `tour` is a permutation of 0..<tour.count (throws `TourValidationError` if not),
    /// then writes it atomically: a temporary file in the same directory, renamed over `path`.
    public static func write(tour: [Int], name: String, comment: String, to path: String) throws {
        try TourValidation.check(tour: tour, dimension: tour.count)
        try TSPLIBFile.writeAtomically(Array(format(tour: tour, name: name, comment: comment).utf8), to: path)
    }

    private static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }

    // MARK: Parsing

    /// `permutation`: refuse a repeated or missing node (what `read` promises); false only checks
    /// that each id exists.
    static func parse(bytes: UnsafeBufferPointer<UInt8>, file: String, dimension n: Int,
                      permutation: Bool = true) throws -> [Int] {
        let text = TSPLIBText(bytes: bytes, file: file)
        guard n >= 1 else {
            throw text.error(nil, "cannot check a tour against dimension \(n); expected at least 1 node")
        }
        var cursor = TSPLIBLineCursor(bytes)
        var sawContent = false
        var seenKeywords: [TSPLIBKeyword: Int] = [:]
        while let line = cursor.next() {
            if line.isBlank { continue }
            sawContent = true
            guard isASCIILetter(bytes[line.range.lowerBound]) else {
                throw text.error(line.number, "expected a \"KEYWORD : value\" line or TOUR_SECTION, "
                    + "found \(text.quote(line.range))")
            }
            let parts = TSPLIBKeyword.split(line, in: text)
            guard let keyword = parts.keyword else {
                throw text.error(line.number, "unknown keyword \(text.quote(parts.word)); expected NAME, COMMENT, TYPE, "
                    + "DIMENSION, TOUR_SECTION or EOF")
            }
            if keyword != .comment, let first = seenKeywords[keyword] {
                throw text.error(line.number, "\(keyword.rawValue) appears twice (first at line \(first)); expected it once")
            }
            seenKeywords[keyword] = line.number
            switch keyword {
            case .name, .comment:
                continue
            case .type:
                var tokens = TSPLIBTokens(bytes, parts.value)
                let type = tokens.next().map(text.upper) ?? ""
                guard type == "TOUR" else {
                    throw text.error(line.number, "expected TYPE : TOUR in a tour file, found \(text.quote(parts.value))")
                }
            case .dimension:
                var tokens = TSPLIBTokens(bytes, parts.value)
                guard let token = tokens.next(), tokens.next() == nil,
                      case .value(let given) = TSPLIBNumber.integer(bytes, token) else {
                    throw text.error(line.number, "expected an integer DIMENSION, found \(text.quote(parts.value))")
                }
                guard given == n else {
                    throw text.error(line.number, "tour file has DIMENSION \(given) but the instance has \(n) nodes; "
                        + "expected DIMENSION : \(n)")
                }
            case .tourSection:
                guard parts.value.isEmpty else {
                    throw text.error(line.number, "expected nothing after TOUR_SECTION on its line, "
                        + "found \(text.quote(parts.value)); the ids start on the next line")
                }
                return try tourSection(dimension: n, headerLine: line.number, cursor: &cursor, text: text,
                                       permutation: permutation)
            case .eof:
                throw text.error(line.number, "missing TOUR_SECTION; expected the tour before EOF")
            default:
                throw text.error(line.number, "\(keyword.rawValue) does not belong in a tour file; "
                    + "expected NAME, COMMENT, TYPE, DIMENSION or TOUR_SECTION")
            }
        }
        guard sawContent else {
            throw text.error(1, "empty file; expected a TSPLIB tour with a TOUR_SECTION")
        }
        throw text.error(max(1, cursor.lineNumber), "missing TOUR_SECTION; expected the tour of \(n) nodes")
    }

    /// The ids after TOUR_SECTION, up to -1, a keyword or the end of the file. Anything but
    /// blank lines and a keyword after the -1 (a second tour) is refused.
    private static func tourSection(
        dimension n: Int, headerLine: Int, cursor: inout TSPLIBLineCursor, text: TSPLIBText, permutation: Bool
    ) throws -> [Int] {
        let bytes = text.bytes
        // Each id takes a digit and a separator; refuse before allocating for a huge dimension.
        guard TSPLIBAllocationGuard.mayAllocate(items: n, minimumBytes: 2, remainingBytes: cursor.remainingBytes) else {
            throw text.error(headerLine, "TOUR_SECTION cannot list \(n) nodes: only \(cursor.remainingBytes) bytes follow")
        }
        var lineOfNode = [Int32](repeating: 0, count: n)
        var tour: [Int] = []
        tour.reserveCapacity(n)
        var endLine = headerLine
        var ended = false
        scanning: while let line = cursor.next() {
            if !ended { endLine = line.number }  // a missing node is reported at the -1
            if line.isBlank { continue }
            if isASCIILetter(bytes[line.range.lowerBound]) {
                if TSPLIBKeyword.isKeywordLine(line, in: text) { break scanning }
                throw text.error(line.number, "expected a node id (1...\(n)) or -1 in TOUR_SECTION, "
                    + "found \(text.quote(line.range))")
            }
            for token in TSPLIBTokens(bytes, line.range) {
                guard !ended else {
                    throw text.error(line.number, "found more ids after the -1 that ends the tour; "
                        + "expected one tour per file")
                }
                let id: Int
                switch TSPLIBNumber.integer(bytes, token) {
                case .value(let value): id = value
                case .overflow:
                    throw text.error(line.number, "node id \(text.quote(token)) is out of range; expected 1...\(n)")
                case .invalid:
                    throw text.error(line.number, "expected a node id (1...\(n)) or -1 in TOUR_SECTION, "
                        + "found \(text.quote(token))")
                }
                if id == -1 {
                    ended = true
                    continue
                }
                guard id >= 1 && id <= n else {
                    throw text.error(line.number, "node id \(id) is out of range; expected 1...\(n)")
                }
                guard lineOfNode[id - 1] == 0 || !permutation else {
                    throw text.error(line.number, "node \(id) appears twice in the tour (first at line \(lineOfNode[id - 1])); "
                        + "expected each node once")
                }
                if lineOfNode[id - 1] == 0 { lineOfNode[id - 1] = Int32(clamping: line.number) }
                tour.append(id - 1)
            }
        }
        if permutation, tour.count < n, let absent = lineOfNode.firstIndex(of: 0) {
            let missing = absent + 1
            throw text.error(endLine, "tour visits \(tour.count) of \(n) nodes; node \(missing) is missing")
        }
        return tour
    }
}
