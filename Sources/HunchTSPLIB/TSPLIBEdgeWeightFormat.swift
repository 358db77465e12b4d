/// How an EXPLICIT instance lists its matrix (`EDGE_WEIGHT_FORMAT`), and the order in which the
/// numbers of `EDGE_WEIGHT_SECTION` fill it.
///
/// For a symmetric matrix the column-wise formats are the row-wise ones mirrored (the upper
/// triangle read by columns is the lower triangle read by rows), so `UPPER_COL` is read as
/// `LOWER_ROW` and so on: all ten TSPLIB formats are supported with five traversals.
public enum TSPLIBEdgeWeightFormat: String, Sendable, Codable, CaseIterable {
    /// Distances come from coordinates (harmless next to a coordinate `EDGE_WEIGHT_TYPE`).
    case function = "FUNCTION"
    case fullMatrix = "FULL_MATRIX"
    case upperRow = "UPPER_ROW"
    case lowerRow = "LOWER_ROW"
    case upperDiagRow = "UPPER_DIAG_ROW"
    case lowerDiagRow = "LOWER_DIAG_ROW"
    case upperCol = "UPPER_COL"
    case lowerCol = "LOWER_COL"
    case upperDiagCol = "UPPER_DIAG_COL"
    case lowerDiagCol = "LOWER_DIAG_COL"

    /// The row-wise traversal that reads the same numbers into a symmetric matrix.
    package var rowWise: TSPLIBEdgeWeightFormat {
        switch self {
        case .upperCol: return .lowerRow
        case .lowerCol: return .upperRow
        case .upperDiagCol: return .lowerDiagRow
        case .lowerDiagCol: return .upperDiagRow
        default: return self
        }
    }

    /// How many numbers the section holds for `n` nodes, or nil on overflow (an absurd n).
    public func count(for n: Int) -> Int? {
        let (square, overflow) = n.multipliedReportingOverflow(by: n)
        guard !overflow else { return nil }
        switch rowWise {
        case .function: return 0
        case .fullMatrix: return square
        case .upperRow, .lowerRow: return (square - n) / 2
        default: return (square + n) / 2
        }
    }

    /// Visits matrix cells in this format's order. Each `(row, column)` is 0-based; the caller
    /// writes the value to both `(row, column)` and `(column, row)`.
    package struct Traversal {
        let n: Int
        let format: TSPLIBEdgeWeightFormat
        package private(set) var row: Int
        package private(set) var column: Int

        package init(format: TSPLIBEdgeWeightFormat, n: Int) {
            self.n = n
            self.format = format.rowWise
            row = self.format == .lowerRow ? 1 : 0
            column = self.format == .upperRow ? 1 : 0
        }

        /// Moves to the next cell. Only called while cells remain (the caller counts them).
        package mutating func advance() {
            column += 1
            switch format {
            case .fullMatrix:
                if column == n { row += 1; column = 0 }
            case .upperRow:
                if column == n { row += 1; column = row + 1 }
            case .upperDiagRow:
                if column == n { row += 1; column = row }
            case .lowerRow:
                if column == row { row += 1; column = 0 }
            default: // .lowerDiagRow
                if column > row { row += 1; column = 0 }
            }
        }
    }
}
