import CRowKernels
import PenvizCore

/// The inner loop of a feature projection: the two dot products of one stored
/// row with `e1` and `e2`, in C behind the `CRowKernels` shim.
///
/// Both kernels widen every element exactly to Float64 and sum in the order of
/// PenvizCore's `VectorKernels.dot` (eight partial sums, each product rounded
/// before it is added, a fixed fold), so a row gets the bits of
/// ``TemplatePlane/project(_:)`` on its Float64 copy whichever kernel runs.
/// The AVX2 kernel widens eight elements an instruction (float16 by F16C); the
/// portable one is for CPUs without AVX2 and for other architectures.
enum RowDots: Sendable {
    /// AVX2 and F16C (x86-64 CPUs that have them).
    case avx2
    /// Plain C, for any CPU.
    case portable

    /// The fastest kernel this CPU runs.
    static let fastest: RowDots = penviz_row_kernels_have_avx2() != 0 ? .avx2 : .portable

    /// The kernels' name for a stored float type, or nil for a type they do not read.
    static func rowType(_ dtype: DType) -> penviz_row_type? {
        switch dtype {
        case .float16: PENVIZ_ROW_FLOAT16
        case .bfloat16: PENVIZ_ROW_BFLOAT16
        case .float32: PENVIZ_ROW_FLOAT32
        case .float64: PENVIZ_ROW_FLOAT64
        default: nil
        }
    }

    /// The plane coordinates of `rowCount` rows stored as `type` (host byte order)
    /// one after another from `rows`, `rowBytes` apart: `x·e1 + offsets.p1` and
    /// `x·e2 + offsets.p2`, each dot product over `count` elements, into `out`.
    func project(
        _ rows: UnsafeRawPointer, rowBytes: Int, rowCount: Int, as type: penviz_row_type,
        _ e1: UnsafePointer<Double>, _ e2: UnsafePointer<Double>, count: Int, offsets: PlanePoint,
        into out: UnsafeMutablePointer<PlanePoint>
    ) {
        // A PlanePoint is (p1, p2) as two Doubles: the kernel writes the pairs in place.
        precondition(MemoryLayout<PlanePoint>.stride == 16 && MemoryLayout<PlanePoint>.offset(of: \.p2) == 8)
        out.withMemoryRebound(to: Double.self, capacity: 2 * rowCount) { pairs in
            penviz_project_rows(
                type, self == .avx2 ? 1 : 0, rows, rowBytes, rowCount, e1, e2, count, offsets.p1, offsets.p2, pairs)
        }
    }
}
