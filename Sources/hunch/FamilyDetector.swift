import Foundation

/// Tells which problem family an instance file holds, from its extension or its first lines:
///
/// | first lines                                   | family     |
/// |-----------------------------------------------|------------|
/// | `KEYWORD : value` (TSPLIB), or `.tsp`         | tsp        |
/// | `jobs machines`, or Taillard's `Nb of jobs…`  | jobshop    |
/// | `n`, then `capacity` (BPPLIB)                 | binpacking |
/// | `P`, then `p seed` (OR-Library thpack), `#K`  | packing3d  |
///
/// `--problem` overrides it where a file is ambiguous.
enum FamilyDetector {
    /// An instance address: a file, and for files that hold many problems (thpack), which one
    /// (`BR7.txt#12`, counted from 1).
    struct Address {
        var file: String
        var problem: Int?

        init(_ path: String) throws {
            if let hash = path.lastIndex(of: "#"), !FileManager.default.fileExists(atPath: path) {
                let number = path[path.index(after: hash)...]
                guard let k = Int(number), k >= 1 else {
                    throw CLIError("\(path): expected FILE#K with K ≥ 1 (the K-th problem of the file), found '#\(number)'")
                }
                file = String(path[..<hash])
                problem = k
            } else {
                file = path
                problem = nil
            }
        }

        /// `FILE#K` split without checks (manifest lookups, names): K is nil when absent or not a number.
        static func split(_ path: String) -> (file: String, problem: Int?) {
            guard let hash = path.lastIndex(of: "#"), let k = Int(path[path.index(after: hash)...]) else { return (path, nil) }
            return (String(path[..<hash]), k)
        }
    }

    static func detect(path: String) throws -> String {
        let address = try Address(path)
        let file = address.file
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw CLIError("\(file): no such file")
        }
        guard !isDirectory.boolValue else { throw CLIError("\(file): is a folder, expected an instance file") }
        if address.problem != nil { return "packing3d" }
        switch (file as NSString).pathExtension.lowercased() {
        case "tsp": return "tsp"
        case "vrp": throw CLIError("\(file): CVRP (dispatch) instances are not supported yet; supported: \(Families.names.joined(separator: ", "))")
        default: break
        }
        guard let handle = FileHandle(forReadingAtPath: file) else { throw CLIError("\(file): cannot read") }
        defer { try? handle.close() }
        let head = String(decoding: handle.readData(ofLength: 8192), as: UTF8.self)
        if let family = family(ofText: head) { return family }
        throw CLIError("\(file): cannot tell the problem family from the first lines (expected TSPLIB keywords, `jobs machines`, `items` then `capacity`, or a thpack header); use --problem \(Families.names.joined(separator: "|"))")
    }

    /// The family of an instance text (its first few kilobytes), or nil when unclear.
    static func family(ofText text: String) -> String? {
        var numericLines: [[Substring]] = []
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("//") { continue }
            let upper = line.uppercased()
            if numericLines.isEmpty {
                if upper.hasPrefix("NB OF JOBS") || upper.hasPrefix("TIMES") { return "jobshop" }
                if let colon = line.firstIndex(of: ":") {
                    let key = line[..<colon].trimmingCharacters(in: .whitespaces).uppercased()
                    if ["NAME", "TYPE", "COMMENT", "DIMENSION", "EDGE_WEIGHT_TYPE"].contains(key) { return "tsp" }
                }
                if ["NAME", "TYPE", "COMMENT", "DIMENSION"].contains(where: { upper.hasPrefix($0) }) { return "tsp" }
            }
            let tokens = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," })
            guard tokens.allSatisfy({ Double($0) != nil }) else {
                if numericLines.isEmpty { return nil }
                break
            }
            numericLines.append(tokens)
            if numericLines.count == 2 { break }
        }
        guard let first = numericLines.first else { return nil }
        if first.count == 2 { return "jobshop" }
        if first.count == 1, numericLines.count == 2 {
            if numericLines[1].count == 1 { return "binpacking" }
            if numericLines[1].count == 2 { return "packing3d" }
        }
        return nil
    }
}
