/// Whether boxes must rest on something: the two settings the container-loading literature
/// reports (Bischoff & Ratcliff 1995's full support; Araya, Guerrero & Nuñez 2017 give BSG's
/// results for both).
public enum Packing3DSupport: String, CaseIterable, Sendable {
    /// Every box rests with its whole base on the floor or on tops of boxes at its height.
    case full
    /// Boxes may rest at any height (only overlaps and the container's walls count).
    case none

    public var fullSupport: Bool { self == .full }
}
