/// `NODE_COORD_SECTION` or `DISPLAY_DATA_SECTION`: one line `id x y` per node, ids 1...n in
/// any order, each exactly once.
///
/// The section ends at the next keyword line (or the end of the file); every node must have
/// been given by then. Nothing large is allocated unless the file is long enough for
/// `dimension` node lines, so a huge DIMENSION is an error, not an allocation crash.
package struct TSPLIBCoordinateSection {
    /// Coordinates by 0-based node.
    package private(set) var x: [Double]
    package private(set) var y: [Double]
    /// The line that gave each node, for messages about a node's values.
    package private(set) var lineOfNode: [Int32]

    /// Reads the lines after the section keyword (given at `headerLine`). On return the cursor
    /// stands before the keyword line that ended the section.
    package static func parse(
        _ keyword: TSPLIBKeyword, headerLine: Int, dimension n: Int, dimensionLine: Int,
        cursor: inout TSPLIBLineCursor, text: TSPLIBText
    ) throws -> TSPLIBCoordinateSection {
        let name = keyword.rawValue
        let bytes = text.bytes
        // The shortest node line, "1 0 0", takes 5 bytes and a line break.
        guard TSPLIBAllocationGuard.mayAllocate(items: n, minimumBytes: 6, remainingBytes: cursor.remainingBytes) else {
            throw text.error(headerLine, "\(name) cannot hold DIMENSION = \(n) nodes (line \(dimensionLine)): "
                + "only \(cursor.remainingBytes) bytes follow; expected one \"id x y\" line per node")
        }
        var section = TSPLIBCoordinateSection(
            x: [Double](repeating: 0, count: n), y: [Double](repeating: 0, count: n),
            lineOfNode: [Int32](repeating: 0, count: n))
        var count = 0
        var endLine = headerLine
        while true {
            let mark = cursor.mark
            guard let line = cursor.next() else { break }
            endLine = line.number
            if line.isBlank { continue }
            if isASCIILetter(bytes[line.range.lowerBound]) {
                // A keyword ends the section; so does anything once every node is in (the
                // caller then reports it as an unknown keyword).
                if count == n || TSPLIBKeyword.isKeywordLine(line, in: text) {
                    cursor.rewind(to: mark)
                    break
                }
                throw text.error(line.number, "expected a node line \"id x y\" in \(name) (\(count) of \(n) nodes read), "
                    + "found \(text.quote(line.range))")
            }
            var tokens = TSPLIBTokens(bytes, line.range)
            let node = try text.node(from: &tokens, line: line.number, nodes: n, dimensionLine: dimensionLine,
                                     section: name, lineOfNode: section.lineOfNode)
            let rest = tokens.rest
            guard let xToken = tokens.next(), let yToken = tokens.next(), tokens.next() == nil,
                  let xValue = TSPLIBNumber.decimal(bytes, xToken),
                  let yValue = TSPLIBNumber.decimal(bytes, yToken)
            else {
                throw text.error(line.number, "expected 2 coordinates after node id \(node + 1), found \(text.quote(rest))")
            }
            guard xValue.isFinite && yValue.isFinite else {
                throw text.error(line.number, "expected finite coordinates for node id \(node + 1), found \(text.quote(rest))")
            }
            section.x[node] = xValue
            section.y[node] = yValue
            section.lineOfNode[node] = Int32(clamping: line.number)
            count += 1
        }
        if count < n {
            let missing = section.lineOfNode.firstIndex(of: 0)! + 1
            throw text.error(endLine, "\(name) ended after \(count) of \(n) nodes (DIMENSION at line \(dimensionLine)); "
                + "node \(missing) is missing")
        }
        return section
    }
}
