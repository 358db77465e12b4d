/// The LLM prior's hook: a proposed order of box types (0-based, most wanted first) decoded by
/// the placement engine. The order is repaired (unknown and repeated indices dropped, missing
/// types appended), so any answer gives a feasible plan.
public enum BoxOrderDecoder {
    /// How strongly the proposed order outweighs block volume: a block of the first type
    /// competes as if it were 30% larger than one of the last.
    public static let orderStrength = 0.3

    public static func genome(_ instance: ContainerInstance, boxTypeOrder: [Int]) -> PlacementGenome {
        var genome = PlacementGenome(typeCount: instance.boxTypes.count, stepCapacity: PlacementGenome.initialStepCapacity(instance),
                                     orderStrength: orderStrength)
        genome.setOrder(repairing: boxTypeOrder)
        return genome
    }

    public static func plan(_ instance: ContainerInstance, boxTypeOrder: [Int], fullSupport: Bool) -> PackingPlan {
        let packer = MaximalSpacePacker(instance: instance, fullSupport: fullSupport)
        packer.decode(genome(instance, boxTypeOrder: boxTypeOrder))
        return packer.plan
    }
}
