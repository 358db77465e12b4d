extension TSPLIBReader {
    /// Words that may stand between "optimal"/"optimum"/"opt"/"best known" and its number, as
    /// in "Optimal tour length: 1234" or "Optimum tour for eil101.tsp (Length 629)".
    private static let fillerWords: Set<String> = [
        "tour", "solution", "value", "length", "cost", "objective", "distance", "is", "was", "=",
    ]
    /// Words after which the next word is an instance name ("Optimal solution for gr24 (1272)").
    private static let nameIntroducers: Set<String> = ["for", "of"]
    /// Words that turn the keyword into its opposite or a hedge ("not optimal 1234").
    private static let negations: Set<String> = ["not", "non", "no", "sub", "near", "nearly", "almost"]

    /// The known optimum stated in a COMMENT, or nil.
    ///
    /// Conservative on purpose — a wrong "optimum" would make a solver report a false gap: the
    /// number must follow the word `opt`, `optimal`, `optimum` or `best known` within the same
    /// phrase, separated only by `:`, `=`, `(`, filler words (tour, solution, value, length,
    /// cost, is) and an instance name after "for"/"of". So `optimum 1234`,
    /// `Optimal tour length: 1234`, `(opt = 1234)` and TSPLIB's own
    /// `Optimal solution for gr24 (1272)` count, while `Length 6110`,
    /// `Optimum solution of bayg29`, `not optimal: 12` and `optimal for 3 of 5` do not.
    public static func optimumFromComment(_ comment: String) -> Int? {
        let words = commentWords(comment.lowercased())
        var index = 0
        while index < words.count {
            let word = words[index]
            var keywordEnd: Int?
            if word == "opt" || word == "optimal" || word == "optimum" {
                keywordEnd = index + 1
            } else if word == "best", index + 1 < words.count, words[index + 1] == "known" {
                keywordEnd = index + 2
            } else if word == "best-known" {
                keywordEnd = index + 1
            }
            if let start = keywordEnd, index == 0 || !negations.contains(words[index - 1]),
               let value = number(after: start, in: words) {
                return value
            }
            index += 1
        }
        return nil
    }

    /// Follows the phrase after a keyword to its number, or gives up (nil).
    private static func number(after start: Int, in words: [String]) -> Int? {
        var index = start
        var expectName = false
        while index < words.count && index < start + 6 {
            let word = words[index]
            if let first = word.first, first.isASCII && first.isNumber {
                // After "for"/"of" a number would be a count ("optimal for 3 of 5"), not a value.
                guard !expectName, word.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
                return Int(word)
            }
            if expectName {
                expectName = false
            } else if nameIntroducers.contains(word) {
                expectName = true
            } else if !fillerWords.contains(word) {
                return nil
            }
            index += 1
        }
        return nil
    }

    /// Splits a comment into words: runs of letters, digits and `. _ -` (and `,` inside a
    /// number), with `=` as a word of its own; a trailing `.` or `,` is dropped. Other
    /// punctuation only separates, except `,` `;` `/` `)` which end a phrase and become a word
    /// that stops the search.
    private static func commentWords(_ comment: String) -> [String] {
        var words: [String] = []
        var current = ""
        func flush() {
            while current.count > 1 && (current.last == "." || current.last == ",") { current.removeLast() }
            if !current.isEmpty { words.append(current) }
            current = ""
        }
        for character in comment {
            if character.isLetter || character.isNumber || character == "." || character == "_" || character == "-" {
                current.append(character)
            } else if character == ",", let last = current.last, last.isNumber {
                // "1,234": keep it one word, which is then not a plain number and is refused.
                current.append(character)
            } else {
                flush()
                if character == "=" {
                    words.append("=")
                } else if character == "," || character == ";" || character == "/" || character == ")" {
                    words.append(String(character))
                }
            }
        }
        flush()
        return words
    }
}
