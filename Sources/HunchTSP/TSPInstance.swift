import HunchTSPLIB

/// How edge weights are defined, as TSPLIB95's `EDGE_WEIGHT_TYPE` names them (shared with the
/// other TSPLIB families in `HunchTSPLIB`).
public typealias TSPEdgeWeightType = TSPLIBEdgeWeightType

/// A symmetric TSP instance: nodes 0..<dimension (the file's ids minus one) and an integer
/// distance that follows TSPLIB95's definitions exactly (`TSPLIBDistance`).
///
/// Coordinate instances compute distances on the fly; up to `matrixLimit` nodes they also keep a
/// full matrix, which makes the hot loops a single load. Explicit instances always keep the matrix.
public struct TSPInstance: Sendable {
    /// Above this many nodes a coordinate instance keeps no n×n matrix (3000² Int32 = 36 MB).
    public static let matrixLimit = TSPLIBDistance.defaultMatrixLimit

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
    /// The distance function, with the matrix when one is kept.
    public let metric: TSPLIBDistance

    /// Row-major n×n distances, or empty when distances are computed on the fly.
    var matrix: [Int32] { metric.matrix }

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
        self.metric = TSPLIBDistance(edgeWeightType: edgeWeightType, x: x, y: y, matrixLimit: TSPInstance.matrixLimit)
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
        self.metric = TSPLIBDistance(matrix: full, dimension: dimension)
    }

    /// The TSP of a parsed TSPLIB document (its TYPE is not checked here: `TSPLIBReader`
    /// parses with the `.tsp` dialect, which accepts TYPE TSP only). Fixed edges and routing
    /// data are dropped. An EXPLICIT instance keeps its node coordinates for pictures unless
    /// proper display data is given.
    public init(document: TSPLIBDocument) {
        if document.edgeWeightType == .explicit {
            // Node coordinates of an explicit instance mean nothing for distances; keep them
            // for pictures unless proper display data is given.
            let display = document.displayData ?? document.nodeCoordinates
            self.init(name: document.name, comment: document.comment, matrix: document.explicitWeights ?? [],
                      dimension: document.dimension, displayX: display?.x ?? [], displayY: display?.y ?? [])
        } else {
            let coordinates = document.nodeCoordinates
            self.init(name: document.name, comment: document.comment, edgeWeightType: document.edgeWeightType,
                      x: coordinates?.x ?? [], y: coordinates?.y ?? [],
                      displayX: document.displayData?.x ?? [], displayY: document.displayData?.y ?? [])
        }
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
        metric.distance(i, j)
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
}
