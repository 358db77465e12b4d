import CGLPK

/// The one owner of a GLPK problem object (`glp_prob`), loaded from a ``MIPModel`` and deleted
/// in `deinit`.
///
/// A GLPK problem is bound to the thread that created it, so an instance never leaves the
/// synchronous `MIPSolver.solve` call that made it. GLPK arrays are 1-based with an unused
/// element 0; the conversion happens here and nowhere else.
final class GLPKProblem {
    let pointer: OpaquePointer
    private var rowWriter: GLPKRowWriter

    /// Loads `model`, which must have been validated (GLPK aborts on bad input).
    init(_ model: MIPModel) {
        pointer = glp_create_prob()
        rowWriter = GLPKRowWriter(columnCount: model.columnCount)
        glp_set_obj_dir(pointer, model.sense == .minimize ? GLP_MIN : GLP_MAX)
        glp_set_obj_coef(pointer, 0, model.objectiveConstant)
        if model.columnCount > 0 {
            glp_add_cols(pointer, Int32(model.columnCount))
        }
        for (index, column) in model.columns.enumerated() {
            let j = Int32(index + 1)
            if let name = column.name, !name.isEmpty { glp_set_col_name(pointer, j, name) }
            glp_set_col_kind(pointer, j, column.isInteger ? GLP_IV : GLP_CV)
            let (type, lower, upper) = GLPKProblem.boundsType(column.lower, column.upper)
            glp_set_col_bnds(pointer, j, type, lower, upper)
            glp_set_obj_coef(pointer, j, column.objective)
        }
        rowWriter.append(model.rows, to: pointer)
    }

    deinit {
        glp_delete_prob(pointer)
    }

    /// GLPK's bound type and the two values it reads for it (unused ones are 0).
    static func boundsType(_ lower: Double, _ upper: Double) -> (Int32, Double, Double) {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): return (GLP_FR, 0, 0)
        case (true, false): return (GLP_LO, lower, 0)
        case (false, true): return (GLP_UP, 0, upper)
        case (true, true): return lower == upper ? (GLP_FX, lower, upper) : (GLP_DB, lower, upper)
        }
    }
}

/// Appends validated ``MIPRow``s to a GLPK problem, reusing its 1-based index/value buffers.
/// Used to load a model and, during the branch-and-cut, to add lazy rows.
struct GLPKRowWriter {
    private var indices: [Int32]
    private var values: [Double]

    init(columnCount: Int) {
        indices = [Int32](repeating: 0, count: columnCount + 1)
        values = [Double](repeating: 0, count: columnCount + 1)
    }

    /// `rows` must be valid for the problem's columns (no duplicates, indices in range).
    mutating func append(_ rows: [MIPRow], to problem: OpaquePointer) {
        guard !rows.isEmpty else { return }  // glp_add_rows aborts on 0
        let first = glp_add_rows(problem, Int32(rows.count))
        for (offset, row) in rows.enumerated() {
            let i = first + Int32(offset)
            if let name = row.name, !name.isEmpty { glp_set_row_name(problem, i, name) }
            let (type, lower, upper) = GLPKProblem.boundsType(row.bounds.lower, row.bounds.upper)
            glp_set_row_bnds(problem, i, type, lower, upper)
            var length: Int32 = 0
            for term in row.terms where term.coefficient != 0 {
                length += 1
                indices[Int(length)] = Int32(term.column + 1)
                values[Int(length)] = term.coefficient
            }
            indices.withUnsafeBufferPointer { ind in
                values.withUnsafeBufferPointer { val in
                    glp_set_mat_row(problem, i, length, ind.baseAddress, val.baseAddress)
                }
            }
        }
    }
}
