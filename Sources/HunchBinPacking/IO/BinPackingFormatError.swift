import HunchCore

/// Bad input in a bin-packing file, or a file that cannot be read:
/// `u120_00.txt:7: expected a positive integer weight, found "4x"`.
public typealias BinPackingFormatError = InstanceFileError
