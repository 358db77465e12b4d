/// What a report keeps of a reply's text. A real answer is a few hundred characters; a runaway or
/// hostile server's may be megabytes, which copied verbatim made a 52 MB result file. The start
/// is what shows what the model did, so the start is kept, with a note of the full length.
public enum ReplyExcerpt {
    /// Characters of the reply kept.
    public static let limit = 2_000

    /// `text` when it has at most `limit` characters; else its first `limit` characters and a
    /// note such as `… [cut: 2000 of 52428800 characters shown]`. Also returns the full length.
    public static func make(_ text: String) -> (text: String, length: Int) {
        guard let end = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex),
              end < text.endIndex else { return (text, text.count) }
        let length = text.count
        return (String(text[..<end]) + "… [cut: \(limit) of \(length) characters shown]", length)
    }
}
