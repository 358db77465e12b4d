import Foundation

/// BSG's block score VCS (Araya, Guerrero & Nuñez 2017, "VCS: a new heuristic function for
/// selecting boxes in the single container loading problem", COR 82):
///
///     VCS(b, s) = V(b) · (1 − L(b, s))^β · CS(b, s)^α · n(b)^−γ
///
/// - V: the block's (weighted) volume;
/// - L: the share of the space's usable volume the block makes unusable, usable meaning, along
///   each axis, what a sum of the instance's box sides fills (`MaximalSpacePacker.fillable`);
/// - CS: the share of the block's surface in contact with something;
/// - n: its box count (fewer, larger boxes first).
///
/// The defaults are BSG's (α = 4, β = 1, γ = 0.2, contact tolerance p = 4 % of the block's side).
///
/// **Contact, from the space alone.** BSG measures CS against the blocks already placed. By
/// default the engine uses only the free space: the block goes in the space's corner nearest a
/// container corner, where the space is bounded by a wall, a box or the floor it stands on, so
/// the three faces at that corner count as touching; a far face counts when the block reaches
/// within p of the space's far side (`spaceContact`). This rewards blocks that fill a space along
/// its axes, which is what CS does in BSG, at the cost of a few multiplications. It overstates
/// contact where small blocks split the free space; the genome's `contactFromBlocks` measures it
/// against the placed blocks instead (`PlacedBlocks`), as `hunch solve` does without support on
/// strongly heterogeneous instances (`Packing3DProblem.measuresContact`).
///
/// The score never exceeds V · n^−γ (the other factors are at most 1), so the engine's skip
/// bounds hold with n^(1−γ) in place of n (`boxesBound`).
struct ContactScore {
    let alpha = 4.0
    let beta = 1.0
    let gamma = 0.2
    let tolerance = 0.04
    /// n^−γ for n below its count (the hot loop's blocks; `pow` beyond).
    let boxCountFactor: [Double]
    /// CS^α of a block touching on half of its surface (`reachCap`).
    let unreachedFactor: Double

    init() {
        let gamma = self.gamma
        boxCountFactor = (0..<4096).map { $0 == 0 ? 1 : pow(Double($0), -gamma) }
        unreachedFactor = pow(0.5, alpha)
    }

    /// n^−γ.
    @inline(__always)
    func countFactor(_ n: Int) -> Double { n < boxCountFactor.count ? boxCountFactor[n] : pow(Double(n), -gamma) }

    /// The most a block of at most n boxes of unit score u can score is u · bound(n): n^(1−γ)
    /// grows with n, and the other factors are at most 1. (Volume alone: n.)
    @inline(__always)
    func boxesBound(_ n: Int) -> Double { Double(n) * countFactor(n) }

    /// At most CS^α for any block of a×b×h boxes, at most mx, my, mz of them along each axis,
    /// in a space of sx×sy×sz: a block that reaches none of the space's far sides touches on
    /// exactly its three near faces, half of its surface (0.5^α); one that may reach a far side
    /// gets no bound (1). More boxes along an axis reach further, so the most decide.
    @inline(__always)
    func reachCap(_ sx: Int, _ sy: Int, _ sz: Int, _ a: Int, _ b: Int, _ h: Int, _ mx: Int, _ my: Int, _ mz: Int) -> Double {
        let x = mx * a, y = my * b, z = mz * h
        let reaches = Double(sx - x) <= tolerance * Double(x) || Double(sy - y) <= tolerance * Double(y)
            || Double(sz - z) <= tolerance * Double(z)
        return reaches ? 1 : unreachedFactor
    }

    /// VCS of a bx×by×bz block of n boxes with (weighted) volume `volume`, in the corner of a space
    /// of sx×sy×sz; `fill`/`start` as in `MaximalSpacePacker.wasteLoss`.
    @inline(__always)
    func score(_ volume: Double, _ sx: Int, _ sy: Int, _ sz: Int, _ bx: Int, _ by: Int, _ bz: Int, boxes n: Int,
               _ fill: UnsafeBufferPointer<Int>, _ start: (Int, Int, Int)) -> Double {
        score(volume, sx, sy, sz, bx, by, bz, boxes: n, fill, start, contact: spaceContact(sx, sy, sz, bx, by, bz))
    }

    /// The contact area of a bx×by×bz block in the corner of a space of sx×sy×sz, from the space
    /// alone: its three faces at the corner, and each far face that comes within p of the
    /// space's side. Never less than the area measured against the placed blocks
    /// (`PlacedBlocks.contact`): nothing lies inside the space, so a far face that stops short of
    /// its side touches nothing.
    @inline(__always)
    func spaceContact(_ sx: Int, _ sy: Int, _ sz: Int, _ bx: Int, _ by: Int, _ bz: Int) -> Int {
        let fyz = by * bz, fxz = bx * bz, fxy = bx * by
        var contact = fyz + fxz + fxy
        if Double(sx - bx) <= tolerance * Double(bx) { contact += fyz }
        if Double(sy - by) <= tolerance * Double(by) { contact += fxz }
        if Double(sz - bz) <= tolerance * Double(bz) { contact += fxy }
        return contact
    }

    /// VCS with the block's contact area given (`spaceContact`, or `PlacedBlocks.contact` when the
    /// genome asks for the contact against the placed blocks, as BSG measures it).
    @inline(__always)
    func score(_ volume: Double, _ sx: Int, _ sy: Int, _ sz: Int, _ bx: Int, _ by: Int, _ bz: Int, boxes n: Int,
               _ fill: UnsafeBufferPointer<Int>, _ start: (Int, Int, Int), contact: Int) -> Double {
        let usable = fill[start.0 + sx] * fill[start.1 + sy] * fill[start.2 + sz]
        let used = (bx + fill[start.0 + sx - bx]) * (by + fill[start.1 + sy - by]) * (bz + fill[start.2 + sz - bz])
        let kept = usable > 0 ? 1 - max(0, Double(usable - used) / Double(usable)) : 1
        let cs = Double(contact) / Double(2 * (by * bz + bx * bz + bx * by))
        let csPower = alpha == 4 ? (cs * cs) * (cs * cs) : pow(cs, alpha)
        let keptPower = beta == 1 ? kept : pow(kept, beta)
        return volume * keptPower * csPower * countFactor(n)
    }
}
