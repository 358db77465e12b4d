import Foundation

/// A trained policy as stored on disk: the network plus what it was trained for, so that a file
/// for another family, operator set or feature layout is refused with a clear error.
public struct PolicyWeights: Codable, Sendable, Equatable {
    public var family: String
    public var operators: [String]
    public var featureCount: Int
    public var architecture: PolicyNetwork.Architecture
    public var hidden: Int
    public var parameters: [Double]
    /// How it was trained (command, seed, episodes, time): free-form, for reproducibility.
    public var training: [String: String]

    enum CodingKeys: String, CodingKey {
        case family, operators
        case featureCount = "feature_count"
        case architecture, hidden, parameters, training
    }

    public init(family: String, operators: [String], network: PolicyNetwork, training: [String: String] = [:]) {
        self.family = family
        self.operators = operators
        self.featureCount = network.inputCount
        self.architecture = network.architecture
        self.hidden = network.hiddenCount
        self.parameters = network.parameters
        self.training = training
    }

    /// The network, after checking the file fits `family`, its `operators` and `featureCount`.
    public func network(family expectedFamily: String, operators expectedOperators: [String],
                        featureCount expectedFeatures: Int, source: String = "weights") throws -> PolicyNetwork {
        guard family == expectedFamily else {
            throw PolicyWeightsError("\(source): trained for family '\(family)', not '\(expectedFamily)'")
        }
        guard operators == expectedOperators else {
            throw PolicyWeightsError("\(source): trained for operators [\(operators.joined(separator: ", "))], but \(expectedFamily) has [\(expectedOperators.joined(separator: ", "))]")
        }
        guard featureCount == expectedFeatures else {
            throw PolicyWeightsError("\(source): expects \(featureCount) features, \(expectedFamily) provides \(expectedFeatures)")
        }
        return try PolicyNetwork(architecture: architecture, inputCount: featureCount, hiddenCount: hidden,
                                 outputCount: operators.count, parameters: parameters)
    }

    public static func read(path: String) throws -> PolicyWeights {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw PolicyWeightsError("\(path): cannot read weights file")
        }
        return try decode(data, source: path)
    }

    public static func decode(_ data: Data, source: String) throws -> PolicyWeights {
        do {
            return try JSONDecoder().decode(PolicyWeights.self, from: data)
        } catch {
            throw PolicyWeightsError("\(source): not a policy weights file (\(error))")
        }
    }

    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        return (try? encoder.encode(self)) ?? Data()
    }
}
