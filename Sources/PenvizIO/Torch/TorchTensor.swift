import PenvizCore

/// One storage of a PyTorch file: the member `data/KEY`, read in place, and
/// the element type its persistent id names. Tensors that share a storage
/// share this object.
final class TorchStorage: @unchecked Sendable {
    /// The storage's key, the name of its member under `data/`.
    let key: String
    /// The element type.
    let dtype: DType
    /// The member's bytes in the mapped archive.
    let bytes: UnsafeRawBufferPointer
    /// The CRC-32 check of those bytes, as passes read them.
    let check: StoredMemberCheck

    /// Elements the storage holds.
    var elementCount: Int { bytes.count / dtype.itemSize }

    init(key: String, dtype: DType, bytes: UnsafeRawBufferPointer, check: StoredMemberCheck) {
        self.key = key
        self.dtype = dtype
        self.bytes = bytes
        self.check = check
    }
}

/// A tensor as `torch.save` records it: a view of a storage, from an element
/// offset with a shape and strides (in elements).
///
/// The view is checked against its storage when it is made: the shape and
/// strides are non-negative, their product does not overflow, and the farthest
/// element it reaches, offset + Σ (size_i − 1)·stride_i, lies inside the storage.
struct TorchTensor {
    let storage: TorchStorage
    /// The first element's index in the storage.
    let offset: Int
    let shape: [Int]
    /// Elements between neighbours along each axis.
    let strides: [Int]

    /// A view, or why it cannot be one.
    init(storage: TorchStorage, offset: Int, shape: [Int], strides: [Int]) throws(TorchViewProblem) {
        guard shape.count == strides.count else { throw .mismatch("shape \(shape) with strides \(strides)") }
        guard offset >= 0, shape.allSatisfy({ $0 >= 0 }), strides.allSatisfy({ $0 >= 0 }) else {
            throw .mismatch("offset \(offset), shape \(shape) and strides \(strides) must not be negative")
        }
        guard ArrayView.elementCount(shape) != nil else { throw .mismatch("shape \(shape) holds more elements than can be counted") }
        if !shape.contains(0) {
            // The farthest element: offset + Σ (size_i − 1)·stride_i, without overflow.
            var last = offset
            for (size, stride) in zip(shape, strides) {
                let (step, overflow) = (size - 1).multipliedReportingOverflow(by: stride)
                let (sum, overflowSum) = last.addingReportingOverflow(step)
                guard !overflow, !overflowSum else { throw .pastStorage("strides \(strides) reach past any storage") }
                last = sum
            }
            guard last < storage.elementCount else {
                throw .pastStorage(
                    "the view (offset \(offset), shape \(shape), strides \(strides)) reaches element \(last) of a storage of "
                        + "\(storage.elementCount)")
            }
        }
        self.storage = storage
        self.offset = offset
        self.shape = shape
        self.strides = strides
    }

    /// Elements the tensor holds.
    var count: Int { ArrayView.elementCount(shape)! }

    /// How the elements lie in the storage: row-major, column-major (a saved `.T`),
    /// or any other pattern (a slice with a step, an expanded axis).
    enum Layout { case rowMajor, columnMajor, strided }

    /// The layout of the strides; axes of one element may have any stride.
    var layout: Layout {
        func contiguous(_ axes: [Int]) -> Bool {
            var expected = 1
            for axis in axes where shape[axis] != 1 {
                guard strides[axis] == expected else { return false }
                expected *= shape[axis]
            }
            return true
        }
        let axes = Array(shape.indices)
        if contiguous(axes.reversed()) { return .rowMajor }
        if contiguous(axes) { return .columnMajor }
        return .strided
    }

    /// The tensor's elements copied out of their storage into row-major order,
    /// byte for byte (the file's byte order is kept).
    func rowMajorCopy() -> ByteStorage {
        let size = storage.dtype.itemSize
        return ByteStorage(count: count * size) { destination in
            guard count > 0, let source = storage.bytes.baseAddress, let target = destination.baseAddress else { return }
            var position = [Int](repeating: 0, count: shape.count)
            var index = offset
            for element in 0..<count {
                (target + element * size).copyMemory(from: source + index * size, byteCount: size)
                // Advance the last axis, carrying into earlier ones.
                var axis = shape.count - 1
                while axis >= 0 {
                    position[axis] += 1
                    index += strides[axis]
                    if position[axis] < shape[axis] { break }
                    index -= strides[axis] * shape[axis]
                    position[axis] = 0
                    axis -= 1
                }
            }
        }
    }
}

/// Why a tensor's record does not describe a view of its storage.
enum TorchViewProblem: Error {
    /// The shape, strides and offset do not go together.
    case mismatch(String)
    /// The view reaches past its storage.
    case pastStorage(String)

    var message: String {
        switch self {
        case .mismatch(let text), .pastStorage(let text): text
        }
    }
}
