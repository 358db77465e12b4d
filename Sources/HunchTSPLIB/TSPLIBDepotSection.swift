/// `DEPOT_SECTION`: the depot node ids, separated by blanks across any line breaks, ended by
/// `-1` (TSPLIB95 §2; CVRPLIB writes `1` and `-1` on lines of their own).
///
/// The `-1` is required: without it a truncated file would pass as one with fewer depots.
/// At least one depot, each id in 1...DIMENSION and given once.
package enum TSPLIBDepotSection {
    /// Reads the section after its keyword (at `headerLine`); returns the 0-based depot nodes in
    /// file order. On return the cursor stands before the keyword line that ended the section.
    package static func parse(
        headerLine: Int, dimension n: Int, dimensionLine: Int,
        cursor: inout TSPLIBLineCursor, text: TSPLIBText
    ) throws -> [Int] {
        let bytes = text.bytes
        var depots: [Int] = []
        // Line of each depot given so far, by id; a dictionary, since depots are few.
        var lineOfDepot: [Int: Int] = [:]
        var terminatorLine: Int?
        var lastIdLine = headerLine
        while true {
            let mark = cursor.mark
            guard let line = cursor.next() else { break }
            if line.isBlank { continue }
            if isASCIILetter(bytes[line.range.lowerBound]) {
                if TSPLIBKeyword.isKeywordLine(line, in: text) {
                    cursor.rewind(to: mark)
                    break
                }
                throw text.error(line.number, "expected a depot node id (1...\(n)) or -1 in DEPOT_SECTION, "
                    + "found \(text.quote(line.range))")
            }
            if let terminatorLine {
                throw text.error(line.number, "expected a keyword after the -1 that ends DEPOT_SECTION (line \(terminatorLine)), "
                    + "found \(text.quote(line.range))")
            }
            var tokens = TSPLIBTokens(bytes, line.range)
            while let token = tokens.next() {
                if terminatorLine != nil {
                    throw text.error(line.number, "expected nothing after the -1 that ends DEPOT_SECTION, "
                        + "found \(text.quote(token))")
                }
                let id: Int
                switch TSPLIBNumber.integer(bytes, token) {
                case .value(let value):
                    id = value
                case .overflow:
                    throw text.error(line.number, "node id \(text.quote(token)) is out of range; expected 1...\(n) "
                        + "(DIMENSION at line \(dimensionLine))")
                case .invalid:
                    throw text.error(line.number, "expected a depot node id (an integer 1...\(n)) or -1 in DEPOT_SECTION, "
                        + "found \(text.quote(token))")
                }
                if id == -1 {
                    guard !depots.isEmpty else {
                        throw text.error(line.number, "DEPOT_SECTION lists no depot before its -1; "
                            + "expected at least one depot node id (1...\(n))")
                    }
                    terminatorLine = line.number
                    continue
                }
                guard id >= 1 && id <= n else {
                    throw text.error(line.number, "node id \(id) is out of range; expected 1...\(n) (DIMENSION at line \(dimensionLine))")
                }
                if let first = lineOfDepot[id] {
                    throw text.error(line.number, "depot \(id) appears twice in DEPOT_SECTION (first at line \(first)); "
                        + "expected each depot once")
                }
                lineOfDepot[id] = line.number
                depots.append(id - 1)
                lastIdLine = line.number
            }
        }
        guard terminatorLine != nil else {
            if depots.isEmpty {
                throw text.error(headerLine, "DEPOT_SECTION is empty; expected the depot node ids (1...\(n)) ended by -1")
            }
            throw text.error(lastIdLine, "DEPOT_SECTION does not end with -1 after its last depot id; "
                + "expected -1 after the depot ids")
        }
        return depots
    }
}
