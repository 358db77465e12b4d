import XCTest
import HunchCore
@testable import HunchPacking3D

/// The beam as `hunch solve` runs it (a ranking with general blocks and one without, with a
/// scoring `rule`, and `also` another, switched on), checked under both support settings: the plan validates, its
/// volume is the one reported, the returned genome keeps the rule and replays the plan.
enum BeamReplayChecks {
    /// The two rankings `hunch solve` gives the beam (with and without general blocks), `rule`
    /// (when given) switched on in both.
    static func rankings(_ instance: ContainerInstance, support: Bool, seed: UInt64,
                         rule: WritableKeyPath<PlacementGenome, Bool>? = nil,
                         also: WritableKeyPath<PlacementGenome, Bool>? = nil) -> [PlacementGenome] {
        var rng = SeededGenerator(seed: seed)
        var general = Packing3DPrior.beam.genome(instance, fullSupport: support, rng: &rng)
        if let rule { general[keyPath: rule] = true }
        if let also { general[keyPath: also] = true }
        var simple = general
        simple.generalBlocks = false
        return [general, simple]
    }

    static func assertReplays(_ file: String, _ k: Int, seed: UInt64, rule: WritableKeyPath<PlacementGenome, Bool>,
                              also: WritableKeyPath<PlacementGenome, Bool>? = nil, beam: BeamSearch = BeamSearch(), sourceFile: StaticString = #filePath, line: UInt = #line,
                              more: (_ result: (plan: PackingPlan, volume: Int, genome: PlacementGenome, statistics: BeamSearch.Statistics),
                                     _ replay: MaximalSpacePacker) -> Void = { _, _ in }) throws {
        let instance = try TestData.br(file, k)
        for support in [true, false] {
            let genomes = rankings(instance, support: support, seed: seed, rule: rule, also: also)
            let result = beam.run(instance, fullSupport: support, genomes: genomes, stop: StopCondition())
            try PlacementValidation.check(result.plan, instance: instance, requireFullSupport: support)
            XCTAssertEqual(result.plan.packedVolume(), result.volume, file: sourceFile, line: line)
            XCTAssertTrue(result.genome[keyPath: rule], file: sourceFile, line: line)
            let packer = MaximalSpacePacker(instance: instance, fullSupport: support)
            XCTAssertEqual(packer.decode(result.genome), result.volume, "the genome replays the plan", file: sourceFile, line: line)
            more(result, packer)
        }
    }
}
