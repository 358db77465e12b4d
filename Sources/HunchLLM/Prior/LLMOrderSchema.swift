import HunchCore

extension LLMPermutationTask {
    /// `{"order": [id, …]}` with exactly `count` ids from `firstID…firstID+count-1`. Servers that
    /// honour `items.enum` keep the ids in range; none enforce uniqueness, so answers are repaired.
    public static func orderSchema(count: Int, firstID: Int = 1) -> JSONValue {
        .object([
            "type": .string("object"),
            "properties": .object([
                "order": .object([
                    "type": .string("array"),
                    "items": .object(["type": .string("integer"), "enum": .array((0..<count).map { .int(firstID + $0) })]),
                    "minItems": .int(count),
                    "maxItems": .int(count),
                ]),
            ]),
            "required": .array([.string("order")]),
            "additionalProperties": .bool(false),
        ])
    }
}
