import Foundation

/// Takes the API key out of text before it is stored or shown. A server may echo the key back in
/// a reply or an error body, and replies end up in the cache, the result's `details.llm` and on
/// standard error; the key must reach none of them.
public enum SecretRedaction {
    /// What stands in for the key.
    public static let placeholder = "[redacted]"

    /// `text` with every occurrence of `secret` replaced by `placeholder`, also where the key
    /// appears JSON-escaped (a `/` written `\/`) or percent-encoded (in a URL). No-op without a key.
    public static func redact(_ text: String, secret: String?) -> String {
        guard let secret, !secret.isEmpty else { return text }
        var out = text
        for form in forms(of: secret) where out.contains(form) {
            out = out.replacingOccurrences(of: form, with: placeholder)
        }
        return out
    }

    /// The spellings of the key a server might send back, longest first so that a longer form is
    /// replaced whole before a shorter one could cut into it.
    static func forms(of secret: String) -> [String] {
        var forms = [secret]
        let escaped = secret.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "/", with: "\\/")
        forms.append(escaped)
        if let encoded = secret.addingPercentEncoding(withAllowedCharacters: .alphanumerics) { forms.append(encoded) }
        var seen = Set<String>()
        return forms.filter { seen.insert($0).inserted }.sorted { $0.count > $1.count }
    }
}
