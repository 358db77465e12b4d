/// The question `--prior llm` puts to a model for a CVRP: the depot and customers with their
/// coordinates (or depot distances) and demands, and the vehicle capacity; the answer is an
/// order of customers (numbered 1…n−1 as in the prompt) that Split cuts into routes.
public enum CVRPLLMPrompt {
    public static let customerLimit = 300

    public static func system() -> String {
        "You plan delivery routes. Answer only with JSON: {\"order\": [customer numbers]} listing every customer once, in the order a driver should visit them; nearby customers should be next to each other."
    }

    public static func user(_ instance: CVRPInstance) -> String {
        var text = "Depot and \(instance.customerCount) customers; vehicle capacity \(instance.capacity).\n"
        if let x = instance.x, let y = instance.y {
            text += "depot at (\(Int(x[0])), \(Int(y[0])))\n"
            for c in 1..<instance.dimension { text += "customer \(c): (\(Int(x[c])), \(Int(y[c]))) demand \(instance.demands[c])\n" }
        } else {
            for c in 1..<instance.dimension { text += "customer \(c): \(instance.distance(0, c)) from the depot, demand \(instance.demands[c])\n" }
        }
        return text + "Give the visiting order of all \(instance.customerCount) customers."
    }
}
