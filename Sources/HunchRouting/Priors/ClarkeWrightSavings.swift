/// Clarke & Wright's parallel savings (Oper. Res. 12, 1964): start with one route per customer,
/// then merge route ends i and j in decreasing order of saving s(i,j) = d(0,i) + d(0,j) − d(i,j)
/// when both are ends of different routes and the merged route fits. Savings are listed for
/// every pair up to 2,000 customers and for the 40 nearest neighbours beyond.
enum ClarkeWrightSavings {
    static func solve(_ instance: CVRPInstance) -> CVRPSolution {
        let n = instance.dimension
        var pairs: [(saving: Int, i: Int32, j: Int32)] = []
        if n <= 2001 {
            pairs.reserveCapacity(n * (n - 1) / 2)
            for i in 1..<n {
                for j in (i + 1)..<max(i + 1, n) {
                    let s = instance.distance(0, i) + instance.distance(0, j) - instance.distance(i, j)
                    if s > 0 { pairs.append((s, Int32(i), Int32(j))) }
                }
            }
        } else {
            let k = 40
            let near = CVRPNeighbours.nearest(instance, k: min(k, n - 2))
            let kk = min(k, n - 2)
            for i in 1..<n {
                for r in 0..<kk {
                    let j = Int(near[i * kk + r])
                    guard i < j else { continue }
                    let s = instance.distance(0, i) + instance.distance(0, j) - instance.distance(i, j)
                    if s > 0 { pairs.append((s, Int32(i), Int32(j))) }
                }
            }
        }
        pairs.sort { ($0.saving, $1.i, $1.j) > ($1.saving, $0.i, $0.j) }

        // Routes as doubly linked chains: each customer knows its route's id and its neighbours.
        var route = Array(0..<n)              // route id of each customer (its first customer's id)
        var load = instance.demands
        var length = (0..<n).map { 2 * instance.distance(0, $0) }
        var count = [Int](repeating: 1, count: n)
        var next = [Int](repeating: 0, count: n), prev = [Int](repeating: 0, count: n)
        var head = Array(0..<n), tail = Array(0..<n)  // by route id
        let limit = instance.maximumDuration ?? Int.max / 4
        let service = instance.serviceTime
        for (saving, i32, j32) in pairs {
            var i = Int(i32), j = Int(j32)
            var ri = route[i], rj = route[j]
            guard ri != rj, load[ri] + load[rj] <= instance.capacity else { continue }
            let newLength = length[ri] + length[rj] - saving
            guard newLength + service * (count[ri] + count[rj]) <= limit else { continue }
            // i must end its route and j start its own; reverse a route where that helps.
            func reverse(_ r: Int) {
                var c = head[r]
                while c != 0 { let nx = next[c]; (next[c], prev[c]) = (prev[c], next[c]); c = nx }
                (head[r], tail[r]) = (tail[r], head[r])
            }
            if tail[ri] != i && head[ri] == i && tail[rj] == j { swap(&i, &j); swap(&ri, &rj) }
            if tail[ri] != i { guard head[ri] == i else { continue }; reverse(ri) }
            if head[rj] != j { guard tail[rj] == j else { continue }; reverse(rj) }
            // Append rj to ri.
            next[i] = j
            prev[j] = i
            tail[ri] = tail[rj]
            var c = j
            while c != 0 { route[c] = ri; c = next[c] }
            load[ri] += load[rj]
            length[ri] = newLength
            count[ri] += count[rj]
        }
        var routes: [[Int]] = []
        for c in 1..<n where route[c] == c || head[route[c]] == c {
            guard head[route[c]] == c else { continue }
            var r: [Int] = []
            var x = c
            while x != 0 { r.append(x); x = next[x] }
            routes.append(r)
        }
        return CVRPSolution(routes: routes)
    }
}
