import Foundation
import HunchCore

/// A question a weak model can still answer: pick one of a few named options (construction
/// heuristics, candidate first solutions) described in words. The schema's `enum` makes any
/// server with constrained decoding answer with a valid name; free text is matched too.
public struct LLMChoice: Sendable, Equatable {
    public struct Option: Sendable, Equatable {
        /// Short identifier, e.g. `greedy`; what the model must answer.
        public var name: String
        /// What it does and when it is good, in a sentence or two.
        public var description: String

        public init(name: String, description: String) {
            self.name = name
            self.description = description
        }
    }

    /// The situation in words (instance size, shape, …).
    public var context: String
    public var options: [Option]
    /// Used when the model is unreachable or its answer matches no option.
    public var defaultOption: String
    public var mode = "choice"

    public init(context: String, options: [Option], defaultOption: String) {
        precondition(!options.isEmpty, "a choice needs options")
        self.context = context
        self.options = options
        self.defaultOption = defaultOption
    }

    public var messages: [ChatMessage] {
        let list = options.map { "- \($0.name): \($0.description)" }.joined(separator: "\n")
        return [
            .system("You choose the best way to build a first solution for an optimisation problem. "
                    + "Reply with JSON only, in the form {\"choice\": \"<option name>\"}."),
            .user("\(context)\n\nOptions:\n\(list)\n\nWhich option will give the best first solution? "
                  + "Answer with one option name."),
        ]
    }

    /// `{"choice": one of the names}`.
    public var schema: JSONValue {
        .object([
            "type": .string("object"),
            "properties": .object(["choice": .object(["type": .string("string"),
                                                      "enum": .array(options.map { .string($0.name) })])]),
            "required": .array([.string("choice")]),
            "additionalProperties": .bool(false),
        ])
    }

    /// The option named in `reply`: a JSON `{"choice": …}` (or `answer`, `option`, `name`), a
    /// JSON string, the earliest option name in the text, or a bare 1-based option number.
    /// Like the integer extractor, it looks at a bounded start of the reply, in linear time.
    public func parse(_ reply: String) -> String? {
        let text = IntegerListExtractor.bounded(IntegerListExtractor.stripReasoning(reply))
        func match(_ s: String) -> String? {
            let t = s.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            return options.first { $0.name.lowercased() == t }?.name
        }
        let candidates = [IntegerListExtractor.stripFences(text).trimmingCharacters(in: .whitespacesAndNewlines)]
            + IntegerListExtractor.jsonFragments(in: text)
        for candidate in candidates {
            guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(candidate.utf8)) else { continue }
            if case .string(let s) = value, let name = match(s) { return name }
            for key in ["choice", "answer", "option", "name", "prior", "heuristic"] {
                if case .string(let s)? = value[key], let name = match(s) { return name }
            }
        }
        // Free text: the option mentioned first (longest name on a tie, so `greedy-edge` beats `greedy`).
        let lower = text.lowercased()
        var best: (position: String.Index, length: Int, name: String)?
        for option in options {
            guard let r = lower.range(of: option.name.lowercased()) else { continue }
            let length = option.name.count
            if best == nil || r.lowerBound < best!.position || (r.lowerBound == best!.position && length > best!.length) {
                best = (r.lowerBound, length, option.name)
            }
        }
        if let best { return best.name }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: ".\"'")))
        if let number = Int(trimmed), (1...options.count).contains(number) { return options[number - 1].name }
        return nil
    }
}
