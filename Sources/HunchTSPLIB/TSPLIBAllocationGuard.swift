/// Decides whether a section may allocate for the item count its header promises.
///
/// A damaged DIMENSION must not make the reader allocate gigabytes (or trap) before it notices
/// the data is not there. Small allocations are always fine — the section then reports exactly
/// which node or number is missing; a large one is allowed only when the bytes left in the file
/// could at least hold that many items.
package enum TSPLIBAllocationGuard {
    /// Up to this many items a section allocates without looking at the file size.
    package static let freeItems = 1 << 16

    /// Whether `items` entries, each taking at least `minimumBytes` bytes of text (separator
    /// included), might fit in `remainingBytes`.
    package static func mayAllocate(items: Int, minimumBytes: Int, remainingBytes: Int) -> Bool {
        if items <= freeItems { return true }
        let (needed, overflow) = items.multipliedReportingOverflow(by: minimumBytes)
        return !overflow && needed <= remainingBytes + 1
    }
}
