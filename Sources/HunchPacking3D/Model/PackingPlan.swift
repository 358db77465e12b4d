/// A loading plan for one container: the boxes placed, each with position and orientation.
public struct PackingPlan: Sendable, Equatable {
    public var placements: [Placement]

    public init(placements: [Placement] = []) {
        self.placements = placements
    }

    /// Sum of the placed boxes' volumes.
    public func packedVolume() -> Int {
        placements.reduce(0) { $0 &+ $1.volume }
    }

    /// Packed volume as a percentage of the container volume.
    public func utilisation(_ instance: ContainerInstance) -> Double {
        let v = instance.containerVolume
        return v > 0 ? 100 * Double(packedVolume()) / Double(v) : 0
    }
}
