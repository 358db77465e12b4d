/// Placed boxes of one type: the corner nearest the origin, the extents of one box as placed
/// (which say the orientation), and how many boxes the placement stacks along each axis — a
/// block of `nx × ny × nz` identical boxes, box (i, j, k) at (x + i·lx, y + j·ly, z + k·lz).
/// A single box has counts 1 × 1 × 1.
///
/// Blocks keep a plan's size proportional to the blocks placed, not to the boxes: a million
/// boxes of 1×1×1 are a few dozen placements (the engine builds blocks, and the JSON writes
/// `nx`, `ny`, `nz` only when they are not 1).
public struct Placement: Sendable, Equatable, Hashable {
    /// The box type (0-based, file order).
    public var type: Int
    public var x, y, z: Int
    /// Extents of one box.
    public var lx, ly, lz: Int
    /// Boxes along x, y and z (each ≥ 1).
    public var nx, ny, nz: Int

    public init(type: Int, x: Int, y: Int, z: Int, lx: Int, ly: Int, lz: Int, nx: Int = 1, ny: Int = 1, nz: Int = 1) {
        self.type = type
        self.x = x; self.y = y; self.z = z
        self.lx = lx; self.ly = ly; self.lz = lz
        self.nx = nx; self.ny = ny; self.nz = nz
    }

    /// Boxes in the placement, nx·ny·nz (wrapping, so that a bogus plan can be reported on rather than trap).
    public var boxCount: Int { nx &* ny &* nz }

    /// Extents of the whole block along x, y, z (wrapping).
    public var extentX: Int { lx &* nx }
    public var extentY: Int { ly &* ny }
    public var extentZ: Int { lz &* nz }

    /// Volume of all its boxes (wrapping, so that a bogus plan can be reported on rather than trap).
    public var volume: Int { extentX &* extentY &* extentZ }

    /// The single boxes of the placement (for pictures and tests; the plan itself stays in blocks).
    public var boxes: [Placement] {
        var result: [Placement] = []
        result.reserveCapacity(max(0, min(boxCount, 1 << 20)))
        for k in 0..<max(0, nz) {
            for j in 0..<max(0, ny) {
                for i in 0..<max(0, nx) {
                    result.append(Placement(type: type, x: x + i * lx, y: y + j * ly, z: z + k * lz, lx: lx, ly: ly, lz: lz))
                }
            }
        }
        return result
    }
}
