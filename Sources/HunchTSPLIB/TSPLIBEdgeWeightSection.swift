/// `EDGE_WEIGHT_SECTION` of an EXPLICIT instance: non-negative integers, separated by blanks
/// across any line breaks, filling the matrix in the order of the `EDGE_WEIGHT_FORMAT`.
///
/// The result is the full symmetric n×n matrix, row-major, with a zero diagonal: a tour never
/// uses d(i,i), and some files put a sentinel such as 9999 there. A FULL_MATRIX must be
/// symmetric, since TYPE TSP (and every routing TYPE) promises it. A large matrix is allocated only once the file is
/// known to be long enough for every number.
package enum TSPLIBEdgeWeightSection {
    /// Weights are stored as `Int32` by `TSPLIBDistance`; larger ones would be silently clamped.
    package static let maximumWeight = Int(Int32.max)

    /// Reads the lines after the keyword (given at `headerLine`). On return the cursor stands
    /// before the keyword line that ended the section. `typeName` names the file's TYPE in the
    /// message about an asymmetric FULL_MATRIX.
    package static func parse(
        format: TSPLIBEdgeWeightFormat, headerLine: Int, dimension n: Int, dimensionLine: Int,
        typeName: String = "TSP", cursor: inout TSPLIBLineCursor, text: TSPLIBText
    ) throws -> [Int] {
        let bytes = text.bytes
        let layout = "\(format.rawValue) with DIMENSION = \(n) (line \(dimensionLine))"
        // Each number takes at least one digit and a separator. The n×n matrix is at most about
        // twice the numbers, so guarding the count guards the allocation.
        guard let needed = format.count(for: n),
              TSPLIBAllocationGuard.mayAllocate(items: needed, minimumBytes: 2, remainingBytes: cursor.remainingBytes)
        else {
            let count = format.count(for: n).map(String.init) ?? "more than \(Int.max)"
            throw text.error(headerLine, "EDGE_WEIGHT_SECTION cannot hold the \(count) numbers that \(layout) needs: "
                + "only \(cursor.remainingBytes) bytes follow")
        }
        var matrix = [Int](repeating: 0, count: n * n)
        var traversal = TSPLIBEdgeWeightFormat.Traversal(format: format, n: n)
        let checksSymmetry = format.rowWise == .fullMatrix
        var filled = 0
        var endLine = headerLine
        while true {
            let mark = cursor.mark
            guard let line = cursor.next() else { break }
            endLine = line.number
            if line.isBlank { continue }
            if isASCIILetter(bytes[line.range.lowerBound]) {
                if filled == needed || TSPLIBKeyword.isKeywordLine(line, in: text) {
                    cursor.rewind(to: mark)
                    break
                }
                throw text.error(line.number, "expected \(needed - filled) more edge weights in EDGE_WEIGHT_SECTION "
                    + "(\(layout) needs \(needed)), found \(text.quote(line.range))")
            }
            for token in TSPLIBTokens(bytes, line.range) {
                guard filled < needed else {
                    throw text.error(line.number, "too many numbers in EDGE_WEIGHT_SECTION: \(layout) needs \(needed), "
                        + "found another: \(text.quote(token))")
                }
                let value: Int
                switch TSPLIBNumber.integer(bytes, token) {
                case .value(let v) where v >= 0 && v <= maximumWeight:
                    value = v
                case .value(let v) where v < 0:
                    throw text.error(line.number, "expected a non-negative edge weight, found \(v)")
                case .value, .overflow:
                    throw text.error(line.number, "edge weight \(text.quote(token)) is out of range; "
                        + "expected an integer 0...\(maximumWeight)")
                case .invalid:
                    throw text.error(line.number, "expected an integer edge weight, found \(text.quote(token))")
                }
                let i = traversal.row, j = traversal.column
                if i != j {
                    if checksSymmetry && j < i {
                        let mirrored = matrix[j &* n &+ i]
                        guard mirrored == value else {
                            throw text.error(line.number, "matrix is not symmetric: row \(i + 1), column \(j + 1) is \(value) "
                                + "but row \(j + 1), column \(i + 1) is \(mirrored); TYPE \(typeName) expects a symmetric matrix")
                        }
                    } else {
                        matrix[i &* n &+ j] = value
                        matrix[j &* n &+ i] = value
                    }
                }
                filled += 1
                if filled < needed { traversal.advance() }
            }
        }
        guard filled == needed else {
            throw text.error(endLine, "EDGE_WEIGHT_SECTION ended after \(filled) numbers; \(layout) needs \(needed)")
        }
        return matrix
    }
}
