import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest
import HunchCore
@testable import HunchPacking3D

final class Packing3DOutputTests: XCTestCase {
    func testSVGIsWellFormedXMLWithThreeViewsAndOneRectPerBoxPerView() throws {
        let instance = try TestData.br("BR7.txt", 1)
        var rng = SeededGenerator(seed: 1)
        let plan = Packing3DPrior.default.construct(instance, fullSupport: true, rng: &rng)
        let svg = Packing3DSVG.render(instance, plan: plan, title: "BR7 #1 <test> & more")
        let parser = XMLParser(data: Data(svg.utf8))
        XCTAssertTrue(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        let rects = svg.components(separatedBy: "<rect ").count - 1
        XCTAssertEqual(rects, 1 + 3 + 3 * plan.placements.count)
        XCTAssertTrue(svg.contains("&lt;test&gt; &amp; more"))
    }

    func testGeneratorIsDeterministicValidAndFillsAboutOneContainer() throws {
        let a = Packing3DGenerator.random(boxTypes: 8, seed: 42, name: "g")
        let b = Packing3DGenerator.random(boxTypes: 8, seed: 42, name: "g")
        XCTAssertEqual(a.boxTypes, b.boxTypes)
        XCTAssertEqual(a.container, [587, 233, 220])
        XCTAssertEqual(a.boxTypes.count, 8)
        let ratio = Double(a.totalBoxVolume) / Double(a.containerVolume)
        XCTAssertEqual(ratio, 1, accuracy: 0.1)
        // It reads back through the thpack format.
        let again = try ThpackReader.parse(ThpackWriter.write([a]), path: "gen.txt")
        XCTAssertEqual(again[0].boxTypes, a.boxTypes)
    }

    func testLLMPromptListsEveryTypeAndOrderMapsIDs() throws {
        let instance = try TestData.br("BR1.txt", 1)
        let user = Packing3DLLMPrompt.user(instance)
        XCTAssertTrue(user.contains("1: 108 x 76 x 30, quantity 40, may stand on: h"))
        XCTAssertTrue(user.contains("3: 92 x 81 x 55, quantity 39, may stand on: l,w,h"))
        XCTAssertFalse(Packing3DLLMPrompt.system().isEmpty)
        XCTAssertEqual(Packing3DLLMPrompt.order(fromIDs: [3, 0, 1, 9, 2], typeCount: 3), [2, 0, 1])
    }

    func testBundledPolicyExplainsWhenMissingAndTrainingEpisodesRun() throws {
        XCTAssertThrowsError(try Packing3DBundledPolicy.weights()) { error in
            XCTAssertTrue("\(error)".contains("hunch train packing3d"), "\(error)")
        }
        var env = Packing3DTrainingEnvironment()
        env.decodesPerEpisode = 20
        let episode = env.makeEpisode(instanceSeed: 1, searchSeed: 2)
        XCTAssertEqual(episode.state.operatorNames, Packing3DSearchState.operators)
        var policy = UniformPolicy()
        var rng = SeededGenerator(seed: 3)
        let stats = LocalSearch().run(state: episode.state, policy: &policy, stop: episode.stop, rng: &rng)
        XCTAssertGreaterThan(stats.steps, 5)
        XCTAssertLessThanOrEqual(stats.bestObjective, stats.initialObjective)
        XCTAssertEqual(env.featureCount, SearchFeatures.engineFeatureCount(operatorCount: Packing3DSearchState.operators.count) + episode.state.problemFeatureCount)
    }
}
