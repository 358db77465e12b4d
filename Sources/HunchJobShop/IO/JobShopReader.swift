import Foundation
import HunchCore

/// Reads job-shop instances in the two standard text formats, detected automatically:
///
/// - **OR-Library** (Beasley 1990): a header `jobs machines`, then one line per job of
///   `machine time` pairs in technological order, machines numbered from 0;
/// - **Taillard** (1993): a header whose first two numbers are `jobs machines` (Taillard's files
///   add seeds and bounds), then the processing-time matrix (one line per job) and the machine
///   matrix (one line per job, machines numbered from 1), optionally introduced by `Times` and
///   `Machines` lines.
///
/// `#` starts a comment; blank lines are skipped, and so are text lines before the header (the
/// OR-Library collection puts a description there). Every error names the file and line.
public enum JobShopReader {
    /// Largest number of operations accepted, so that a corrupt header cannot exhaust memory.
    public static let maximumOperations = 10_000_000
    /// Largest processing time accepted (sums of times must fit in an Int with room to spare).
    public static let maximumDuration = 1_000_000_000

    public static func read(path: String) throws -> JobShopInstance {
        let data = try InstanceTokens.load(path, expected: "a job-shop instance file")
        return try parse(InstanceTokens(bytes: data, file: path, commas: true, hashComments: true), path: path)
    }

    /// Parses the bytes of a file (any encoding: only numbers and keywords matter).
    public static func parse(bytes: [UInt8], path: String) throws -> JobShopInstance {
        try parse(InstanceTokens(bytes: bytes, file: path, commas: true, hashComments: true), path: path)
    }

    /// Parses `text`; `path` names the source in errors and gives the instance its name.
    public static func parse(_ text: String, path: String) throws -> JobShopInstance {
        try parse(InstanceTokens(text: text, file: path, commas: true, hashComments: true), path: path)
    }

