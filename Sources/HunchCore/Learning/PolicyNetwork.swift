import Foundation

/// The learned policy's function from features to operator logits: a linear model or a small
/// MLP with one tanh hidden layer. Parameters live in one flat array so that the optimiser, the
/// JSON file and the gradient check all see the same vector; the forward pass uses preallocated
/// scratch buffers and allocates nothing.
public struct PolicyNetwork: Sendable, Equatable {
    public enum Architecture: String, Codable, Sendable {
        case linear
        case mlp
    }

    public let architecture: Architecture
    public let inputCount: Int
    public let hiddenCount: Int
    public let outputCount: Int
    /// All parameters: linear: W (out×in) then b (out); mlp: W1 (hid×in), b1, W2 (out×hid), b2.
    public var parameters: [Double]

    public init(architecture: Architecture, inputCount: Int, hiddenCount: Int = 16, outputCount: Int,
                seed: UInt64 = 0, initialScale: Double = 0.1) {
        self.architecture = architecture
        self.inputCount = inputCount
        self.hiddenCount = architecture == .mlp ? hiddenCount : 0
        self.outputCount = outputCount
        let count = PolicyNetwork.parameterCount(architecture, inputCount, self.hiddenCount, outputCount)
        var rng = SeededGenerator(seed: seed)
        parameters = (0..<count).map { _ in (rng.unit() * 2 - 1) * initialScale }
        if architecture == .linear {
            // Start uniform: zero weights give equal logits.
            for i in 0..<count { parameters[i] = 0 }
        }
    }

    public init(architecture: Architecture, inputCount: Int, hiddenCount: Int, outputCount: Int, parameters: [Double]) throws {
        let expected = PolicyNetwork.parameterCount(architecture, inputCount, architecture == .mlp ? hiddenCount : 0, outputCount)
        guard parameters.count == expected else {
            throw PolicyWeightsError("expected \(expected) parameters for a \(architecture.rawValue) network with \(inputCount) inputs, \(hiddenCount) hidden and \(outputCount) outputs, found \(parameters.count)")
        }
        guard parameters.allSatisfy(\.isFinite) else { throw PolicyWeightsError("parameters must be finite numbers") }
        self.architecture = architecture
        self.inputCount = inputCount
        self.hiddenCount = architecture == .mlp ? hiddenCount : 0
        self.outputCount = outputCount
        self.parameters = parameters
    }

    public static func parameterCount(_ a: Architecture, _ inputs: Int, _ hidden: Int, _ outputs: Int) -> Int {
        switch a {
        case .linear: return outputs * inputs + outputs
        case .mlp: return hidden * inputs + hidden + outputs * hidden + outputs
        }
    }

    /// Scratch space for one forward/backward pass (hidden activations).
    public func makeScratch() -> [Double] { Array(repeating: 0, count: max(1, hiddenCount)) }

    /// Writes the logits for `x` into the array `logits`; `hidden` is scratch.
    @inline(__always)
    public func forward(_ x: UnsafeBufferPointer<Double>, logits: inout [Double], hidden: inout [Double]) {
        logits.withUnsafeMutableBufferPointer { l in
            hidden.withUnsafeMutableBufferPointer { h in forward(x, logits: l, hidden: h) }
        }
    }

    /// Writes the logits for `x` into `logits` (count = outputCount); `hidden` is scratch.
    @inline(__always)
    public func forward(_ x: UnsafeBufferPointer<Double>, logits: UnsafeMutableBufferPointer<Double>,
                        hidden: UnsafeMutableBufferPointer<Double>) {
        parameters.withUnsafeBufferPointer { p in
            let nIn = inputCount, nOut = outputCount
            switch architecture {
            case .linear:
                let bias = nOut * nIn
                for o in 0..<nOut {
                    var s = p[bias + o]
                    let row = o * nIn
                    for i in 0..<nIn { s += p[row + i] * x[i] }
                    logits[o] = s
                }
            case .mlp:
                let nHid = hiddenCount
                let b1 = nHid * nIn, w2 = b1 + nHid, b2 = w2 + nOut * nHid
                for h in 0..<nHid {
                    var s = p[b1 + h]
                    let row = h * nIn
                    for i in 0..<nIn { s += p[row + i] * x[i] }
                    hidden[h] = tanh(s)
                }
                for o in 0..<nOut {
                    var s = p[b2 + o]
                    let row = w2 + o * nHid
                    for h in 0..<nHid { s += p[row + h] * hidden[h] }
                    logits[o] = s
                }
            }
        }
    }

    /// Adds `scale · ∂ log softmax(logits)[action] / ∂ parameters` to `gradient`, for the input `x`
    /// (the REINFORCE score function). `probabilities` are the softmax of the logits from
    /// `forward(x)`, and `hidden` its activations.
    public func accumulateLogProbabilityGradient(
        _ x: UnsafeBufferPointer<Double>, action: Int, probabilities: UnsafeBufferPointer<Double>,
        hidden: UnsafeBufferPointer<Double>, scale: Double, into gradient: UnsafeMutableBufferPointer<Double>
    ) {
        let nIn = inputCount, nOut = outputCount
        switch architecture {
        case .linear:
            let bias = nOut * nIn
            for o in 0..<nOut {
                let dz = ((o == action ? 1 : 0) - probabilities[o]) * scale
                if dz == 0 { continue }
                let row = o * nIn
                for i in 0..<nIn { gradient[row + i] += dz * x[i] }
                gradient[bias + o] += dz
            }
        case .mlp:
            let nHid = hiddenCount
            let b1 = nHid * nIn, w2 = b1 + nHid, b2 = w2 + nOut * nHid
            parameters.withUnsafeBufferPointer { p in
                for h in 0..<nHid {
                    var dh = 0.0
                    for o in 0..<nOut {
                        let dz = ((o == action ? 1 : 0) - probabilities[o]) * scale
                        dh += dz * p[w2 + o * nHid + h]
                    }
                    let da = dh * (1 - hidden[h] * hidden[h])
                    let row = h * nIn
                    for i in 0..<nIn { gradient[row + i] += da * x[i] }
                    gradient[b1 + h] += da
                }
            }
            for o in 0..<nOut {
                let dz = ((o == action ? 1 : 0) - probabilities[o]) * scale
                let row = w2 + o * nHid
                for h in 0..<nHid { gradient[row + h] += dz * hidden[h] }
                gradient[b2 + o] += dz
            }
        }
    }

    /// Softmax of `logits` into `probabilities`, stable against large logits.
    @inline(__always)
    public static func softmax(_ logits: UnsafeBufferPointer<Double>, into probabilities: UnsafeMutableBufferPointer<Double>) {
        var maxLogit = -Double.infinity
        for v in logits { maxLogit = max(maxLogit, v) }
        var sum = 0.0
        for i in 0..<logits.count {
            let e = exp(logits[i] - maxLogit)
            probabilities[i] = e
            sum += e
        }
        for i in 0..<logits.count { probabilities[i] /= sum }
    }
}

/// A weights file that does not fit: wrong family, operator set, feature count or shape.
public struct PolicyWeightsError: Error, CustomStringConvertible {
    public let description: String
    public init(_ message: String) { description = message }
}
