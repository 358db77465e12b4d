import HunchCore

/// Settings of the TSP LLM prior.
public struct TSPLLMOptions: Sendable, Equatable {
    /// Up to this many cities the model orders the cities themselves; above, it orders clusters.
    public var fullOrderLimit = 60
    /// Clusters for large instances; nil: `TSPClusters.suggestedCount` (20–40).
    public var clusterCount: Int?
    /// Seeds the clustering and the fallback prior.
    public var seed: UInt64 = 1
    /// The prior used when the model's answer is unusable.
    public var fallbackPrior: TSPPrior = .default
    /// Instances without coordinates are described by nearest-neighbour lists, up to this size.
    public var neighbourListLimit = 30

    public init() {}
}

/// The question put to the model for one TSP instance, sized to fit a small context window:
/// - up to `fullOrderLimit` cities: their integer coordinates, and a schema whose `items.enum`
///   lists the valid ids 1…n (servers enforce enums; uniqueness never, so repair follows);
/// - larger: k spatial clusters by integer centre and size, and the cluster order is asked;
/// - no coordinates (EXPLICIT), small: each city's nearest neighbours with distances.
/// Ids in the prompt are 1-based; `firstID` says so.
public struct TSPLLMPrompt: Sendable, Equatable {
    public enum Mode: String, Sendable {
        /// The model orders the cities.
        case order
        /// The model orders the clusters; each is then toured by nearest neighbour.
        case clusterOrder = "cluster-order"
    }

    public var mode: Mode
    public var system: String
    public var user: String
    /// `{"order": [ids]}` with `items.enum`, `minItems` and `maxItems`.
    public var schema: JSONValue
    public var schemaName = "tour"
    /// How many ids the answer orders (cities, or clusters).
    public var count: Int
    public var firstID = 1
    /// Enough tokens for the whole list.
    public var maxTokens: Int
    /// The clusters, in cluster mode.
    public var clusters: TSPClusters?

    static let systemMessage = "You are an expert in route planning and the travelling salesman problem. "
        + "You reply with JSON only, no explanations."

    /// The question for `instance`, or nil with why when it cannot be asked.
    static func make(_ instance: TSPInstance, candidates: CandidateLists,
                     options: TSPLLMOptions) -> (prompt: TSPLLMPrompt?, unavailable: String?) {
        let n = instance.dimension
        guard n > 3 else { return (nil, "\(n) cities: every tour is optimal") }
        if let coordinates = instance.drawingCoordinates {
            if n <= options.fullOrderLimit { return (cityOrder(instance, coordinates), nil) }
            return (clusterOrder(instance, coordinates, options), nil)
        }
        if n <= options.neighbourListLimit { return (neighbourOrder(instance, candidates), nil) }
        return (nil, "no coordinates to describe \(n) cities (the limit without coordinates is \(options.neighbourListLimit))")
    }

    // MARK: The three shapes

    static func cityOrder(_ instance: TSPInstance, _ c: (x: [Double], y: [Double])) -> TSPLLMPrompt {
        let n = instance.dimension
        let scale = IntegerScale(x: c.x, y: c.y)
        var lines: [String] = []
        lines.reserveCapacity(n)
        for i in 0..<n { lines.append("\(i + 1): \(scale.x(c.x[i])) \(scale.y(c.y[i]))") }
        let user = """
            Find a short closed tour through all \(n) cities: visit each city exactly once and return to the start. \
            Cities, one per line as "id: x y" (integer coordinates):
            \(lines.joined(separator: "\n"))
            Reply with JSON {"order": [ids]} listing every id from 1 to \(n) exactly once, in visiting order. \
            Go from each city to a nearby one.
            """
        return TSPLLMPrompt(mode: .order, system: systemMessage, user: user, schema: orderSchema(count: n),
                            count: n, maxTokens: tokens(for: n), clusters: nil)
    }

