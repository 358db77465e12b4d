import XCTest
import HunchCore
@testable import HunchTSP

/// The TSP side of the LLM prior: size-aware prompts, and every answer a model can give
/// (good, partial, duplicated, out of range, empty) ends in a valid tour. The HTTP side —
/// server errors, slow replies, closed connections, garbage — is HunchLLM's and tested there.
final class TSPLLMPriorTests: XCTestCase {
    private func prior(_ instance: TSPInstance, _ configure: (inout TSPLLMOptions) -> Void = { _ in }) -> TSPLLMPrior {
        var options = TSPLLMOptions()
        configure(&options)
        return TSPLLMPrior(instance: instance, candidates: CandidateLists(instance: instance, k: 8), options: options)
    }

    private func assertValid(_ tour: [Int], _ instance: TSPInstance, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertNoThrow(try TourValidation.check(tour: tour, dimension: instance.dimension), file: file, line: line)
    }

    /// Is `sub` a subsequence of the cyclic `tour` starting where sub[0] sits?
    private func keepsOrder(_ sub: [Int], in tour: [Int]) -> Bool {
        guard let start = tour.firstIndex(of: sub[0]) else { return false }
        var k = 0
        for step in 0..<tour.count where k < sub.count && tour[(start + step) % tour.count] == sub[k] { k += 1 }
        return k == sub.count
    }

    // MARK: Prompts

    func testSmallInstanceAsksForTheCityOrderWithCoordinates() throws {
        let instance = try TSPLIBReader.parse(TestData.text("berlin52.tsp"))
        let prompt = try XCTUnwrap(prior(instance).prompt)
        XCTAssertEqual(prompt.mode, .order)
        XCTAssertEqual(prompt.count, 52)
        XCTAssertEqual(prompt.firstID, 1)
        XCTAssertTrue(prompt.user.contains("\n1: 565 575\n"), "integral coordinates shown as they are")
        XCTAssertTrue(prompt.user.contains("\n52: 1740 245\n"))
        let order = prompt.schema["properties"]?["order"]
        XCTAssertEqual(order?["items"]?["enum"], .array((1...52).map { .int($0) }))
        XCTAssertEqual(order?["minItems"], .int(52))
        XCTAssertEqual(order?["maxItems"], .int(52))
        XCTAssertGreaterThanOrEqual(prompt.maxTokens, 52 * 4)
        XCTAssertLessThan(prompt.user.count, 1200, "compact enough for a 2048-token context")
    }

    func testFractionalCoordinatesAreScaledToIntegers() throws {
        let instance = TSPInstance(name: "unit", edgeWeightType: .euc2D,
                                   x: [0, 0.5, 1, 0.25, 0.75], y: [0, 0.5, 0.25, 1, 0.1])
        let prompt = try XCTUnwrap(prior(instance).prompt)
        XCTAssertTrue(prompt.user.contains("\n3: 1000 250\n"), prompt.user)
        XCTAssertTrue(prompt.user.contains("\n1: 0 0\n"))
    }

    func testLargeInstanceAsksForAClusterOrder() throws {
        let instance = TSPGenerator.generate(size: 700, seed: 3, clustered: false)
        let p = prior(instance)
        let prompt = try XCTUnwrap(p.prompt)
        XCTAssertEqual(prompt.mode, .clusterOrder)
        let clusters = try XCTUnwrap(prompt.clusters)
        XCTAssertTrue((20...40).contains(clusters.count), "\(clusters.count) clusters")
        XCTAssertEqual(prompt.count, clusters.count)
        XCTAssertEqual(clusters.members.flatMap { $0 }.sorted(), Array(0..<700), "every city in exactly one cluster")
        for (c, members) in clusters.members.enumerated() { XCTAssertTrue(members.allSatisfy { clusters.assignment[$0] == c }) }
        XCTAssertTrue(prompt.user.contains("\(clusters.count) clusters"))
        XCTAssertEqual(prompt.schema["properties"]?["order"]?["maxItems"], .int(clusters.count))
        XCTAssertLessThan(prompt.user.count, 2000)
    }

    func testClusteringIsSeeded() {
        let instance = TSPGenerator.generate(size: 300, seed: 9, clustered: true)
        let a = TSPClusters(x: instance.x, y: instance.y, k: 25, seed: 7)
        XCTAssertEqual(a, TSPClusters(x: instance.x, y: instance.y, k: 25, seed: 7))
        XCTAssertEqual(TSPClusters(x: [1, 2], y: [1, 2], k: 9, seed: 1).count, 2, "k is clamped to the cities")
    }

    func testInstancesWithoutCoordinates() throws {
        // Small: described by nearest-neighbour lists.
        let n = 6
        var m = [Int](repeating: 0, count: n * n)
        for i in 0..<n { for j in 0..<n { m[i * n + j] = abs(i - j) * 10 } }
        let small = TSPInstance(name: "line", matrix: m, dimension: n)
        let prompt = try XCTUnwrap(prior(small).prompt)
        XCTAssertEqual(prompt.mode, .order)
        XCTAssertTrue(prompt.user.contains("\n1: 2 (10), 3 (20)"), prompt.user)
        // Large: nothing sensible to ask; the reason says why.
        let big = 40
        let large = TSPInstance(name: "big", matrix: [Int](repeating: 1, count: big * big), dimension: big)
        let p = prior(large)
        XCTAssertNil(p.prompt)
        XCTAssertTrue(p.unavailableReason?.contains("no coordinates") ?? false)
        XCTAssertThrowsError(try p.complete(order: [0, 1]))
        assertValid(p.fallbackTour(), large)
    }

