/// One placed box: its type (0-based, file order), the corner nearest the origin and its
/// extents as placed (which say the orientation).
public struct Placement: Sendable, Equatable, Hashable {
    public var type: Int
    public var x, y, z: Int
    public var lx, ly, lz: Int

    public init(type: Int, x: Int, y: Int, z: Int, lx: Int, ly: Int, lz: Int) {
        self.type = type
        self.x = x; self.y = y; self.z = z
        self.lx = lx; self.ly = ly; self.lz = lz
    }

    /// lx·ly·lz (wrapping, so that a bogus plan can be reported on rather than trap).
    public var volume: Int { lx &* ly &* lz }
}
