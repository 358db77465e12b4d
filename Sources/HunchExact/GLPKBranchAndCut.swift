import CGLPK

/// GLPK's branch-and-cut callback (`glp_iocp.cb_func`). A global C function: the Swift state
/// travels through `cb_info` as an unretained ``BranchAndCutSearch``.
func hunchGLPKBranchAndCutCallback(_ tree: OpaquePointer?, _ info: UnsafeMutableRawPointer?) {
    guard let tree, let info else { return }
    Unmanaged<BranchAndCutSearch>.fromOpaque(info).takeUnretainedValue().handle(tree)
}

/// The state of one `glp_intopt` run seen from its callback: the lazy-constraint generator, the
/// starting solution to offer, the best bound and node count seen so far, and any failure to
/// rethrow once GLPK has returned (Swift errors cannot cross the C frames).
final class BranchAndCutSearch {
    /// GLPK's integrality tolerance (`tol_int`), also used to tell generators a point is integral.
    static let integralityTolerance = 1e-5

    private let sense: MIPModel.Sense
    private let isInteger: [Bool]
    private let generator: (any LazyConstraintGenerator)?
    private let startingSolution: [Double]?
    private let deadline: ContinuousClock.Instant?
    private var rowWriter: GLPKRowWriter
    private var seen: [Bool]
    private var point: [Double]
    private var currentNode: Int32 = -1
    private var roundAtNode = 0

    private(set) var bestBound: Double?
    private(set) var nodeCount = 0
    private(set) var lazyRowsAdded = 0
    private(set) var startingSolutionAccepted = false
    private(set) var stoppedByDeadline = false
    private(set) var failure: MIPError?

    init(model: MIPModel, generator: (any LazyConstraintGenerator)?, startingSolution: [Double]?,
         deadline: ContinuousClock.Instant?) {
        sense = model.sense
        isInteger = model.columns.map(\.isInteger)
        self.generator = generator
        self.startingSolution = startingSolution
        self.deadline = deadline
        rowWriter = GLPKRowWriter(columnCount: model.columnCount)
        seen = [Bool](repeating: false, count: model.columnCount)
        point = [Double](repeating: 0, count: model.columnCount)
    }

    func handle(_ tree: OpaquePointer) {
        guard failure == nil else { return }
        recordBoundAndSize(tree)
        switch glp_ios_reason(tree) {
        case GLP_IROWGEN:
            if generator != nil { generateRows(tree) }
        case GLP_IHEUR:
            offerStartingSolution(tree)
        default:
            break
        }
        if let deadline, ContinuousClock.now >= deadline {
            stoppedByDeadline = true
            glp_ios_terminate(tree)
        }
    }

    /// The best local bound over the active nodes is a global bound; it only improves as the
    /// tree grows, so the last value seen is valid when GLPK stops on its time limit.
    private func recordBoundAndSize(_ tree: OpaquePointer) {
        let best = glp_ios_best_node(tree)
        if best != 0 {
            let bound = glp_ios_node_bound(tree, best)
            if abs(bound) < 1e300 {
                switch sense {
                case .minimize: bestBound = max(bestBound ?? -.infinity, bound)
                case .maximize: bestBound = min(bestBound ?? .infinity, bound)
                }
            }
        }
        var total: Int32 = 0
        glp_ios_tree_size(tree, nil, nil, &total)
        nodeCount = max(nodeCount, Int(total))
    }

    private func offerStartingSolution(_ tree: OpaquePointer) {
        guard let startingSolution, !startingSolutionAccepted else { return }
        var x = [Double](repeating: 0, count: startingSolution.count + 1)
        for (j, v) in startingSolution.enumerated() { x[j + 1] = v }
        startingSolutionAccepted = x.withUnsafeBufferPointer { glp_ios_heur_sol(tree, $0.baseAddress) } == 0
    }

    private func generateRows(_ tree: OpaquePointer) {
        guard let generator else { return }
        let problem = glp_ios_get_prob(tree)!
        let node = glp_ios_curr_node(tree)
        if node != currentNode {
            currentNode = node
            roundAtNode = 0
        } else {
            roundAtNode += 1
        }
        var integral = true
        for j in 0..<point.count {
            let v = glp_get_col_prim(problem, Int32(j + 1))
            point[j] = v
            if integral && isInteger[j] && abs(v - v.rounded()) > Self.integralityTolerance { integral = false }
        }
        let lpPoint = MIPPoint(values: point, isIntegral: integral, objective: glp_get_obj_val(problem),
                               depth: node == 0 ? 0 : Int(glp_ios_node_level(tree, node)), round: roundAtNode)
        let rows: [MIPRow]
        do {
            rows = try generator.constraints(at: lpPoint)
        } catch {
            fail(tree, .lazyConstraintGeneratorFailed(message: String(describing: error)))
            return
        }
        var violated: [MIPRow] = []
        for row in rows {
            if let problem = row.problem(columnCount: point.count, seen: &seen) {
                fail(tree, .invalidLazyConstraint(reason: problem))
                return
            }
            if Self.isViolated(row, by: point) { violated.append(row) }
        }
        rowWriter.append(violated, to: problem)
        lazyRowsAdded += violated.count
    }

    /// A row counts as violated beyond GLPK's own feasibility tolerance; rows within it would
    /// bring the same point back and loop.
    static func isViolated(_ row: MIPRow, by point: [Double]) -> Bool {
        let activity = row.activity(point)
        let lower = row.bounds.lower, upper = row.bounds.upper
        if lower.isFinite && activity < lower - 1e-6 * max(1, abs(lower)) { return true }
        if upper.isFinite && activity > upper + 1e-6 * max(1, abs(upper)) { return true }
        return false
    }

    private func fail(_ tree: OpaquePointer, _ error: MIPError) {
        failure = error
        glp_ios_terminate(tree)
    }
}
