import Foundation
import PenvizCore

/// A PyTorch file as `torch.save` writes it since PyTorch 1.6: a zip archive
/// holding `NAME/data.pkl` (the pickled object), one member `NAME/data/KEY` a
/// storage, and `NAME/byteorder`. Read with `.pt`, `.pth` or any name.
///
/// The pickle is interpreted by ``PickleMachine``, never executed: only dicts,
/// lists, tuples, numbers, strings and tensors come out, and a pickle that names
/// any function beyond the few that rebuild tensors is refused with its name.
/// Storages are read in place from the mapped archive (their CRC-32 checked as
/// they are read, as for a stored `.npz` member), and every tensor's offset,
/// shape and strides are checked against its storage when the file is opened.
///
/// Keys: nested dicts flatten to dotted keys (`model.fc.weight`), items of lists
/// and tuples to their index (`features.0`); a list of strings is one array of
/// strings (class names), a list of numbers one array of numbers, and a number a
/// 0-d array (`label_smoothing`). A file holding one tensor names it by the file's
/// stem, as a single `.npy` does.
public struct TorchArchive: ArrayArchive, Sendable {
    public let path: String
    public let entries: [ArrayEntry]
    /// The mapped archive, which the storages' bytes point into.
    private let storage: ByteStorage
    /// Byte order of every storage (`NAME/byteorder`).
    private let byteOrder: ByteOrder
    private let leaves: [String: TorchLeaf]

    /// The largest `data.pkl` read: a state_dict of 1,000 tensors pickles into about 100 kB.
    static let pickleLimit = 256 << 20
    /// The deepest nesting of dicts and lists read.
    static let depthLimit = 64
    /// Storages of at most this many bytes are checked against their CRC-32 when opened.
    static let checkedAtOpen = 16 << 20

    /// Opens the PyTorch file at `path`: reads its zip directory and pickle, and
    /// checks every tensor against its storage.
    public init(path: String) throws {
        let storage = try MappedFile.map(path)
        let bytes = storage.bytes
        let members = try ZipDirectory.members(of: bytes, file: path)
        for member in members { try ZipDirectory.checkContained(member.name, file: path) }
        let names = members.map(\.name)
        guard !TorchArchive.isTorchScript(names), let pickleName = TorchArchive.pickleMember(in: names) else {
            throw TorchArchive.notTorch(names, file: path)
        }
        let prefix = String(pickleName.dropLast("data.pkl".count))
        var byName: [String: ZipMember] = [:]
        for member in members where member.name.hasPrefix(prefix) {
            guard byName[member.name] == nil else { throw PenvizError.input(path, "the archive holds two members named '\(member.name)'") }
            byName[member.name] = member
        }
        var located: [String: UnsafeRawBufferPointer] = [:]
        var extents: [(start: Int, end: Int, name: String)] = []
        for member in byName.values {
            let data = try TorchArchive.storedBytes(of: member, in: bytes, file: path)
            located[member.name] = data.bytes
            extents.append((Int(member.localHeaderOffset), data.start + data.bytes.count, member.name))
        }
        try ZipDirectory.checkDisjoint(extents, file: path)

        let byteOrder = try TorchArchive.byteOrder(located[prefix + "byteorder"], file: path)
        let pickle = located[pickleName]!
        guard pickle.count <= TorchArchive.pickleLimit else {
            throw PenvizError.input(path, "data.pkl is \(pickle.count) bytes, more than the \(TorchArchive.pickleLimit) a file of tensors needs")
        }
        try StoredMemberCheck(member: byName[pickleName]!, bytes: pickle, in: storage, file: path).verify()

        let loader = TorchStorageLoader(
            file: path, directory: prefix + "data/", members: byName, located: located, archive: storage)
        var machine = PickleMachine(bytes: pickle, file: path, persistentLoad: loader.load)
        defer { machine.release() }
        let root = try machine.run()
        var flattener = TorchKeys(file: path, budget: 2 * pickle.count + 1000)
        let leaves = try flattener.flatten(root, stem: ArchiveKeys.stem(of: path))
        for storage in loader.loaded.values where storage.bytes.count <= TorchArchive.checkedAtOpen { try storage.check.verify() }

        self.path = path
        self.storage = storage
        self.byteOrder = byteOrder
        self.leaves = Dictionary(uniqueKeysWithValues: leaves)
        self.entries = leaves.map { $0.1.entry(key: $0.0) }
    }

