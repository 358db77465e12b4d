/// A container-loading answer: one plan per container used (exactly one for the volume
/// objective), and the genome it was decoded from when the search made it, so that a search can
/// continue from the genome rather than only from the placements.
public struct Packing3DSolution: Sendable {
    public var containers: [PackingPlan]
    public var genome: PlacementGenome?
    /// What the beam search did, when it made this plan.
    public var beamStatistics: BeamSearch.Statistics?

    public init(containers: [PackingPlan], genome: PlacementGenome? = nil) {
        self.containers = containers
        self.genome = genome
    }

    /// The first (for the volume objective, the only) container's plan.
    public var plan: PackingPlan { containers.first ?? PackingPlan() }
}
