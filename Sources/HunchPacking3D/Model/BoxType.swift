/// One kind of box in a container-loading instance: its three dimensions, which of them may
/// stand vertically, and how many copies are available.
public struct BoxType: Sendable, Equatable {
    /// Length, width and height as given in the file (l, w, h).
    public var dimensions: [Int]
    /// `mayBeVertical[d]` is true when dimension `d` may be placed along the container's height
    /// (the thpack flags fl, fw, fh).
    public var mayBeVertical: [Bool]
    public var quantity: Int

    public init(dimensions: [Int], mayBeVertical: [Bool], quantity: Int) {
        self.dimensions = dimensions
        self.mayBeVertical = mayBeVertical
        self.quantity = quantity
    }

    /// Volume of one box.
    public var volume: Int { dimensions.count == 3 ? dimensions[0] * dimensions[1] * dimensions[2] : 0 }

    /// The extents (along x, y, z) this box may take: for each dimension allowed vertically, the
    /// other two in both horizontal orders; duplicates (equal sides) are listed once.
    public var orientations: [(Int, Int, Int)] {
        guard dimensions.count == 3, mayBeVertical.count == 3 else { return [] }
        var result: [(Int, Int, Int)] = []
        for v in 0..<3 where mayBeVertical[v] {
            let a = dimensions[(v + 1) % 3], b = dimensions[(v + 2) % 3], c = dimensions[v]
            for e in [(a, b, c), (b, a, c)] where !result.contains(where: { $0 == e }) {
                result.append(e)
            }
        }
        return result
    }

    /// True when a box of this type may be placed with extents `(lx, ly, lz)`.
    public func allows(_ lx: Int, _ ly: Int, _ lz: Int) -> Bool {
        orientations.contains { $0 == (lx, ly, lz) }
    }
}
