extension TSPLIBText {
    /// The 0-based node of a section line's leading id (the line's first token): an integer
    /// 1…n that the section has not had before (`lineOfNode` holds the line of each node read,
    /// 0 for none). Errors name the line, the section and DIMENSION's line.
    package func node(from tokens: inout TSPLIBTokens, line: Int, nodes n: Int, dimensionLine: Int, section name: String,
                      lineOfNode: [Int32]) throws -> Int {
        let idToken = tokens.next()!  // a non-blank line has a token
        let id: Int
        switch TSPLIBNumber.integer(bytes, idToken) {
        case .value(let value):
            id = value
        case .overflow:
            throw error(line, "node id \(quote(idToken)) is out of range; expected 1...\(n) (DIMENSION at line \(dimensionLine))")
        case .invalid:
            throw error(line, "expected a node id (an integer 1...\(n)) at the start of a \(name) line, found \(quote(idToken))")
        }
        guard id >= 1 && id <= n else {
            throw error(line, "node id \(id) is out of range; expected 1...\(n) (DIMENSION at line \(dimensionLine))")
        }
        guard lineOfNode[id - 1] == 0 else {
            throw error(line, "node id \(id) appears twice in \(name) (first at line \(lineOfNode[id - 1])); "
                + "expected each id 1...\(n) exactly once")
        }
        return id - 1
    }
}
