/// Why a packing plan is not a feasible loading of its container; `box` indices are positions in
/// `PackingPlan.placements` (a placement may be a block of several boxes).
public enum PlacementViolation: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownType(box: Int, type: Int)
    case wrongOrientation(box: Int, type: Int, extents: [Int])
    case badCount(box: Int, counts: [Int])
    case outsideContainer(box: Int)
    case tooManyOfType(type: Int, placed: Int, available: Int)
    case overlap(box: Int, other: Int)
    case unsupported(box: Int, supportedArea: Int, baseArea: Int)

    public var description: String {
        switch self {
        case let .unknownType(box, type):
            return "box \(box): type \(type) does not exist"
        case let .wrongOrientation(box, type, extents):
            return "box \(box): extents \(extents.map(String.init).joined(separator: "×")) are not an allowed orientation of type \(type)"
        case let .badCount(box, counts):
            return "box \(box): counts \(counts.map(String.init).joined(separator: "×")) must each be ≥ 1"
        case let .outsideContainer(box):
            return "box \(box): lies outside the container"
        case let .tooManyOfType(type, placed, available):
            return "type \(type): \(placed) boxes placed, only \(available) available"
        case let .overlap(box, other):
            return "boxes \(box) and \(other) overlap"
        case let .unsupported(box, supportedArea, baseArea):
            return "box \(box): only \(supportedArea) of its base area \(baseArea) rests on the floor or on boxes below"
        }
    }
}
