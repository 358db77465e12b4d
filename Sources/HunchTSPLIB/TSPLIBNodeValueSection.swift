/// A routing section of one line `id v1 … vk` per node, ids 1...n in any order, each exactly
/// once: `DEMAND_SECTION` (`id demand`), `TIME_WINDOW_SECTION` (`id earliest latest`) and
/// `SERVICE_TIME_SECTION` (`id time`).
///
/// It reads like `NODE_COORD_SECTION`: the section ends at the next keyword line (or the end
/// of the file), every node must have been given by then, and nothing large is allocated
/// unless the file is long enough for `dimension` node lines.
package struct TSPLIBNodeValueSection<Value> {
    /// The values of node `i` (0-based) at `i * columns ..< (i + 1) * columns`.
    package private(set) var values: [Value]
    /// The line that gave each node, for messages about a node's values.
    package private(set) var lineOfNode: [Int32]

    /// What the values after a node id are, for reading and for messages.
    package struct Columns {
        /// Names of the values after the id, e.g. `["demand"]` or `["earliest", "latest"]`.
        package let names: [String]
        /// What each value must be, e.g. "a non-negative integer".
        package let expectation: String
        /// Placeholder for nodes not yet read.
        package let zero: Value
        /// One token's value, or nil when it is not acceptable.
        package let read: (UnsafeBufferPointer<UInt8>, Range<Int>) -> Value?
    }

    /// Reads the lines after the section keyword (given at `headerLine`). On return the cursor
    /// stands before the keyword line that ended the section.
    package static func parse(
        _ keyword: TSPLIBKeyword, columns: Columns, headerLine: Int, dimension n: Int, dimensionLine: Int,
        cursor: inout TSPLIBLineCursor, text: TSPLIBText
    ) throws -> TSPLIBNodeValueSection {
        let name = keyword.rawValue
        let bytes = text.bytes
        let width = columns.names.count
        let shape = "\"id " + columns.names.joined(separator: " ") + "\""
        // The shortest node line, "1 0", takes 2 bytes per value after the id and a line break.
        guard TSPLIBAllocationGuard.mayAllocate(items: n, minimumBytes: 2 + 2 * width, remainingBytes: cursor.remainingBytes) else {
            throw text.error(headerLine, "\(name) cannot hold DIMENSION = \(n) nodes (line \(dimensionLine)): "
                + "only \(cursor.remainingBytes) bytes follow; expected one \(shape) line per node")
        }
        var section = TSPLIBNodeValueSection(
            values: [Value](repeating: columns.zero, count: n * width),
            lineOfNode: [Int32](repeating: 0, count: n))
        var count = 0
        var endLine = headerLine
        while true {
            let mark = cursor.mark
            guard let line = cursor.next() else { break }
            endLine = line.number
            if line.isBlank { continue }
            if isASCIILetter(bytes[line.range.lowerBound]) {
                if count == n || TSPLIBKeyword.isKeywordLine(line, in: text) {
                    cursor.rewind(to: mark)
                    break
                }
                throw text.error(line.number, "expected a node line \(shape) in \(name) (\(count) of \(n) nodes read), "
                    + "found \(text.quote(line.range))")
            }
            var tokens = TSPLIBTokens(bytes, line.range)
            let node = try text.node(from: &tokens, line: line.number, nodes: n, dimensionLine: dimensionLine,
                                     section: name, lineOfNode: section.lineOfNode)
            let rest = tokens.rest
            var read = 0
            while let token = tokens.next() {
                guard read < width else {
                    read += 1
                    break
                }
                guard let value = columns.read(bytes, token) else {
                    throw text.error(line.number, "expected \(columns.expectation) as the \(columns.names[read]) of node id \(node + 1), "
                        + "found \(text.quote(token))")
                }
                section.values[node * width + read] = value
                read += 1
            }
            guard read == width else {
                let values = width == 1 ? "1 value" : "\(width) values"
                throw text.error(line.number, "expected \(values) (\(columns.names.joined(separator: " "))) after node id \(node + 1), "
                    + "found \(text.quote(rest))")
            }
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

extension TSPLIBNodeValueSection.Columns where Value == Int {
    /// Non-negative integers (demands).
    package static func nonNegativeIntegers(_ names: String...) -> Self {
        Self(names: names, expectation: "a non-negative integer", zero: 0) { bytes, token in
            guard case .value(let value) = TSPLIBNumber.integer(bytes, token), value >= 0 else { return nil }
            return value
        }
    }
}

extension TSPLIBNodeValueSection.Columns where Value == Double {
    /// Finite non-negative decimals (times).
    package static func nonNegativeNumbers(_ names: String...) -> Self {
        Self(names: names, expectation: "a non-negative number", zero: 0) { bytes, token in
            guard let value = TSPLIBNumber.decimal(bytes, token), value.isFinite, value >= 0 else { return nil }
            return value
        }
    }
}
