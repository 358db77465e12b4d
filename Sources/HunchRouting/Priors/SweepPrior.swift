import Foundation

/// Gillett & Miller's sweep (Oper. Res. 22, 1974): customers by polar angle around the depot,
/// a new route whenever the next customer does not fit. Without coordinates (EXPLICIT files)
/// the customers go by their distance from the depot instead.
enum SweepPrior {
    static func solve(_ instance: CVRPInstance) -> CVRPSolution {
        let n = instance.dimension
        var order = Array(1..<n)
        if let x = instance.x, let y = instance.y {
            let angle = (0..<n).map { atan2(y[$0] - y[0], x[$0] - x[0]) }
            order.sort { (angle[$0], $0) < (angle[$1], $1) }
        } else {
            order.sort { (instance.distance(0, $0), $0) < (instance.distance(0, $1), $1) }
        }
        return Split.greedy(instance, order: order)
    }
}
