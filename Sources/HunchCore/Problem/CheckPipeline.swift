import Foundation

/// One `hunch check`: an instance and a solution that someone else made (a planner's manual
/// plan, another solver's answer, an earlier `solve --out`).
public struct CheckRequest: Sendable {
    public var path: String
    public var solutionPath: String
    /// The best value known from outside (a manifest), if any.
    public var known: KnownValue?
    public var familyOptions = FamilyOptions()

    public init(path: String, solutionPath: String) {
        self.path = path
        self.solutionPath = solutionPath
    }
}

/// The check path, once for every family: read the instance, read the solution for its
/// structure only (so that an infeasible plan is read, not refused), then the objective and
/// every violation. Unreadable input throws, naming the file and line or the JSON path; an
/// infeasible solution does not throw, it is the report's answer.
public enum CheckPipeline<P: Problem> {
    public static func check(_ request: CheckRequest) throws -> CheckReport {
        try request.familyOptions.check(family: P.name, objectives: P.objectiveVariants, supports: P.supportVariants)
        let instance = try P.read(path: request.path)
        let context = try P.context(instance, options: request.familyOptions)
        let path = request.solutionPath
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InstanceFileError(file: path, line: nil, message: "no such file (expected a solution file or a JSON result)")
        }
        guard !isDirectory.boolValue else {
            throw InstanceFileError(file: path, line: nil, message: "is a folder, expected a solution file")
        }
        let solution = try SolutionJSON.naming(path) { try P.readSolution(path: path, instance, context) }
        let known = !P.knownValueApplies(context) ? nil
            : request.known ?? P.statedOptimum(instance).map { KnownValue(value: $0, proven: false) }
        return CheckReport(family: P.name, instance: request.path, solution: path,
                           name: known?.name ?? P.instanceName(instance), instanceDescription: P.describe(instance),
                           size: P.size(instance), objective: P.objective(solution, instance, context),
                           objectiveName: request.familyOptions.objective ?? P.objectiveName, sense: P.sense(context), knownOptimum: known?.value,
                           knownIsProven: known?.proven == true, violations: P.violations(solution, instance, context))
    }
}
