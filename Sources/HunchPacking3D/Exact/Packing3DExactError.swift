/// Bad input for the exact model.
public struct Packing3DExactError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String
    public var description: String { message }
}
