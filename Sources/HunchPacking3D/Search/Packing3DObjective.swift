/// What a container-loading solve optimises.
public enum Packing3DObjective: String, CaseIterable, Sendable {
    /// The most box volume in one container (not every box need fit): the BR benchmark's goal.
    case volume
    /// Every box loaded, into as few containers as possible (the genome is decoded into one
    /// container after another).
    case containers
}
