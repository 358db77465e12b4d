/// What the search changes and the placement engine decodes (Gonçalves & Resende 2012 search
/// box orders that a placement heuristic decodes; Parreño et al. 2008 randomise the block choice
/// of a maximal-space heuristic — this genome holds both kinds of decision):
///
/// - `order`: box types by preference; a block of the type at rank r gets its volume scaled by
///   `1 + orderStrength·(n−1−r)/(n−1)` when blocks compete for a space;
/// - `orientationPreference[t]`: an index into type t's orientations that gets a small bonus, or −1;
/// - `deviations[k]`: at placement step k take the block ranked `deviations[k] & rankMask`
///   (0 = the best), in the corner its flags say;
/// - `spaceRule`: which free space is filled next (see `SpaceRule`);
/// - `wholeBlocks`: the shape of the blocks considered;
/// - `generalBlocks`: also offer blocks that mix types (`BlockList`);
/// - `gridBlocks`: also offer every nx×ny×nz grid of one type (`BlockList`);
/// - `wasteScore`: rank blocks by volume less the space they leave unusable (BSG's f = V − V_loss);
/// - `contactScore`: rank them by BSG's VCS (volume, usable space kept, contact surface, box count);
/// - `contactFromBlocks`: measure that contact against the blocks placed, not from the space.
public struct PlacementGenome: Sendable, Equatable {
    public var order: [Int]
    public var orderStrength: Double
    public var orientationPreference: [Int]
    public var deviations: [UInt8]
    public var spaceRule: SpaceRule
    /// Build full three-dimensional blocks of one type instead of columns and layers.
    public var wholeBlocks = false
    /// Also offer the instance's general blocks, which mix box types or orientations
    /// (Fanslau & Bortfeldt 2010; see `BlockList`).
    public var generalBlocks = false
    /// Also offer every nx×ny×nz grid of one type and orientation (BSG's block list, Araya,
    /// Guerrero & Nuñez 2017), besides the engine's layers: the blocks come from the instance's
    /// `BlockList` (with `generalBlocks`, in one list with the general blocks).
    public var gridBlocks = false
    /// Rank a space's blocks by their (weighted) volume less the volume of the space they make
    /// unusable, V(b) − V_loss(b, s) (Araya & Riff 2014; Araya, Guerrero & Nuñez 2017's BSG):
    /// along each axis the gap the block leaves in the space counts only as far as a sum of the
    /// instance's box sides along that axis fills it (see `MaximalSpacePacker.wasteLoss`).
    public var wasteScore = false
    /// Rank a space's blocks by BSG's VCS score (Araya, Guerrero & Nuñez 2017; see
    /// `ContactScore`): volume × usable space kept × contact surface⁴ × box count^−0.2.
    /// Takes precedence over `wasteScore`.
    public var contactScore = false
    /// With `contactScore`, measure a block's contact surface against the walls and the blocks
    /// already placed, as BSG does (`PlacedBlocks`), rather than from its space alone
    /// (`ContactScore`).
    public var contactFromBlocks = false

    /// Which maximal space the engine fills next.
    public enum SpaceRule: UInt8, Sendable, CaseIterable {
        /// The space whose nearest corner is closest to a container corner, distances compared as
        /// sorted vectors, ties to the larger space (Parreño et al. 2008): fills corners first.
        /// Without support, the ceiling's corners too, by Manhattan distance, as BSG does
        /// (`FreeSpaces.select`).
        case cornerDistance = 0
        /// The lowest space, then the one nearest the back wall: builds the load floor by floor.
        case lowestFirst = 1
    }

    /// How many candidate blocks the engine keeps per step, so deviations can reach rank
    /// `maxDeviation`.
    public static let maxDeviation: UInt8 = 6
    /// A deviation gene holds the block rank in its low bits and two flags that put the block in
    /// the space's corner on the other side along x or y.
    public static let rankMask: UInt8 = 0x3F
    public static let flipX: UInt8 = 0x40
    public static let flipY: UInt8 = 0x80

    /// Deviation genes a genome starts with for `instance`: one per possible step (a step places
    /// at least one box) up to 4,096; the search state adds more when a decode uses them all,
    /// so a million small boxes do not make every genome copy a megabyte.
    public static func initialStepCapacity(_ instance: ContainerInstance) -> Int {
        min(instance.boxCount + 1, 4096)
    }

    /// File order, no preferences, no deviations.
    public init(typeCount: Int, stepCapacity: Int, orderStrength: Double = 0.1, spaceRule: SpaceRule = .cornerDistance) {
        order = Array(0..<typeCount)
        self.orderStrength = orderStrength
        orientationPreference = Array(repeating: -1, count: typeCount)
        deviations = Array(repeating: 0, count: max(1, stepCapacity))
        self.spaceRule = spaceRule
    }

    /// Replaces the order with `proposed`, repaired: out-of-range and repeated indices are dropped,
    /// missing types are appended in file order.
    public mutating func setOrder(repairing proposed: [Int]) {
        let n = order.count
        var seen = [Bool](repeating: false, count: n)
        var repaired: [Int] = []
        repaired.reserveCapacity(n)
        for t in proposed where t >= 0 && t < n && !seen[t] {
            seen[t] = true
            repaired.append(t)
        }
        for t in 0..<n where !seen[t] { repaired.append(t) }
        order = repaired
    }

    /// This genome made usable for `instance`: the order repaired to a permutation of its types,
    /// one orientation preference per type, a deviation gene for every possible step.
    public func normalized(for instance: ContainerInstance) -> PlacementGenome {
        let n = instance.boxTypes.count
        var g = PlacementGenome(typeCount: n, stepCapacity: max(PlacementGenome.initialStepCapacity(instance), min(deviations.count, instance.boxCount + 1)),
                                orderStrength: orderStrength.isFinite ? orderStrength : 0, spaceRule: spaceRule)
        g.wholeBlocks = wholeBlocks
        g.generalBlocks = generalBlocks
        g.gridBlocks = gridBlocks
        g.wasteScore = wasteScore
        g.contactScore = contactScore
        g.contactFromBlocks = contactFromBlocks
        g.setOrder(repairing: order)
        for t in 0..<min(n, orientationPreference.count) { g.orientationPreference[t] = orientationPreference[t] }
        for k in 0..<min(g.deviations.count, deviations.count) { g.deviations[k] = deviations[k] }
        return g
    }

    /// Copies `other` into this genome element by element: when both have the same sizes and
    /// their own storage, nothing is allocated (the search copies genomes at every step).
    public mutating func assign(_ other: PlacementGenome) {
        guard order.count == other.order.count, deviations.count == other.deviations.count,
              orientationPreference.count == other.orientationPreference.count else {
            self = other
            return
        }
        for i in order.indices { order[i] = other.order[i] }
        for i in orientationPreference.indices { orientationPreference[i] = other.orientationPreference[i] }
        for i in deviations.indices { deviations[i] = other.deviations[i] }
        orderStrength = other.orderStrength
        spaceRule = other.spaceRule
        wholeBlocks = other.wholeBlocks
        generalBlocks = other.generalBlocks
        gridBlocks = other.gridBlocks
        wasteScore = other.wasteScore
        contactScore = other.contactScore
        contactFromBlocks = other.contactFromBlocks
    }
}
