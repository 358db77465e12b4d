import HunchCore

/// Bad input in a job-shop file, or a file that cannot be read:
/// `ft06.txt:4: job 3 visits machine 2 twice (operations 0 and 4)`.
public typealias JobShopFormatError = InstanceFileError