    /// Parses the tokens of a file (`InstanceTokens`: BOM, CRLF, tabs and commas tolerated,
    /// `#` comments dropped).
    static func parse(_ tokenized: InstanceTokens, path: String) throws -> JobShopInstance {
        func fail(_ line: Int?, _ message: String) -> JobShopFormatError {
            JobShopFormatError(file: path, line: line, message: message)
        }
        var lines: [(number: Int, tokens: [Substring])] = []
        var sawKeywordTimes = false
        var headerIndex: Int?
        for line in tokenized.lines {
            let tokens = line.tokens
            let first = tokens[0].lowercased()
            if first == "times" || first == "machines" {
                guard headerIndex != nil else {
                    throw fail(line.number, "'\(InstanceFileError.excerpt(tokens[0]))' before the header line 'jobs machines'")
                }
                if first == "times" { sawKeywordTimes = true }
                continue   // section keywords of Taillard's files
            }
            if headerIndex == nil && InstanceTokens.integer(tokens[0]) == nil { continue }   // description before the header
            if headerIndex == nil { headerIndex = lines.count }
            lines.append((line.number, tokens))
        }
        guard let headerIndex else {
            throw fail(nil, tokenized.tokens.isEmpty ? "file is empty: expected a header line 'jobs machines'" : "no header line 'jobs machines' found")
        }
        let header = lines[headerIndex]
        guard header.tokens.count >= 2 else {
            throw fail(header.number, "expected a header 'jobs machines', found \"\(InstanceFileError.excerpt(Substring(header.tokens.joined(separator: " "))))\"")
        }
        let jobs = try integer(header.tokens[0], line: header.number, what: "the number of jobs", fail)
        let machines = try integer(header.tokens[1], line: header.number, what: "the number of machines", fail)
        guard jobs >= 1 else { throw fail(header.number, "expected a number of jobs ≥ 1, found \(jobs)") }
        guard machines >= 1 else { throw fail(header.number, "expected a number of machines ≥ 1, found \(machines)") }
        guard jobs <= maximumOperations / machines else {
            throw fail(header.number, "\(jobs) × \(machines) operations exceed the limit of \(maximumOperations)")
        }
        if header.tokens.count > 2 && !sawKeywordTimes {
            // Only Taillard's header carries more numbers (seeds, bounds); check they are numbers.
            for token in header.tokens.dropFirst(2) { _ = try integer(token, line: header.number, what: "a number", fail) }
        }
        let data = Array(lines[(headerIndex + 1)...])
        guard let firstData = data.first else {
            throw fail(header.number, "expected \(jobs) job lines after the header, found none")
        }
        let taillard: Bool
        if sawKeywordTimes || firstData.tokens.count == machines {
            taillard = true
        } else if firstData.tokens.count == 2 * machines {
            taillard = false
        } else {
            throw fail(firstData.number, "expected \(2 * machines) numbers (machine time pairs) or \(machines) numbers (Taillard times), found \(firstData.tokens.count)")
        }
        let expectedLines = taillard ? 2 * jobs : jobs
        guard data.count >= expectedLines else {
            let last = data.last?.number ?? header.number
            throw fail(last, taillard
                ? "expected \(jobs) lines of times and \(jobs) lines of machines, found \(data.count) lines in all"
                : "expected \(jobs) job lines, found \(data.count)")
        }
        if data.count > expectedLines {
            throw fail(data[expectedLines].number, "unexpected data after the last \(taillard ? "machine" : "job") line (the header says \(jobs) jobs)")
        }
        var machine = [[Int]](repeating: [], count: jobs)
        var duration = [[Int]](repeating: [], count: jobs)
        for j in 0..<jobs {
            if taillard {
                let times = data[j], order = data[jobs + j]
                for row in [times, order] where row.tokens.count != machines {
                    throw fail(row.number, "expected \(machines) numbers for job \(j), found \(row.tokens.count)")
                }
                for k in 0..<machines {
                    duration[j].append(try time(times.tokens[k], line: times.number, fail))
                    let mk = try integer(order.tokens[k], line: order.number, what: "a machine number", fail)
                    guard mk >= 1 && mk <= machines else {
                        throw fail(order.number, "machine \(mk) is out of range 1…\(machines) (Taillard numbers machines from 1)")
                    }
                    machine[j].append(mk - 1)
                }
            } else {
                let row = data[j]
                guard row.tokens.count == 2 * machines else {
                    throw fail(row.number, "expected \(2 * machines) numbers (\(machines) machine time pairs) for job \(j), found \(row.tokens.count)")
                }
                for k in 0..<machines {
                    let mk = try integer(row.tokens[2 * k], line: row.number, what: "a machine number", fail)
                    guard mk >= 0 && mk < machines else {
                        throw fail(row.number, "machine \(mk) is out of range 0…\(machines - 1) (OR-Library numbers machines from 0)")
                    }
                    machine[j].append(mk)
                    duration[j].append(try time(row.tokens[2 * k + 1], line: row.number, fail))
                }
            }
            var firstVisit = [Int](repeating: -1, count: machines)
            for k in 0..<machines {
                let mk = machine[j][k]
                if firstVisit[mk] >= 0 {
                    let line = taillard ? data[jobs + j].number : data[j].number
                    let shown = taillard ? mk + 1 : mk
                    throw fail(line, "job \(j) visits machine \(shown) twice (operations \(firstVisit[mk]) and \(k)); each job must visit each machine once")
                }
                firstVisit[mk] = k
            }
        }
        return JobShopInstance(name: instanceName(path), jobCount: jobs, machineCount: machines,
                               machine: machine, duration: duration)
    }

    private static func integer(_ token: Substring, line: Int, what: String,
                                _ fail: (Int?, String) -> JobShopFormatError) throws -> Int {
        guard let value = InstanceTokens.integer(token) else {
            throw fail(line, "expected \(what) (an integer), found \"\(InstanceFileError.excerpt(token))\"")
        }
        return value
    }

    private static func time(_ token: Substring, line: Int, _ fail: (Int?, String) -> JobShopFormatError) throws -> Int {
        let value = try integer(token, line: line, what: "a processing time", fail)
        guard value >= 0 else { throw fail(line, "negative processing time \(value); expected a time ≥ 0") }
        guard value <= maximumDuration else { throw fail(line, "processing time \(value) exceeds the limit of \(maximumDuration)") }
        return value
    }

    /// The file name without directory and extension.
    static func instanceName(_ path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        if let dot = file.lastIndex(of: "."), dot != file.startIndex { return String(file[..<dot]) }
        return file
    }
}
