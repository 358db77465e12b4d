/// The `k` nearest customers of every node (the depot excluded), nearest first, ties by index:
/// the granular neighbourhood of the local search and the proximity of the ruins.
enum CVRPNeighbours {
    static func nearest(_ instance: CVRPInstance, k: Int) -> [Int32] {
        let n = instance.dimension
        guard k > 0 else { return [] }
        var result = [Int32](repeating: 0, count: n * k)
        var order = Array(1..<n)
        for i in 0..<n {
            // Partial selection: sort by (distance, index) and keep the first k that are not i.
            order.sort { (instance.distance(i, $0), $0) < (instance.distance(i, $1), $1) }
            var r = 0
            for c in order where c != i {
                result[i * k + r] = Int32(c)
                r += 1
                if r == k { break }
            }
        }
        return result
    }
}
