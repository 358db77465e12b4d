/// The question `--prior llm` puts to a model for a VRPTW: the depot, the customers with their
/// coordinates, demands and windows, and the capacity; the answer is an order of customers
/// that is cut into routes wherever the next customer no longer fits in time or load.
public enum VRPTWLLMPrompt {
    public static let customerLimit = 200

    public static func system() -> String {
        "You plan delivery routes with time windows. Answer only with JSON: {\"order\": [customer numbers]} listing every customer once, in the order vehicles should visit them: nearby customers next to each other, earlier windows first within a route."
    }

    public static func user(_ instance: VRPTWInstance) -> String {
        let scale = instance.scale
        var text = "Depot and \(instance.customerCount) customers; vehicle capacity \(instance.capacity); the depot opens at \(instance.ready[0] / scale) and closes at \(instance.due[0] / scale).\n"
        text += "depot at (\(Int(instance.x[0])), \(Int(instance.y[0])))\n"
        for c in 1..<instance.dimension {
            text += "customer \(c): (\(Int(instance.x[c])), \(Int(instance.y[c]))) demand \(instance.demands[c]) window \(instance.ready[c] / scale)–\(instance.due[c] / scale) service \(instance.service[c] / scale)\n"
        }
        return text + "Give the visiting order of all \(instance.customerCount) customers."
    }
}
