import Foundation
import HunchCore

/// Replies kept on disk, one JSON file per (model, prompt), so that a batch never asks the same
/// question twice. Keys are SHA-256 of the model and the whole request (messages, schema,
/// temperature, token limit); files are written atomically, so concurrent workers and a crash
/// mid-write never leave a torn entry. A damaged entry reads as a miss.
public struct ReplyCache: Sendable {
    /// One cached reply.
    public struct Entry: Codable, Sendable, Equatable {
        public var model: String
        public var content: String
        public var finishReason: String?
        public var responseFormat: String?
        /// Seconds since 1970 when it was stored.
        public var created: Double

        public init(model: String, content: String, finishReason: String? = nil,
                    responseFormat: String? = nil, created: Double = Date().timeIntervalSince1970) {
            self.model = model
            self.content = content
            self.finishReason = finishReason
            self.responseFormat = responseFormat
            self.created = created
        }

        enum CodingKeys: String, CodingKey {
            case model, content, created
            case finishReason = "finish_reason"
            case responseFormat = "response_format"
        }
    }

    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    /// `$HUNCH_LLM_CACHE`, else `$XDG_CACHE_HOME/hunch/llm`, else `~/.cache/hunch/llm`.
    public static func defaultDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let dir = environment[LLMConfiguration.Environment.cache], !dir.isEmpty { return dir }
        if let xdg = environment["XDG_CACHE_HOME"], !xdg.isEmpty { return xdg + "/hunch/llm" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.cache/hunch/llm"
    }

    /// The key of a request: 64 hex digits. `server` (the endpoint URL) keeps apart two servers
    /// that give their models the same name (llama.cpp's default is `local`).
    public static func key(model: String, request: ChatRequest, server: String? = nil) -> String {
        var canonical: [String: JSONValue] = [
            "model": .string(model),
            "messages": .array(request.messages.map { .object(["role": .string($0.role), "content": .string($0.content)]) }),
            "schema": request.schema ?? .null,
            "max_tokens": request.maxTokens.map(JSONValue.int) ?? .null,
            "seed": request.seed.map(JSONValue.int) ?? .null,
        ]
        if let t = request.temperature { canonical["temperature"] = .double(t) }
        if let server { canonical["server"] = .string(server) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(JSONValue.object(canonical))) ?? Data()
        return SHA256.hex(Array(data))
    }

    public func path(forKey key: String) -> String { directory + "/" + key + ".json" }

    /// The stored reply for `key`, or nil (absent or unreadable).
    public func lookup(_ key: String) -> Entry? {
        guard let data = FileManager.default.contents(atPath: path(forKey: key)) else { return nil }
        return try? JSONDecoder().decode(Entry.self, from: data)
    }

    /// Stores `entry` under `key`, creating the directory if needed.
    public func store(_ entry: Entry, forKey key: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try AtomicFile.write(try encoder.encode(entry), to: path(forKey: key))
    }
}
