/// A loading plan for one container: the boxes placed, each placement a block of one or more
/// identical boxes with its position and orientation.
public struct PackingPlan: Sendable, Equatable {
    public var placements: [Placement]

    public init(placements: [Placement] = []) {
        self.placements = placements
    }

    /// Boxes placed (a placement may hold several).
    public var boxCount: Int { placements.reduce(0) { $0 &+ $1.boxCount } }

    /// Sum of the placed boxes' volumes.
    public func packedVolume() -> Int {
        placements.reduce(0) { $0 &+ $1.volume }
    }

    /// Packed volume as a percentage of the container volume.
    public func utilisation(_ instance: ContainerInstance) -> Double {
        let v = instance.containerVolume
        return v > 0 ? 100 * Double(packedVolume()) / Double(v) : 0
    }

    /// The same plan with every block split into single boxes (for tests and small plans only:
    /// its size is the number of boxes).
    public var singleBoxes: PackingPlan { PackingPlan(placements: placements.flatMap(\.boxes)) }
}
