import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The memory penviz keeps for every example of a split, checked before any of it
/// is allocated.
///
/// Features and logits are read in place from their files, but each example
/// also costs memory of its own: its label (8 bytes), its plane coordinates
/// (16 bytes a panel) and the like, up to ``bytesPerRow`` in all. A split whose
/// rows would need more than half of the memory penviz may use (the machine's, or
/// the process's limit, `ulimit -v`, when lower) is refused up front, rather than
/// failing on an allocation halfway (a sparse file can claim 10⁹ rows).
public enum RowMemory {
    /// What one example may cost in memory, in bytes.
    public static let bytesPerRow = 40

    /// The most memory the rows of a split may take: half of the
    /// physical memory, or of the address-space limit when one is set and lower.
    public static let budget: Int = {
        var limit = rlimit()
        var usable = Double(ProcessInfo.processInfo.physicalMemory)
        if getrlimit(RLIMIT_AS_FOR_PLATFORM, &limit) == 0, limit.rlim_cur != rlim_t.max {  // rlim_t.max: RLIM_INFINITY
            usable = min(usable, Double(limit.rlim_cur))
        }
        return Int(min(usable / 2, Double(Int.max / 2)))
    }()

    /// Throws when `rows` examples of `key` in `file` would take more than ``budget``.
    public static func check(rows: Int, file: String, key: String) throws {
        let (needed, overflow) = rows.multipliedReportingOverflow(by: bytesPerRow)
        guard overflow || needed > budget else { return }
        throw PenvizError.input(
            file, key: key,
            "\(rows) rows need about \(gigabytes(overflow ? Int.max : needed)) of memory (\(bytesPerRow) bytes a row), "
                + "more than the \(gigabytes(budget)) penviz may use here (half of the memory, or of ulimit -v)")
    }

    /// `bytes` in GB, one decimal.
    private static func gigabytes(_ bytes: Int) -> String {
        String(format: "%.1f GB", Double(bytes) / 1e9)
    }
}

#if canImport(Glibc)
/// The address-space limit's resource number (its type differs between C libraries).
private let RLIMIT_AS_FOR_PLATFORM = __rlimit_resource_t(RLIMIT_AS.rawValue)
#else
private let RLIMIT_AS_FOR_PLATFORM = RLIMIT_AS
#endif
