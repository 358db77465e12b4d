import Foundation

/// How edge weights are defined, as TSPLIB95's `EDGE_WEIGHT_TYPE` names them.
public enum TSPEdgeWeightType: String, Sendable, Codable, CaseIterable {
    case euc2D = "EUC_2D"
    case ceil2D = "CEIL_2D"
    case att = "ATT"
    case geo = "GEO"
    case man2D = "MAN_2D"
    case max2D = "MAX_2D"
    case explicit = "EXPLICIT"
}

/// A symmetric TSP instance: nodes 0..<dimension (the file's ids minus one) and an integer
/// distance that follows TSPLIB95's definitions exactly.
///
/// Coordinate instances compute distances on the fly; up to `matrixLimit` nodes they also keep a
/// full matrix, which makes the hot loops a single load. Explicit instances always keep the matrix.
public struct TSPInstance: Sendable {
    /// Above this many nodes a coordinate instance keeps no n×n matrix (3000² Int32 = 36 MB).
    public static let matrixLimit = 3000

    public let name: String
    public let comment: String
    public let dimension: Int
    public let edgeWeightType: TSPEdgeWeightType
    /// Node coordinates (empty for EXPLICIT instances without them).
    public let x: [Double]
    public let y: [Double]
    /// Coordinates for pictures only (TSPLIB `DISPLAY_DATA_SECTION`); empty when absent.
    public let displayX: [Double]
    public let displayY: [Double]

    /// Row-major n×n distances, or empty when distances are computed on the fly.
    private(set) var matrix: [Int32]
    /// GEO instances: latitude and longitude in radians, TSPLIB's degree/minute conversion applied.
    let latitude: [Double]
    let longitude: [Double]

    /// A coordinate instance (every type but EXPLICIT).
    public init(name: String, comment: String = "", edgeWeightType: TSPEdgeWeightType,
                x: [Double], y: [Double], displayX: [Double] = [], displayY: [Double] = []) {
        precondition(edgeWeightType != .explicit, "use init(name:comment:matrix:dimension:) for EXPLICIT")
        precondition(x.count == y.count)
        self.name = name
        self.comment = comment
        self.dimension = x.count
        self.edgeWeightType = edgeWeightType
        self.x = x
        self.y = y
        self.displayX = displayX
        self.displayY = displayY
        if edgeWeightType == .geo {
            latitude = x.map(TSPInstance.geoRadians)
            longitude = y.map(TSPInstance.geoRadians)
        } else {
            latitude = []
            longitude = []
        }
        matrix = []
        if dimension <= TSPInstance.matrixLimit {
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

    /// An EXPLICIT instance from a full row-major matrix (symmetric; the reader expands
    /// triangular formats). Optional coordinates are kept for pictures.
    public init(name: String, comment: String = "", matrix full: [Int], dimension: Int,
                displayX: [Double] = [], displayY: [Double] = []) {
        precondition(full.count == dimension * dimension)
        self.name = name
        self.comment = comment
        self.dimension = dimension
        self.edgeWeightType = .explicit
        self.x = []
        self.y = []
        self.displayX = displayX
        self.displayY = displayY
        self.latitude = []
        self.longitude = []
        self.matrix = full.map { Int32(clamping: $0) }
    }

    /// True when node coordinates are real positions (so geometry such as grids and
    /// space-filling curves applies). GEO coordinates are angles, still fine for neighbourhoods.
    public var hasCoordinates: Bool { !x.isEmpty }

    /// Coordinates to draw with: node coordinates, else display data, else nil.
    public var drawingCoordinates: (x: [Double], y: [Double])? {
        if hasCoordinates { return (x, y) }
        if !displayX.isEmpty { return (displayX, displayY) }
        return nil
    }

    /// The TSPLIB distance between nodes `i` and `j` (0-based).
    @inline(__always)
    public func distance(_ i: Int, _ j: Int) -> Int {
        if !matrix.isEmpty { return Int(matrix[i &* dimension &+ j]) }
        return computeDistance(i, j)
    }

    /// Length of a closed tour given as a permutation of 0..<dimension.
    public func tourLength(_ tour: [Int]) -> Int {
        guard tour.count > 1 else { return 0 }
        var total = 0
        var previous = tour[tour.count - 1]
        for node in tour {
            total += distance(previous, node)
            previous = node
        }
        return total
    }

    // MARK: TSPLIB95 distance functions

    /// `nint` of TSPLIB95: (int)(x + 0.5).
    @inline(__always)
    static func nint(_ v: Double) -> Int { Int(v + 0.5) }

    /// TSPLIB95 GEO conversion of DDD.MM (degrees.minutes) to radians, with PI = 3.141592.
    static func geoRadians(_ v: Double) -> Double {
        let pi = 3.141592
        let degrees = Double(Int(v))
        let minutes = v - degrees
        return pi * (degrees + 5.0 * minutes / 3.0) / 180.0
    }

    @inline(__always)
    func computeDistance(_ i: Int, _ j: Int) -> Int {
        switch edgeWeightType {
        case .euc2D:
            let dx = x[i] - x[j], dy = y[i] - y[j]
            return TSPInstance.nint((dx * dx + dy * dy).squareRoot())
        case .ceil2D:
            let dx = x[i] - x[j], dy = y[i] - y[j]
            return Int((dx * dx + dy * dy).squareRoot().rounded(.up))
        case .att:
            let dx = x[i] - x[j], dy = y[i] - y[j]
            let r = ((dx * dx + dy * dy) / 10.0).squareRoot()
            let t = TSPInstance.nint(r)
            return Double(t) < r ? t + 1 : t
        case .geo:
            if i == j { return 0 }
            let rrr = 6378.388
            let q1 = cos(longitude[i] - longitude[j])
            let q2 = cos(latitude[i] - latitude[j])
            let q3 = cos(latitude[i] + latitude[j])
            return Int(rrr * acos(0.5 * ((1.0 + q1) * q2 - (1.0 - q1) * q3)) + 1.0)
        case .man2D:
            return TSPInstance.nint(abs(x[i] - x[j]) + abs(y[i] - y[j]))
        case .max2D:
            return max(TSPInstance.nint(abs(x[i] - x[j])), TSPInstance.nint(abs(y[i] - y[j])))
        case .explicit:
            return Int(matrix[i &* dimension &+ j])
        }
    }
}
