import HunchTSPLIB

/// Writes a `TSPInstance` as TSPLIB95 text that `TSPLIBReader` reads back with the same
/// distances — how `hunch generate` saves instances.
///
/// Coordinate instances keep their EDGE_WEIGHT_TYPE and coordinates, printed in the shortest
/// form that reads back to the same `Double` (integral values without a fraction). EXPLICIT
/// instances are written as a FULL_MATRIX. Display data, when present, follows as
/// DISPLAY_DATA_SECTION.
public enum TSPLIBWriter {
    /// The instance as TSPLIB text. A multi-line comment becomes several COMMENT lines (the
    /// reader joins them back with line breaks); a line break in the name becomes a space.
    ///
    /// Complexity: O(n) for coordinates, O(n²) for an explicit matrix.
    public static func format(_ instance: TSPInstance) -> String {
        let n = instance.dimension
        var out = ByteText()
        out.append("NAME : \(String(instance.name.map { $0.isNewline ? " " : $0 }))\n")
        if !instance.comment.isEmpty {
            for line in instance.comment.split(separator: "\n", omittingEmptySubsequences: false) {
                out.append("COMMENT : \(line)\n")
            }
        }
        out.append("TYPE : TSP\nDIMENSION : \(n)\nEDGE_WEIGHT_TYPE : \(instance.edgeWeightType.rawValue)\n")
        if instance.edgeWeightType == .explicit {
            out.append("EDGE_WEIGHT_FORMAT : FULL_MATRIX\n")
        }
        let hasDisplay = !instance.displayX.isEmpty
        if hasDisplay {
            out.append("DISPLAY_DATA_TYPE : TWOD_DISPLAY\n")
        }
        if instance.edgeWeightType == .explicit {
            out.append("EDGE_WEIGHT_SECTION\n")
            for i in 0..<n {
                for j in 0..<n {
                    if j > 0 { out.append(byte: 0x20) }
                    out.append(integer: instance.distance(i, j))
                }
                out.append(byte: 0x0A)
            }
        } else {
            out.append("NODE_COORD_SECTION\n")
            appendCoordinates(x: instance.x, y: instance.y, to: &out)
        }
        if hasDisplay {
            out.append("DISPLAY_DATA_SECTION\n")
            appendCoordinates(x: instance.displayX, y: instance.displayY, to: &out)
        }
        out.append("EOF\n")
        return out.string
    }

    /// Writes `format(instance)` to `path` atomically (temporary file + rename).
    public static func write(_ instance: TSPInstance, to path: String) throws {
        try TSPLIBFile.writeAtomically(Array(format(instance).utf8), to: path)
    }

    private static func appendCoordinates(x: [Double], y: [Double], to out: inout ByteText) {
        for node in x.indices {
            out.append(integer: node + 1)
            out.append(byte: 0x20)
            out.append(coordinate: x[node])
            out.append(byte: 0x20)
            out.append(coordinate: y[node])
            out.append(byte: 0x0A)
        }
    }

    /// An append-only byte buffer: building a 3000×3000 matrix through `String` concatenation
    /// is several times slower.
    private struct ByteText {
        private var bytes: [UInt8] = []

        var string: String { String(decoding: bytes, as: UTF8.self) }

        mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

        mutating func append(byte: UInt8) { bytes.append(byte) }

        mutating func append(integer value: Int) { bytes.append(contentsOf: String(value).utf8) }

        /// Integral values print without ".0" (as most TSPLIB files do); others in Swift's
        /// shortest round-trip form, which the reader parses back to the same `Double`.
        mutating func append(coordinate value: Double) {
            if value == value.rounded(), abs(value) < 1e15 {
                append(integer: Int(value))
            } else {
                append(value.description)
            }
        }
    }
}
