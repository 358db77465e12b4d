import HunchExact

/// An exact MIP for tiny instances, solved by GLPK through HunchExact: a correctness check of
/// the heuristics (Chen, Lee & Shen 1995's model for container loading).
///
/// Every box copy i gets orientation binaries o_ir (Σ_r o_ir ≤ 1: packed in one allowed
/// orientation, or not at all) and integer corner coordinates x_i, y_i, z_i; its extents are
/// Σ_r o_ir·(side along the axis). Each pair i < j must be separated along some axis when both
/// are packed: six binaries (i left of j, j left of i, behind, in front, below, above),
/// Σ ≥ packed_i + packed_j − 1, each with a big-M row such as x_i + lx_i ≤ x_j + L·(1 − left_ij).
/// Copies of one type are packed in order (packed_i ≥ packed_{i+1}) to cut symmetric branches.
/// The objective maximises the packed volume. Support from below is **not** modelled, so the
/// optimum also bounds every supported plan.
public enum Packing3DExactSolver {
    public static func solve(_ instance: ContainerInstance, timeLimit: Double, verbose: Bool,
                             maxBoxes: Int = 8) throws -> Packing3DExactResult {
        let boxes = instance.boxCount
        guard boxes <= maxBoxes else {
            throw Packing3DExactError(message: "\(instance.name): the exact model handles at most \(maxBoxes) boxes, this instance has \(boxes); it is a correctness check for tiny cases: use `solve` for real instances")
        }
        guard timeLimit.isFinite, timeLimit >= 0 else {
            throw Packing3DExactError(message: "time limit \(timeLimit) is not a duration ≥ 0 seconds")
        }
        let L = Double(instance.container[0]), W = Double(instance.container[1]), H = Double(instance.container[2])
        let containerVolume = Double(instance.containerVolume)
        let heuristicBound = Packing3DBound.utilisationUpperBound(instance)

        var model = MIPModel(sense: .maximize)
        var copyType: [Int] = []
        var orientColumns: [[Int]] = []
        var orientations: [[(Int, Int, Int)]] = []
        var px: [Int] = [], py: [Int] = [], pz: [Int] = []
        for (t, box) in instance.boxTypes.enumerated() {
            for _ in 0..<box.quantity {
                let list = box.orientations.filter { $0.0 <= instance.container[0] && $0.1 <= instance.container[1] && $0.2 <= instance.container[2] }
                var cols: [Int] = []
                for _ in list { cols.append(try model.addColumn(kind: .binary, objective: Double(box.volume))) }
                copyType.append(t)
                orientColumns.append(cols)
                orientations.append(list)
                px.append(try model.addColumn(kind: .integer, lower: 0, upper: L))
                py.append(try model.addColumn(kind: .integer, lower: 0, upper: W))
                pz.append(try model.addColumn(kind: .integer, lower: 0, upper: H))
            }
        }
        let m = copyType.count
        func extentTerms(_ i: Int, axis: Int, sign: Double) -> [MIPTerm] {
            zip(orientColumns[i], orientations[i]).map { col, o in
                MIPTerm(col, sign * Double(axis == 0 ? o.0 : (axis == 1 ? o.1 : o.2)))
            }
        }
        let position = [px, py, pz], size = [L, W, H]
        for i in 0..<m {
            try model.addRow(orientColumns[i].map { MIPTerm($0, 1) }, .lessOrEqual(1))
            for axis in 0..<3 {
                try model.addRow([MIPTerm(position[axis][i], 1)] + extentTerms(i, axis: axis, sign: 1), .lessOrEqual(size[axis]))
            }
            if i + 1 < m && copyType[i + 1] == copyType[i] {
                try model.addRow(orientColumns[i].map { MIPTerm($0, 1) } + orientColumns[i + 1].map { MIPTerm($0, -1) },
                                 .greaterOrEqual(0))
            }
        }
        for i in 0..<m {
            for j in (i + 1)..<m {
                var separators: [Int] = []
                for axis in 0..<3 {
                    for (a, b) in [(i, j), (j, i)] {
                        // a before b along axis: pos_a + extent_a − pos_b + M·s ≤ M.
                        let s = try model.addColumn(kind: .binary)
                        separators.append(s)
                        try model.addRow([MIPTerm(position[axis][a], 1), MIPTerm(position[axis][b], -1), MIPTerm(s, size[axis])]
                                            + extentTerms(a, axis: axis, sign: 1), .lessOrEqual(size[axis]))
                    }
                }
                // Σ separators − packed_i − packed_j ≥ −1.
                try model.addRow(separators.map { MIPTerm($0, 1) } + orientColumns[i].map { MIPTerm($0, -1) }
                                    + orientColumns[j].map { MIPTerm($0, -1) }, .greaterOrEqual(-1))
            }
        }

        let result = try MIPSolver.solve(model, options: MIPOptions(timeLimit: timeLimit, verbose: verbose))
        var bound = heuristicBound
        if let b = result.bound { bound = min(bound, 100 * b / containerVolume) }
        func plan(from values: [Double]) -> PackingPlan {
            var placements: [Placement] = []
            for i in 0..<m {
                for (r, col) in orientColumns[i].enumerated() where values[col] > 0.5 {
                    let o = orientations[i][r]
                    placements.append(Placement(type: copyType[i], x: Int(values[px[i]].rounded()),
                                                y: Int(values[py[i]].rounded()), z: Int(values[pz[i]].rounded()),
                                                lx: o.0, ly: o.1, lz: o.2))
                }
            }
            return PackingPlan(placements: placements)
        }
        switch result.status {
        case .optimal, .feasible:
            let found = plan(from: result.values)
            do {
                try PlacementValidation.check(found, instance: instance, requireFullSupport: false)
            } catch {
                return Packing3DExactResult(status: .error("GLPK's plan fails validation: \(error)"), plan: nil,
                                            utilisation: nil, bound: bound, time: result.time)
            }
            let utilisation = found.utilisation(instance)
            let proven = result.status == .optimal
            return Packing3DExactResult(status: proven ? .optimal : .feasible, plan: found,
                                        utilisation: utilisation, bound: proven ? utilisation : max(bound, utilisation),
                                        time: result.time)
        case .infeasible, .unbounded:
            return Packing3DExactResult(status: .infeasible, plan: nil, utilisation: nil, bound: bound, time: result.time)
        case .noSolution:
            return Packing3DExactResult(status: .noSolution, plan: nil, utilisation: nil, bound: bound, time: result.time)
        case .error(let message):
            return Packing3DExactResult(status: .error(message), plan: nil, utilisation: nil, bound: bound, time: result.time)
        }
    }
}
