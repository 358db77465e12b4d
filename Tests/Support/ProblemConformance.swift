import Foundation
import HunchCore

/// The checks every family must pass, run by each family's tests on its own instances: every
/// prior gives a valid solution; every operator keeps the state valid and a rollback restores it
/// exactly; the same seed and step limit give the same solution; the JSON and the solution file
/// round-trip; the validator rejects a corrupted solution; a time limit is honoured.
///
/// Returns the failures as sentences (empty: all passed), so the family's test asserts one
/// thing and prints what broke.
public enum ProblemConformance<P: Problem> {
    /// `canonical` names a solution up to the symmetries its family does not care about (the
    /// order of bins, say); by default its JSON.
    public static func check(paths: [String], corrupt: (P.Solution, P.Instance) -> P.Solution?,
                             canonical: ((P.Solution) -> String)? = nil,
                             steps: Int = 60, timeLimit: Double = 0.5, options: FamilyOptions = FamilyOptions()) -> [String] {
        var failures: [String] = []
        for path in paths {
            do {
                failures += try checkOne(path: path, corrupt: corrupt, canonical: canonical, steps: steps, timeLimit: timeLimit, options: options)
            } catch {
                failures.append("\(path): \(error)")
            }
        }
        return failures
    }

    static func checkOne(path: String, corrupt: (P.Solution, P.Instance) -> P.Solution?, canonical: ((P.Solution) -> String)?,
                         steps: Int, timeLimit: Double, options: FamilyOptions) throws -> [String] {
        var failures: [String] = []
        func fail(_ message: String) { failures.append("\(path): \(message)") }
        let instance = try P.read(path: path)
        let context = try P.context(instance, options: options)
        func key(_ solution: P.Solution) -> String { canonical?(solution) ?? P.encode(solution, instance, context).jsonString() }

        // Every prior gives a valid solution, with the objective it reports.
        var first: P.Solution?
        for prior in P.priors {
            var rng = SeededGenerator(seed: 7)
            let (solution, _) = P.construct(prior: prior.name, instance, context, rng: &rng, stop: StopCondition())
            do { try P.validate(solution, instance, context) } catch { fail("prior \(prior.name) gives an invalid solution: \(error)") }
            if prior.name == P.defaultPrior { first = solution }
        }
        guard let start = first else { fail("the default prior \(P.defaultPrior) is not among the priors"); return failures }

        // Every operator keeps the state valid; a rollback restores objective and solution exactly.
        var rng = SeededGenerator(seed: 11)
        let state = P.makeState(instance, start: start, context, rng: &rng)
        _ = state.descend(stop: StopCondition())
        for action in P.operatorNames.indices {
            for _ in 0..<3 {
                let before = (state.objective, key(P.solution(of: state, instance, context)))
                state.beginTrial()
                _ = state.apply(action: action, rng: &rng, stop: StopCondition())
                let changed = P.solution(of: state, instance, context)
                do { try P.validate(changed, instance, context) } catch {
                    fail("operator \(P.operatorNames[action]) leaves an invalid solution: \(error)")
                }
                state.rollbackTrial()
                let after = (state.objective, key(P.solution(of: state, instance, context)))
                if before.0 != after.0 || before.1 != after.1 {
                    fail("operator \(P.operatorNames[action]): rollback does not restore the solution")
                }
                state.beginTrial()
                _ = state.apply(action: action, rng: &rng, stop: StopCondition())
                state.commitTrial()
            }
        }

        // Same seed and step limit, same answer; the record's objective matches its solution.
        var settings = SolveSettings()
        settings.maxSteps = steps
        settings.seed = 3
        settings.familyOptions = options
        let clock = MonotonicClock()
        func solve(_ settings: SolveSettings) throws -> SolveOutcome<P> {
            try SolvePipeline<P>.solve(SolveRequest(path: path, settings: settings, commandStart: clock.now(),
                                                    stop: StopCondition(clock: clock)))
        }
        let a = try solve(settings), b = try solve(settings)
        if a.record.solution?.jsonString() != b.record.solution?.jsonString() { fail("same seed and steps, different solutions") }
        guard let solution = a.solution else { fail("no solution"); return failures }
        if a.record.objective != P.objective(solution, instance, context) { fail("record objective differs from its solution's") }

        // JSON and the solution file round-trip.
        do {
            let decoded = try P.decode(P.encode(solution, instance, context), instance, context)
            if key(decoded) != key(solution) { fail("JSON round trip changes the solution") }
            let file = NSTemporaryDirectory() + "hunch-conformance-\(UUID().uuidString)"
            try AtomicFile.write(P.solutionFile(solution, instance, context, record: a.record), to: file)
            defer { try? FileManager.default.removeItem(atPath: file) }
            let read = try P.readSolution(path: file, instance, context)
            if P.objective(read, instance, context) != P.objective(solution, instance, context) {
                fail("solution file round trip changes the objective")
            }
        } catch {
            fail("round trip failed: \(error)")
        }

        // The validator rejects a corrupted solution.
        if let broken = corrupt(solution, instance), (try? P.validate(broken, instance, context)) != nil {
            fail("the validator accepts a corrupted solution")
        }

        // A time limit bounds the whole solve.
        var timed = SolveSettings()
        timed.timeLimit = timeLimit
        timed.familyOptions = options
        let t0 = clock.now()
        _ = try solve(timed)
        let took = clock.now() - t0
        if took > timeLimit + 0.25 { fail(String(format: "time limit %.2f s, took %.2f s", timeLimit, took)) }
        return failures
    }
}
