/// The bounding boxes of the blocks placed so far in the current container, for the contact
/// surface of BSG's VCS score (`ContactScore`), measured as the authors' code measures it
/// (`VCS_Function::CS_p` in Metasolver): the area of a block's faces that lies against a
/// container wall or a placed block, up to a gap of p times the block's side along that axis.
///
/// Flat storage, six coordinates per block (x1, y1, z1, x2, y2, z2), so a snapshot copies one
/// array and a query allocates nothing. A query scans every block: a container holds tens of
/// blocks (BR15-1's plans about a hundred), few enough that an index would cost more than it saves.
struct PlacedBlocks {
    private(set) var corners: [Int32] = []

    var count: Int { corners.count / 6 }

    mutating func removeAll() { corners.removeAll(keepingCapacity: true) }

    mutating func append(_ x1: Int, _ y1: Int, _ z1: Int, _ x2: Int, _ y2: Int, _ z2: Int) {
        corners.append(Int32(x1)); corners.append(Int32(y1)); corners.append(Int32(z1))
        corners.append(Int32(x2)); corners.append(Int32(y2)); corners.append(Int32(z2))
    }

    /// Copies `other`'s blocks (a snapshot's) into this one, keeping capacity.
    mutating func load(_ other: PlacedBlocks) {
        corners.removeAll(keepingCapacity: true)
        corners.append(contentsOf: other.corners)
    }

    /// Replaces this list with the blocks of `all` that a block inside the empty space
    /// (x1, y1, z1)–(x2, y2, z2) may touch: those within `tolerance` × the space's side of it
    /// along one axis and overlapping it along the two others. Ranking a space's blocks then
    /// scans these few, not the container's.
    mutating func loadNeighbours(of all: PlacedBlocks, _ x1: Int, _ y1: Int, _ z1: Int, _ x2: Int, _ y2: Int, _ z2: Int,
                                 tolerance: Double) {
        corners.removeAll(keepingCapacity: true)
        let gx = Int32(tolerance * Double(x2 - x1)), gy = Int32(tolerance * Double(y2 - y1)), gz = Int32(tolerance * Double(z2 - z1))
        let ax1 = Int32(x1), ay1 = Int32(y1), az1 = Int32(z1), ax2 = Int32(x2), ay2 = Int32(y2), az2 = Int32(z2)
        all.corners.withUnsafeBufferPointer { c in
            var i = 0
            while i < c.count {
                let ox = min(ax2, c[i + 3]) - max(ax1, c[i])
                let oy = min(ay2, c[i + 4]) - max(ay1, c[i + 1])
                let oz = min(az2, c[i + 5]) - max(az1, c[i + 2])
                if (oy > 0 && oz > 0 && ox >= -gx) || (ox > 0 && oz > 0 && oy >= -gy) || (ox > 0 && oy > 0 && oz >= -gz) {
                    corners.append(contentsOf: c[i..<(i + 6)])
                }
                i += 6
            }
        }
    }

    /// The area of the faces of the empty box (x1, y1, z1)–(x2, y2, z2) in contact with the walls
    /// of an l × w × h container or with the placed blocks: a face counts where something lies
    /// within `tolerance` × the box's side along the face's axis. The box overlaps no placed
    /// block, so a block beside it overlaps it along the two other axes and not along this one.
    /// Each face counts at most its own area (a wall and a thin block within the tolerance of
    /// one face are not counted twice), so the result never exceeds the space's estimate
    /// (`ContactScore.spaceContact`) when the box sits in a corner of an empty space.
    @inline(__always)
    func contact(_ x1: Int, _ y1: Int, _ z1: Int, _ x2: Int, _ y2: Int, _ z2: Int,
                 container l: Int, _ w: Int, _ h: Int, tolerance: Double) -> Int {
        let gx = Int32(tolerance * Double(x2 - x1)), gy = Int32(tolerance * Double(y2 - y1)), gz = Int32(tolerance * Double(z2 - z1))
        let fyz = (y2 - y1) * (z2 - z1), fxz = (x2 - x1) * (z2 - z1), fxy = (x2 - x1) * (y2 - y1)
        // Per face: −x, +x, −y, +y, −z, +z.
        var lowX = x1 <= Int(gx) ? fyz : 0, highX = l - x2 <= Int(gx) ? fyz : 0
        var lowY = y1 <= Int(gy) ? fxz : 0, highY = w - y2 <= Int(gy) ? fxz : 0
        var lowZ = z1 <= Int(gz) ? fxy : 0, highZ = h - z2 <= Int(gz) ? fxy : 0
        let ax1 = Int32(x1), ay1 = Int32(y1), az1 = Int32(z1), ax2 = Int32(x2), ay2 = Int32(y2), az2 = Int32(z2)
        corners.withUnsafeBufferPointer { c in
            var i = 0
            while i < c.count {
                // Overlap along each axis (negative: the gap between them).
                let ox = min(ax2, c[i + 3]) - max(ax1, c[i])
                let oy = min(ay2, c[i + 4]) - max(ay1, c[i + 1])
                let oz = min(az2, c[i + 5]) - max(az1, c[i + 2])
                if oy > 0 && oz > 0 && ox >= -gx {
                    if c[i + 3] <= ax1 { lowX += Int(oy) * Int(oz) } else { highX += Int(oy) * Int(oz) }
                } else if ox > 0 && oz > 0 && oy >= -gy {
                    if c[i + 4] <= ay1 { lowY += Int(ox) * Int(oz) } else { highY += Int(ox) * Int(oz) }
                } else if ox > 0 && oy > 0 && oz >= -gz {
                    if c[i + 5] <= az1 { lowZ += Int(ox) * Int(oy) } else { highZ += Int(ox) * Int(oy) }
                }
                i += 6
            }
        }
        return min(lowX, fyz) + min(highX, fyz) + min(lowY, fxz) + min(highY, fxz) + min(lowZ, fxy) + min(highZ, fxy)
    }
}
