/// A single-container loading problem: place as much box volume as possible into the container.
public struct ContainerInstance: Sendable {
    public var name: String
    /// Container length, width and height (L, W, H) along x, y, z; z is vertical.
    public var container: [Int]
    public var boxTypes: [BoxType]

    public init(name: String, container: [Int], boxTypes: [BoxType]) {
        self.name = name
        self.container = container
        self.boxTypes = boxTypes
    }

    /// Total number of boxes (all types, all copies).
    public var boxCount: Int { boxTypes.reduce(0) { $0 + $1.quantity } }

    /// L·W·H.
    public var containerVolume: Int { container.count == 3 ? container[0] * container[1] * container[2] : 0 }

    /// Sum of the volumes of all boxes (may exceed the container's).
    public var totalBoxVolume: Int { boxTypes.reduce(0) { $0 + $1.volume * $1.quantity } }
}