    static func clusterOrder(_ instance: TSPInstance, _ c: (x: [Double], y: [Double]),
                             _ options: TSPLLMOptions) -> TSPLLMPrompt {
        let n = instance.dimension
        let k = options.clusterCount ?? TSPClusters.suggestedCount(cities: n)
        let clusters = TSPClusters(x: c.x, y: c.y, k: k, seed: options.seed)
        let scale = IntegerScale(x: c.x, y: c.y)
        var lines: [String] = []
        for j in 0..<clusters.count {
            lines.append("\(j + 1): \(scale.x(clusters.centreX[j])) \(scale.y(clusters.centreY[j])) (\(clusters.members[j].count) cities)")
        }
        let m = clusters.count
        let user = """
            \(n) cities are grouped into \(m) clusters. A closed tour will visit the clusters one after another \
            and return to the start. Clusters, one per line as "id: x y (size)" with the integer coordinates of \
            the cluster's centre:
            \(lines.joined(separator: "\n"))
            Reply with JSON {"order": [ids]} listing every cluster id from 1 to \(m) exactly once, in the order \
            that makes the tour short. Go from each cluster to a nearby one.
            """
        return TSPLLMPrompt(mode: .clusterOrder, system: systemMessage, user: user, schema: orderSchema(count: m),
                            count: m, maxTokens: tokens(for: m), clusters: clusters)
    }

    static func neighbourOrder(_ instance: TSPInstance, _ candidates: CandidateLists) -> TSPLLMPrompt {
        let n = instance.dimension
        let shown = min(5, candidates.k)
        var lines: [String] = []
        for i in 0..<n {
            let near = (0..<shown).map { r -> String in
                let j = candidates.neighbour(i, r)
                return "\(j + 1) (\(instance.distance(i, j)))"
            }
            lines.append("\(i + 1): " + near.joined(separator: ", "))
        }
        let user = """
            Find a short closed tour through all \(n) cities: visit each city exactly once and return to the start. \
            For each city, its \(shown) nearest cities with the distance in brackets, as "id: neighbour (distance), …":
            \(lines.joined(separator: "\n"))
            Reply with JSON {"order": [ids]} listing every id from 1 to \(n) exactly once, in visiting order. \
            Go from each city to one of its near neighbours.
            """
        return TSPLLMPrompt(mode: .order, system: systemMessage, user: user, schema: orderSchema(count: n),
                            count: n, maxTokens: tokens(for: n), clusters: nil)
    }

    /// `{"order": [integer in 1…count]}` with exactly `count` items.
    static func orderSchema(count: Int) -> JSONValue {
        .object([
            "type": .string("object"),
            "properties": .object([
                "order": .object([
                    "type": .string("array"),
                    "items": .object(["type": .string("integer"), "enum": .array((1...count).map { .int($0) })]),
                    "minItems": .int(count),
                    "maxItems": .int(count),
                ]),
            ]),
            "required": .array([.string("order")]),
            "additionalProperties": .bool(false),
        ])
    }

    /// Up to 4 digits, a separator and a space per id, plus the JSON around them.
    static func tokens(for count: Int) -> Int { 6 * count + 32 }
}

/// Integer coordinates for a prompt: integral coordinates of moderate size are shown as they
/// are (so a user recognises them); anything else is mapped onto 0…1000, keeping the aspect ratio.
struct IntegerScale {
    let asIs: Bool
    let minX: Double, minY: Double, factor: Double

    init(x: [Double], y: [Double]) {
        let all = x + y
        minX = x.min() ?? 0
        minY = y.min() ?? 0
        let span = max((x.max() ?? 0) - minX, (y.max() ?? 0) - minY)
        asIs = all.allSatisfy { $0 == $0.rounded() && abs($0) <= 1_000_000 } && span <= 100_000
        factor = span > 0 ? 1000 / span : 1
    }

    func x(_ v: Double) -> Int { asIs ? Int(v.rounded()) : Int(((v - minX) * factor).rounded()) }
    func y(_ v: Double) -> Int { asIs ? Int(v.rounded()) : Int(((v - minY) * factor).rounded()) }
}
