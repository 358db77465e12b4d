import HunchCore
import HunchBinPacking
import HunchPacking3D
import HunchRouting
import HunchJobShop
import HunchTSP

/// The families the command line knows: the one file that names them. Detection asks them in
/// this order, so a family whose files another could mistake for its own comes first.
enum Families {
    static let all: [any RegisteredFamily] = [
        Family<TSPProblem>(),
        Family<JobShopProblem>(),
        Family<BinPackingProblem>(),
        Family<Packing3DProblem>(),
        // Before CVRP, which claims every .vrp: a VRPLIB file with time windows is a VRPTW.
        Family<VRPTWProblem>(),
        Family<DispatchProblem>(),
        Family<CVRPProblem>(),
    ]
}
