/// `FIXED_EDGES_SECTION`: edges every tour must use, as lines `a b`, ended by `-1`.
///
/// Only linhp318 has one in TSPLIB. The edges are checked (ids in range, two distinct ends)
/// and kept in the document; `TSPInstance` has no notion of fixed edges and drops them, so the
/// TSP read is the unconstrained one on the same nodes.
package enum TSPLIBFixedEdgesSection {
    /// Reads and validates the section; returns the fixed edges as 0-based node pairs. On
    /// return the cursor stands before the keyword line that ended the section.
    package static func parse(
        dimension n: Int, dimensionLine: Int,
        cursor: inout TSPLIBLineCursor, text: TSPLIBText
    ) throws -> [(Int, Int)] {
        let bytes = text.bytes
        var edges: [(Int, Int)] = []
        var terminated = false
        while true {
            let mark = cursor.mark
            guard let line = cursor.next() else { break }
            if line.isBlank { continue }
            if isASCIILetter(bytes[line.range.lowerBound]) {
                if TSPLIBKeyword.isKeywordLine(line, in: text) {
                    cursor.rewind(to: mark)
                    break
                }
                throw text.error(line.number, "expected a fixed edge \"a b\" or -1 in FIXED_EDGES_SECTION, "
                    + "found \(text.quote(line.range))")
            }
            guard !terminated else {
                throw text.error(line.number, "expected a keyword after the -1 that ends FIXED_EDGES_SECTION, "
                    + "found \(text.quote(line.range))")
            }
            var ids: [Int] = []
            for token in TSPLIBTokens(bytes, line.range) {
                guard case .value(let id) = TSPLIBNumber.integer(bytes, token) else {
                    throw text.error(line.number, "expected a node id (an integer 1...\(n)) in FIXED_EDGES_SECTION, "
                        + "found \(text.quote(token))")
                }
                ids.append(id)
                if ids.count > 2 { break }
            }
            if ids == [-1] {
                terminated = true
                continue
            }
            guard ids.count == 2 else {
                throw text.error(line.number, "expected a fixed edge \"a b\" (two node ids) or -1 in FIXED_EDGES_SECTION, "
                    + "found \(text.quote(line.range))")
            }
            for id in ids where id < 1 || id > n {
                throw text.error(line.number, "node id \(id) is out of range; expected 1...\(n) (DIMENSION at line \(dimensionLine))")
            }
            guard ids[0] != ids[1] else {
                throw text.error(line.number, "fixed edge \(ids[0]) \(ids[1]) joins a node to itself; expected two different nodes")
            }
            edges.append((ids[0] - 1, ids[1] - 1))
        }
        return edges
    }
}
