import PenvizCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Releasing finished pages of a read-only file mapping: `madvise(MADV_DONTNEED)`.
///
/// The pages leave the process (its resident size stays small however much of the
/// file a pass has read) but not the system's file cache, and reading them again
/// maps them back with the same bytes: the mapping is private and never written.
/// Only whole pages inside the released range are dropped, so a page shared with
/// a neighbouring chunk that another thread may still be reading stays.
struct MappedPaging: StoragePaging {
    /// The mapping's first byte, as an address (page-aligned, as `mmap` returns it).
    let address: UInt
    /// The mapping's length.
    let length: Int

    func release(_ range: Range<Int>) {
        let page = UInt(sysconf(Int32(_SC_PAGESIZE)))
        let lower = (address + UInt(max(range.lowerBound, 0)) + page - 1) / page * page
        let upper = (address + UInt(min(range.upperBound, length))) / page * page
        guard upper > lower, let start = UnsafeMutableRawPointer(bitPattern: lower) else { return }
        _ = madvise(start, Int(upper - lower), MADV_DONTNEED)
    }
}
