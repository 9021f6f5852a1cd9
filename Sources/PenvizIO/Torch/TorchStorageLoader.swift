import PenvizCore

/// Resolves the persistent ids of a PyTorch pickle to the archive's storages.
///
/// `torch.save` pickles each storage as the persistent id
/// `('storage', torch.FloatStorage, KEY, LOCATION, NUMEL)` and writes its bytes to
/// the member `NAME/data/KEY`. The loader checks the id's form, that the member
/// exists and holds exactly NUMEL elements, and makes each storage once, so
/// tensors that share a storage share it here too.
final class TorchStorageLoader {
    let file: String
    /// `NAME/data/`, the folder of the storages' members.
    private let directory: String
    private let members: [String: ZipMember]
    /// Each member's data in the mapped archive.
    private let located: [String: UnsafeRawBufferPointer]
    /// The mapped archive.
    private let archive: ByteStorage
    /// The storages made so far, by key.
    private(set) var loaded: [String: TorchStorage] = [:]

    init(file: String, directory: String, members: [String: ZipMember], located: [String: UnsafeRawBufferPointer],
         archive: ByteStorage) {
        self.file = file
        self.directory = directory
        self.members = members
        self.located = located
        self.archive = archive
    }

    /// The storage the persistent id `id` names.
    func load(_ id: PickleValue) throws -> PickleValue {
        guard case .tuple(let fields) = id, fields.count == 5, case .string("storage") = fields[0],
              case .global(.storageType(let dtype)) = fields[1], case .string(let key) = fields[2], case .int(let count) = fields[4]
        else {
            let shown: String
            if case .tuple(let fields) = id { shown = "(" + fields.map(\.kind).joined(separator: ", ") + ")" } else { shown = id.kind }
            throw PenvizError.input(
                file, "a persistent id \(shown) is not a storage ('storage', a storage type such as torch.FloatStorage, key, location, size)")
        }
        let shownKey = VisibleText.escaped(key)
        if let storage = loaded[key] {
            guard storage.dtype == dtype else {
                throw PenvizError.input(file, "storage '\(shownKey)' is named both \(storage.dtype.name) and \(dtype.name)")
            }
            return .storage(storage)
        }
        let name = directory + key
        guard let member = members[name], let data = located[name] else {
            throw PenvizError.input(
                file, "the pickle names storage '\(shownKey)', but the archive has no member '\(VisibleText.escaped(name))'")
        }
        let (expected, overflow) = count.multipliedReportingOverflow(by: dtype.itemSize)
        guard count >= 0, !overflow, expected == data.count else {
            throw PenvizError.input(
                file, "storage '\(shownKey)' should hold \(count) \(dtype.name) elements, but its member has \(data.count) bytes")
        }
        let storage = TorchStorage(
            key: key, dtype: dtype, bytes: data, check: StoredMemberCheck(member: member, bytes: data, in: archive, file: file))
        loaded[key] = storage
        return .storage(storage)
    }
}
