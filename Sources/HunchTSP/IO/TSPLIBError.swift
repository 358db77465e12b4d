import HunchTSPLIB

/// Bad input in a TSPLIB file (an instance or a tour), or a file that cannot be read or written.
/// Readers throw only this type: a caller can catch it, print `description` and exit.
/// (Defined in `HunchTSPLIB`; named here so users of `HunchTSP` need not import it.)
public typealias TSPLIBError = HunchTSPLIB.TSPLIBError
