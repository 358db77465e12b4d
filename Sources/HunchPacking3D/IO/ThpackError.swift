import HunchCore

/// Bad input in an OR-Library thpack file, or a file that cannot be read:
/// `BR7.txt:12: expected flag fw to be 0 or 1, found "2"`.
public typealias ThpackError = InstanceFileError
