import HunchCore

/// The question put to a language model for a container-loading instance: which box types to
/// load first. Its answer — type ids, 1-based as in the file — goes through
/// `order(fromIDs:typeCount:)` and `BoxOrderDecoder`, which repair any list into a feasible plan.
public enum Packing3DLLMPrompt {
    public static func system() -> String {
        "You are an expert in container loading and 3D packing. You reply with JSON only, no explanations."
    }

    public static func user(_ instance: ContainerInstance) -> String {
        let c = instance.container
        var lines: [String] = []
        for (i, box) in instance.boxTypes.enumerated() {
            let d = box.dimensions
            let upright = zip(["l", "w", "h"], box.mayBeVertical).filter { $0.1 }.map { $0.0 }.joined(separator: ",")
            lines.append("\(i + 1): \(d[0]) x \(d[1]) x \(d[2]), quantity \(box.quantity), may stand on: \(upright)")
        }
        let n = instance.boxTypes.count
        return """
            Load boxes into a container of length \(c[0]), width \(c[1]) and height \(c[2]) to fill as much of its \
            volume as possible; not every box may fit. Every box rests fully on the floor or on other boxes. \
            Box types, one per line as "id: l x w x h, quantity, sides that may be vertical":
            \(lines.joined(separator: "\n"))
            Reply with JSON {"order": [ids]} listing every box type id from 1 to \(n) exactly once, the types to \
            load first at the front (large, plentiful boxes first usually leave less wasted space).
            """
    }

    /// `{"order": [integer in 1…n]}` with exactly n items (servers enforce `enum`, not uniqueness).
    public static func schema(_ instance: ContainerInstance) -> JSONValue {
        let n = max(1, instance.boxTypes.count)
        return .object([
            "type": .string("object"),
            "properties": .object([
                "order": .object([
                    "type": .string("array"),
                    "items": .object(["type": .string("integer"), "enum": .array((1...n).map { .int($0) })]),
                    "minItems": .int(n),
                    "maxItems": .int(n),
                ]),
            ]),
            "required": .array([.string("order")]),
            "additionalProperties": .bool(false),
        ])
    }

    /// The model's 1-based ids as 0-based type indices (out-of-range ids are dropped; the
    /// decoder repairs repeats and omissions).
    public static func order(fromIDs ids: [Int], typeCount: Int) -> [Int] {
        ids.compactMap { $0 >= 1 && $0 <= typeCount ? $0 - 1 : nil }
    }
}