    func testTinyInstanceNeedsNoModel() {
        let instance = TSPInstance(name: "three", edgeWeightType: .euc2D, x: [0, 1, 2], y: [0, 1, 0])
        XCTAssertNil(prior(instance).prompt)
        XCTAssertEqual(prior(instance).fallbackTour().sorted(), [0, 1, 2])
    }

    // MARK: Answers → tours (what HunchLLM hands over after extraction and generic repair)

    func testCityOrderAnswers() throws {
        let instance = try TSPLIBReader.parse(TestData.text("berlin52.tsp"))
        let p = prior(instance)
        let good = Array((0..<52).reversed())
        XCTAssertEqual(try p.complete(order: good), good, "a full permutation is used as given")
        let partial = [5, 17, 3, 40]
        let tour = try p.complete(order: partial)
        assertValid(tour, instance)
        XCTAssertTrue(keepsOrder(partial, in: tour), "the model's cities keep their order")
        let messy = [3, 3, 99, -1, 7, 3, 51, 0]
        let repaired = try p.complete(order: messy)
        assertValid(repaired, instance)
        XCTAssertTrue(keepsOrder([3, 7, 51, 0], in: repaired))
        assertValid(try p.complete(order: []), instance)
    }

    func testMissingCitiesGoWhereTheyCostLeast() throws {
        // A 4×4 square's corners and edge midpoints: inserting midpoints cheaply keeps the perimeter.
        let x: [Double] = [0, 100, 100, 0, 50, 100, 50, 0]
        let y: [Double] = [0, 0, 100, 100, 0, 50, 100, 50]
        let instance = TSPInstance(name: "square", edgeWeightType: .euc2D, x: x, y: y)
        let tour = try prior(instance).complete(order: [0, 1, 2, 3])
        XCTAssertEqual(instance.tourLength(tour), 400)
    }

    func testClusterOrderAnswers() throws {
        let instance = TSPGenerator.generate(size: 500, seed: 5, clustered: true)
        let p = prior(instance)
        let clusters = try XCTUnwrap(p.prompt?.clusters)
        let k = clusters.count
        for answer in [Array(0..<k), Array((0..<k).reversed()), [2, 0, 2, 1], [], [k + 5, -2, 0]] {
            let tour = try p.complete(order: answer)
            assertValid(tour, instance)
            // Each cluster is toured in one piece.
            var blocks = 1
            for i in 1..<tour.count where clusters.assignment[tour[i]] != clusters.assignment[tour[i - 1]] { blocks += 1 }
            XCTAssertEqual(blocks, k, "answer \(answer)")
        }
        let tour = try p.complete(order: Array(0..<k))
        XCTAssertEqual(clusters.assignment[tour[0]], 0, "the model's first cluster comes first")
    }

    func testClusterTourIsReasonable() throws {
        // A sensible cluster order, expanded, is far better than a random tour.
        let instance = TSPGenerator.generate(size: 800, seed: 11, clustered: false)
        let p = prior(instance)
        let clusters = try XCTUnwrap(p.prompt?.clusters)
        let order = (0..<clusters.count).sorted {
            atan2(clusters.centreY[$0] - 0.5 * (instance.y.max()! + instance.y.min()!), clusters.centreX[$0] - 0.5 * (instance.x.max()! + instance.x.min()!))
                < atan2(clusters.centreY[$1] - 0.5 * (instance.y.max()! + instance.y.min()!), clusters.centreX[$1] - 0.5 * (instance.x.max()! + instance.x.min()!))
        }
        let tour = try p.complete(order: order)
        var rng = SeededGenerator(seed: 1)
        let random = TSPPrior.random.construct(instance, candidates: p.candidates, rng: &rng)
        XCTAssertLessThan(instance.tourLength(tour), instance.tourLength(random) / 3)
    }

    func testFallbackIsTheConfiguredPrior() {
        let instance = TSPGenerator.generate(size: 80, seed: 2, clustered: false)
        let p = prior(instance) { $0.fallbackPrior = .nearestNeighbour; $0.seed = 4 }
        var rng = SeededGenerator(seed: 4)
        XCTAssertEqual(p.fallbackTour(), TSPPrior.nearestNeighbour.construct(instance, candidates: p.candidates, rng: &rng))
    }

    // MARK: Choice menu (weak-model mode)

    func testChoiceMenuNamesRealPriors() {
        let clustered = TSPGenerator.generate(size: 1500, seed: 1, clustered: true)
        let menu = TSPLLMChoiceMenu(instance: clustered)
        XCTAssertTrue(menu.entries.allSatisfy { TSPPrior(name: $0.name) != nil })
        XCTAssertTrue(menu.entries.contains { $0.name == "farthest-insertion" })
        XCTAssertEqual(menu.defaultName, TSPPrior.default.rawValue)
        XCTAssertTrue(menu.context.contains("1500 cities"))
        XCTAssertTrue(menu.context.contains("clustered"), menu.context)
        let uniform = TSPLLMChoiceMenu(instance: TSPGenerator.generate(size: 400, seed: 1, clustered: false))
        XCTAssertTrue(uniform.context.contains("evenly"), uniform.context)
        let large = TSPLLMChoiceMenu(instance: TSPGenerator.generate(size: 6000, seed: 1, clustered: false))
        XCTAssertFalse(large.entries.contains { $0.name.hasSuffix("insertion") }, "quadratic priors not offered")
    }
}
