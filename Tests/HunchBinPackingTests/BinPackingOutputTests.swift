import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
import HunchCore
@testable import HunchBinPacking

/// SVG, generator, LLM prompt and training environment.
final class BinPackingOutputTests: XCTestCase {
    func testSVGIsWellFormedAndDrawsEveryItem() throws {
        let title = "tiny <3 bins> & more"
        let solution = BinPackingSolution(bins: [[0, 3], [1, 2], [4, 5, 6]])
        let svg = BinPackingSVG.render(tinyInstance, solution: solution, title: title)
        let parser = XMLParser(data: Data(svg.utf8))
        XCTAssertTrue(parser.parse(), "SVG does not parse: \(String(describing: parser.parserError))")
        XCTAssertEqual(svg.components(separatedBy: "<title>item ").count - 1, tinyInstance.weights.count)
        XCTAssertTrue(svg.contains("3 bins, capacity 10"))
    }

    func testTripletGeneratorFillsEveryBinExactly() throws {
        let i = BinPackingGenerator.triplets(bins: 20, seed: 4, name: "t60")
        XCTAssertNil(i.problem)
        XCTAssertEqual(i.weights.count, 60)
        XCTAssertEqual(i.totalWeight, 20 * 1000)
        XCTAssertEqual(BinPackingLowerBound.compute(i), 20)
        XCTAssertEqual(i, BinPackingGenerator.triplets(bins: 20, seed: 4, name: "t60"), "seeded")
        let u = BinPackingGenerator.uniform(items: 120, capacity: 150, minWeight: 20, maxWeight: 100, seed: 1, name: "u")
        XCTAssertNil(u.problem)
        XCTAssertTrue(u.weights.allSatisfy { (20...100).contains($0) })
        let back = try BinPackingReader.parse(BinPackingWriter.bpplib(u), path: "u.txt")
        XCTAssertEqual(back.weights, u.weights)
    }

    func testLLMPromptIsSizeAware() throws {
        let small = BinPackingLLMPrompt.user(tinyInstance)
        XCTAssertTrue(small.contains("1:6 2:5 3:5 4:4 5:4 6:3 7:3"), small)
        XCTAssertEqual(BinPackingLLMPrompt.answerCount(tinyInstance), tinyInstance.weights.count)
        XCTAssertTrue(small.contains("at least 3 bins"))
        let (big, _) = try BundledBPP.load("Falkenauer_u250_07")
        let prompt = BinPackingLLMPrompt.user(big)
        XCTAssertTrue(prompt.contains("class:weight×count"))
        // The large form orders weight classes (heaviest is class 1): the answer maps back to items.
        let classes = BinPackingLLMPrompt.distinctWeights(big)
        XCTAssertEqual(BinPackingLLMPrompt.answerCount(big), classes.count)
        let fromAnswer = BinPackingLLMPrompt.itemOrder(big, answer: [classes.count - 1, 0])
        XCTAssertEqual(Set(fromAnswer), Set(0..<big.weights.count))
        XCTAssertEqual(big.weights[fromAnswer[0]], classes.last)
        XCTAssertLessThan(prompt.utf8.count, 1500, "compact for a small context window")
        let order = BinPackingLLMPrompt.itemOrder(big, weightOrder: [100, 20, 100, 7])
        XCTAssertEqual(Set(order), Set(0..<big.weights.count))
        XCTAssertEqual(big.weights[order[0]], 100)
        try BinPackingValidation.check(BinPackingOrderDecoder.solution(big, itemOrder: order), instance: big)
    }

    func testTrainingEpisodeRunsTheRealSearch() throws {
        var env = BinPackingTrainingEnvironment()
        env.minItems = 30; env.maxItems = 60; env.workPerItem = 200
        let episode = env.makeEpisode(instanceSeed: 1, searchSeed: 2)
        var policy = UniformPolicy()
        var rng = SeededGenerator(seed: 3)
        let stats = LocalSearch().run(state: episode.state, policy: &policy, stop: episode.stop, rng: &rng)
        XCTAssertGreaterThan(stats.steps, 0)
        XCTAssertLessThanOrEqual(stats.bestObjective, stats.initialObjective)
        XCTAssertEqual(env.featureCount, SearchFeatures.engineFeatureCount(operatorCount: env.operatorNames.count) + 3)
        XCTAssertThrowsError(try BinPackingBundledPolicy.weights())
    }
}
