/// How edge weights are defined, as TSPLIB95's `EDGE_WEIGHT_TYPE` names them.
///
/// `HunchTSP` calls it `TSPEdgeWeightType` (a type alias).
public enum TSPLIBEdgeWeightType: String, Sendable, Codable, CaseIterable {
    /// Euclidean, rounded to the nearest integer: `nint(√(dx² + dy²))`.
    case euc2D = "EUC_2D"
    /// Euclidean, rounded up.
    case ceil2D = "CEIL_2D"
    /// Pseudo-Euclidean (att48, att532).
    case att = "ATT"
    /// Geographical: coordinates are latitude and longitude in DDD.MM, distances in km.
    case geo = "GEO"
    /// Manhattan, rounded.
    case man2D = "MAN_2D"
    /// Maximum of the rounded coordinate differences.
    case max2D = "MAX_2D"
    /// An `EDGE_WEIGHT_SECTION` matrix.
    case explicit = "EXPLICIT"
}
