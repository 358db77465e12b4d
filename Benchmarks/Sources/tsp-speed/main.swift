// Speed of the TSP building blocks on a random uniform instance (default 10,000 nodes):
// candidate lists, each prior, and the descent from the greedy tour (2-opt + Or-opt, then the
// deeper move that HUNCH_TSP_DESCENT picks, 5-opt by default; nodes per second = n / descent
// time, move evaluations per second). Usage: tsp-speed [size] [seed]
import Foundation
import HunchCore
import HunchTSP

setvbuf(stdout, nil, _IOLBF, 0)
let arguments = CommandLine.arguments
let size = arguments.count > 1 ? Int(arguments[1]) ?? 10_000 : 10_000
let seed = arguments.count > 2 ? UInt64(arguments[2]) ?? 1 : 1
let clock = MonotonicClock()

func timed<T>(_ body: () -> T) -> (T, Double) {
    let t0 = clock.now()
    let value = body()
    return (value, clock.now() - t0)
}

let (instance, generateTime) = timed { TSPGenerator.generate(size: size, seed: seed, clustered: false) }
let (candidates, candidateTime) = timed { CandidateLists(instance: instance, k: 10) }
print("instance: uniform \(size) nodes, seed \(seed)")
print(String(format: "generate            %8.3f s", generateTime))
print(String(format: "candidate lists k=10 %7.3f s", candidateTime))
var rng = SeededGenerator(seed: seed)
for prior in TSPPrior.allCases where size <= 20_000 || (prior != .farthestInsertion && prior != .cheapestInsertion) {
    let (tour, t) = timed { prior.construct(instance, candidates: candidates, rng: &rng) }
    print(String(format: "prior %-20@ %8.3f s  length %ld", prior.rawValue as NSString, t, instance.tourLength(tour)))
}
let start = TSPPrior.greedy.construct(instance, candidates: candidates, rng: &rng)
let state = TSPSearchState(instance: instance, candidates: candidates, tour: start)
let before = state.length
let (_, descentTime) = timed { state.descend(stop: StopCondition()) }
let descentName = ProcessInfo.processInfo.environment["HUNCH_TSP_DESCENT"] ?? "5opt"
print(String(format: "descent (%@) %7.3f s  %ld -> %ld (%.1f%% shorter), %.0f nodes/s, %ld move evaluations (%.1f M/s)",
             descentName as NSString, descentTime, before, state.length, Double(before - state.length) / Double(before) * 100,
             Double(size) / descentTime, state.evaluations, Double(state.evaluations) / descentTime / 1e6))
var policy = RoulettePolicy()
var options = TSPSolveOptions()
options.seed = seed
let (outcome, searchTime) = timed {
    TSPSolver.solve(instance, options: options, policy: &policy, stop: StopCondition(maxSteps: 100_000), candidates: candidates)
}
print(String(format: "ILS 100k steps       %7.3f s  length %ld  (%.0f steps/s)", searchTime, outcome.length,
             100_000 / searchTime))

// The learned policy's cost per decision (issue 4: "well under 1 % of a step"): features in,
// softmax sample out, for the linear network and a 16-unit MLP, against the ILS step above.
let stepSeconds = searchTime / 100_000
let featureCount = TSPSearchState.featureCount
let features = (0..<featureCount).map { Double($0 % 5) * 0.2 }

/// Seconds per decision of `network` over 2 million calls, and a checksum of the choices (so the
/// calls cannot be optimised away).
func decisionSeconds(_ network: PolicyNetwork) -> (seconds: Double, checksum: Int) {
    var policy = LearnedPolicy(network: network)
    policy.prepare(operatorCount: TSPSearchState.operators.count, featureCount: featureCount)
    let calls = 2_000_000
    var checksum = 0
    let (_, t) = timed {
        features.withUnsafeBufferPointer { x in
            for _ in 0..<calls { checksum &+= policy.chooseOperator(features: x, rng: &rng) }
        }
    }
    return (t / Double(calls), checksum)
}

for architecture in [PolicyNetwork.Architecture.linear, .mlp] {
    let (t, checksum) = decisionSeconds(PolicyNetwork(architecture: architecture, inputCount: featureCount, hiddenCount: 16,
                                                      outputCount: TSPSearchState.operators.count, seed: 1, initialScale: 0.3))
    print(String(format: "policy %-6@ decision %6.1f ns  = %.2f%% of an ILS step (checksum %ld)", architecture.rawValue as NSString,
                 t * 1e9, t / stepSeconds * 100, checksum))
}

// The same decision against a step of the shipped policy's own search (TSP's default from 150
// nodes): its mix favours the dearer operators, so the share is what a default run pays.
if let weights = try? TSPBundledPolicy.weights(),
   let network = try? weights.network(family: "tsp", operators: TSPSearchState.operators,
                                      featureCount: featureCount, source: "bundled") {
    var shipped = LearnedPolicy(network: network)
    let (learnedOutcome, learnedTime) = timed {
        TSPSolver.solve(instance, options: options, policy: &shipped, stop: StopCondition(maxSteps: 100_000), candidates: candidates)
    }
    let (t, checksum) = decisionSeconds(network)
    print(String(format: "ILS 100k steps, shipped policy %7.3f s  length %ld; its decision %6.1f ns = %.2f%% of its step (checksum %ld)",
                 learnedTime, learnedOutcome.length, t * 1e9, t / (learnedTime / 100_000) * 100, checksum))
}