    public func array(_ key: String) throws -> ArrayView {
        guard let leaf = leaves[key] else { throw missingKey(key) }
        do {
            switch leaf {
            case .tensor(let tensor): return try view(of: tensor, key: key)
            case .strings(let strings): return try TorchLeaf.stringArray(strings)
            case .numbers(let numbers, let shape): return try TorchLeaf.numberArray(numbers, shape: shape)
            }
        } catch let error as ArrayError {
            throw PenvizError.input(path, key: key, error.description)
        }
    }

    /// The tensor read in place when its elements lie in row- or column-major order,
    /// else copied into row-major order (a strided view cannot hold more elements
    /// than its storage without repeating some, which is refused).
    private func view(of tensor: TorchTensor, key: String) throws -> ArrayView {
        let member = tensor.storage
        let itemSize = member.dtype.itemSize
        let layout = tensor.layout
        if layout == .strided {
            guard tensor.count <= member.elementCount else {
                throw PenvizError.input(
                    path, key: key,
                    "the tensor repeats elements of its storage (strides \(tensor.strides): an expanded view?); save t.contiguous()")
            }
            try member.check.verify()
            return try ArrayView(shape: tensor.shape, dtype: member.dtype, byteOrder: byteOrder, storage: tensor.rowMajorCopy())
        }
        let archive = storage
        let bytes = member.bytes.isEmpty
            ? ByteStorage(copying: [])
            : ByteStorage(base: member.bytes.baseAddress!, count: member.bytes.count, paging: member.check) { _ = archive }
        return try ArrayView(
            shape: tensor.shape, dtype: member.dtype, byteOrder: byteOrder, fortranOrder: layout == .columnMajor,
            storage: bytes, offset: tensor.offset * itemSize)
    }

    // MARK: - Opening

    /// The pickle member: `NAME/data.pkl` (or `data.pkl`), the only one.
    static func pickleMember(in names: [String]) -> String? {
        let pickles = names.filter { $0 == "data.pkl" || ($0.hasSuffix("/data.pkl") && $0.dropLast(9).firstIndex(of: "/") == nil) }
        return pickles.count == 1 ? pickles[0] : nil
    }

    /// True when a zip holding `names` is one of PyTorch's: a `torch.save` file or a TorchScript archive.
    static func isTorchZip(_ names: [String]) -> Bool {
        names.contains { $0 == "data.pkl" || $0.hasSuffix("/data.pkl") || $0.hasSuffix("constants.pkl") }
    }

    /// True for a TorchScript archive (`torch.jit.save`): it holds code and constants besides its data.pkl.
    private static func isTorchScript(_ names: [String]) -> Bool {
        names.contains { $0.hasSuffix("/constants.pkl") || $0 == "constants.pkl" || $0.contains("/code/") }
    }

    /// Why a zip is not a file of tensors `torch.save` wrote.
    private static func notTorch(_ names: [String], file: String) -> PenvizError {
        if isTorchScript(names) {
            return PenvizError.input(
                file, "a TorchScript archive (torch.jit.save), which penviz does not read; save its weights with"
                    + " torch.save(torch.jit.load(PATH).state_dict(), 'weights.pt')")
        }
        let pickles = names.filter { $0.hasSuffix("data.pkl") }
        return PenvizError.input(
            file, pickles.count > 1
                ? "a zip with \(pickles.count) data.pkl members (\(pickles.prefix(3).joined(separator: ", "))); torch.save writes one"
                : "not a PyTorch file: a zip archive without data.pkl (torch.save writes NAME/data.pkl)")
    }

    /// A member's data, which must be stored (as `torch.save` writes them).
    private static func storedBytes(of member: ZipMember, in bytes: UnsafeRawBufferPointer, file: String)
        throws -> (start: Int, bytes: UnsafeRawBufferPointer)
    {
        guard !member.isEncrypted else { throw PenvizError.input(file, "member '\(member.name)' is encrypted") }
        guard member.method == 0, member.compressedSize == member.uncompressedSize else {
            throw PenvizError.input(
                file, "member '\(member.name)' is compressed (method \(member.method)); torch.save stores its members")
        }
        let start = try ZipDirectory.dataStart(of: member, in: bytes, file: file)
        return (start, bytes.slice(at: start, length: Int(member.compressedSize))!)
    }

    /// The byte order `NAME/byteorder` names; little-endian when the member is missing (files before PyTorch 1.10).
    private static func byteOrder(_ member: UnsafeRawBufferPointer?, file: String) throws -> ByteOrder {
        guard let member else { return .little }
        switch String(decoding: member, as: UTF8.self) {
        case "little": return .little
        case "big": return .big
        case let other: throw PenvizError.input(file, "byteorder says '\(VisibleText.escaped(other))', not little or big")
        }
    }
}
