/// What the engine needs from a problem family's working solution.
///
/// The state is mutable and owned by one search. Operators change it in place and keep the
/// objective up to date by deltas. A *trial* groups the changes of one step so that the engine's
/// acceptance rule can keep or undo them without copying the solution.
public protocol SearchState: AnyObject {
    /// Objective of the current working solution (minimised).
    var objective: Double { get }

    /// The operators this family offers, in the order the policy indexes them (its actions).
    var operatorNames: [String] { get }

    /// Number of family-specific features that `writeProblemFeatures` writes.
    var problemFeatureCount: Int { get }

    /// Writes family-specific features (instance size, structure…), each roughly in [-1, 1]
    /// so that one policy works across sizes.
    func writeProblemFeatures(to buffer: UnsafeMutableBufferPointer<Double>)

    /// Runs a full descent from the current solution (all don't-look bits off); returns work spent.
    func descend(stop: StopCondition) -> Int

    /// Starts a trial: changes from here on can be undone with `rollbackTrial()`.
    func beginTrial()

    /// Applies operator `action` (typically a perturbation followed by a local descent) and returns
    /// the work it cost, in the family's unit (move evaluations).
    func apply(action: Int, rng: inout SeededGenerator, stop: StopCondition) -> Int

    /// Keeps the trial's changes.
    func commitTrial()

    /// Undoes the trial's changes; the objective returns to its value at `beginTrial()`.
    func rollbackTrial()

    /// Remembers the current solution as the best one.
    func saveBest()

    /// Makes the remembered best solution current again.
    func restoreBest()
}
