#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The integer distance of a TSPLIB instance, d(i, j) for nodes 0..<dimension (the file's ids
/// minus one), following TSPLIB95's definitions exactly: EUC_2D (`nint`), CEIL_2D, ATT, GEO,
/// MAN_2D, MAX_2D and EXPLICIT.
///
/// Coordinate distances are computed on the fly; up to `matrixLimit` nodes a full row-major
/// `Int32` matrix is also kept, which makes the hot loops of a search a single load. An
/// EXPLICIT distance always is its matrix. `distance(_:_:)` is inlinable, so a family module's
/// loops compile to that load (or to the formula) without a call across the module boundary.
public struct TSPLIBDistance: Sendable, SymmetricDistance {
    /// Above this many nodes a coordinate distance keeps no n×n matrix by default
    /// (3000² Int32 = 36 MB).
    public static let defaultMatrixLimit = 3000

    public let dimension: Int
    public let edgeWeightType: TSPLIBEdgeWeightType
    /// Node coordinates (empty for EXPLICIT).
    public let x: [Double]
    public let y: [Double]
    /// Row-major n×n distances, or empty when distances are computed on the fly.
    public private(set) var matrix: [Int32]
    /// GEO: latitude and longitude in radians, TSPLIB's degree/minute conversion applied.
    @usableFromInline let latitude: [Double]
    @usableFromInline let longitude: [Double]

    /// A coordinate distance (every type but EXPLICIT); keeps the matrix when
    /// `x.count <= matrixLimit`.
    ///
    /// Complexity: O(n²) to fill the matrix, O(n) without it.
    public init(edgeWeightType: TSPLIBEdgeWeightType, x: [Double], y: [Double],
                matrixLimit: Int = TSPLIBDistance.defaultMatrixLimit) {
        precondition(edgeWeightType != .explicit, "use init(matrix:dimension:) for EXPLICIT")
        precondition(x.count == y.count)
        self.dimension = x.count
        self.edgeWeightType = edgeWeightType
        self.x = x
        self.y = y
        if edgeWeightType == .geo {
            latitude = x.map(TSPLIBDistance.geoRadians)
            longitude = y.map(TSPLIBDistance.geoRadians)
        } else {
            latitude = []
            longitude = []
        }
        matrix = []
        if dimension <= matrixLimit {
            let n = dimension
            var m = [Int32](repeating: 0, count: n * n)
            for i in 0..<n {
                for j in (i + 1)..<max(i + 1, n) {
                    let d = Int32(clamping: self.computeDistance(i, j))
                    m[i * n + j] = d
                    m[j * n + i] = d
                }
            }
            self.matrix = m
        }
    }

    /// An EXPLICIT distance from a full row-major matrix (symmetric; the reader expands the
    /// triangular formats). Entries beyond `Int32` are clamped; the reader refuses them.
    public init(matrix full: [Int], dimension: Int) {
        precondition(full.count == dimension * dimension)
        self.dimension = dimension
        self.edgeWeightType = .explicit
        self.x = []
        self.y = []
        self.latitude = []
        self.longitude = []
        self.matrix = full.map { Int32(clamping: $0) }
    }

    /// The distance a parsed document defines: its matrix for EXPLICIT, else its node
    /// coordinates and EDGE_WEIGHT_TYPE.
    public init(document: TSPLIBDocument, matrixLimit: Int = TSPLIBDistance.defaultMatrixLimit) {
        if document.edgeWeightType == .explicit {
            self.init(matrix: document.explicitWeights ?? [], dimension: document.dimension)
        } else {
            let coordinates = document.nodeCoordinates
            self.init(edgeWeightType: document.edgeWeightType, x: coordinates?.x ?? [], y: coordinates?.y ?? [],
                      matrixLimit: matrixLimit)
        }
    }

    /// Whether the full matrix is kept (EXPLICIT, or at most `matrixLimit` nodes).
    public var hasMatrix: Bool { !matrix.isEmpty }

    /// True when node coordinates are known (every type but EXPLICIT).
    public var hasCoordinates: Bool { !x.isEmpty }

    /// The TSPLIB distance between nodes `i` and `j` (0-based).
    @inlinable @inline(__always)
    public func distance(_ i: Int, _ j: Int) -> Int {
        if !matrix.isEmpty { return Int(matrix[i &* dimension &+ j]) }
        return computeDistance(i, j)
    }

    /// Planar coordinates for a grid search of near nodes: none when the matrix is at hand
    /// (an exact scan is as cheap), for EXPLICIT, and for GEO (angles, not positions).
    public var gridCoordinates: (x: [Double], y: [Double])? {
        if !matrix.isEmpty || !hasCoordinates || edgeWeightType == .geo { return nil }
        return (x, y)
    }

    // MARK: TSPLIB95 distance functions

    /// `nint` of TSPLIB95: (int)(x + 0.5).
    @inlinable @inline(__always)
    public static func nint(_ v: Double) -> Int { Int(v + 0.5) }

    /// TSPLIB95 GEO conversion of DDD.MM (degrees.minutes) to radians, with PI = 3.141592.
    public static func geoRadians(_ v: Double) -> Double {
        let pi = 3.141592
        let degrees = Double(Int(v))
        let minutes = v - degrees
        return pi * (degrees + 5.0 * minutes / 3.0) / 180.0
    }

    /// The distance by its TSPLIB95 formula, not looked up in the matrix (EXPLICIT: the matrix).
    @inlinable @inline(__always)
    public func computeDistance(_ i: Int, _ j: Int) -> Int {
        switch edgeWeightType {
        case .euc2D:
            let dx = x[i] - x[j], dy = y[i] - y[j]
            return TSPLIBDistance.nint((dx * dx + dy * dy).squareRoot())
        case .ceil2D:
            let dx = x[i] - x[j], dy = y[i] - y[j]
            return Int((dx * dx + dy * dy).squareRoot().rounded(.up))
        case .att:
            let dx = x[i] - x[j], dy = y[i] - y[j]
            let r = ((dx * dx + dy * dy) / 10.0).squareRoot()
            let t = TSPLIBDistance.nint(r)
            return Double(t) < r ? t + 1 : t
        case .geo:
            if i == j { return 0 }
            let rrr = 6378.388
            let q1 = cos(longitude[i] - longitude[j])
            let q2 = cos(latitude[i] - latitude[j])
            let q3 = cos(latitude[i] + latitude[j])
            return Int(rrr * acos(0.5 * ((1.0 + q1) * q2 - (1.0 - q1) * q3)) + 1.0)
        case .man2D:
            return TSPLIBDistance.nint(abs(x[i] - x[j]) + abs(y[i] - y[j]))
        case .max2D:
            return max(TSPLIBDistance.nint(abs(x[i] - x[j])), TSPLIBDistance.nint(abs(y[i] - y[j])))
        case .explicit:
            return Int(matrix[i &* dimension &+ j])
        }
    }
}
