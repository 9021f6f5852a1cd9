import Foundation

/// What a file is by its first bytes, whatever its extension says: the containers
/// penviz reads, and the ones people save activations in that it does not.
enum FileSignature: Equatable {
    /// A zip archive (`PK\x03\x04`, or `PK\x05\x06` when empty): an `.npz`, or a
    /// PyTorch file of `torch.save` since 1.6.
    case zip
    /// A `.npy` file (`\x93NUMPY`).
    case npy
    /// A safetensors file: an 8-byte little-endian header length, then `{`.
    case safetensors
    /// A Python pickle (`\x80` and a protocol 2–5): `torch.save`'s legacy format or `pickle.dump`.
    case pickle
    /// An HDF5 file (`\x89HDF\r\n\x1a\n`): h5py, Keras.
    case hdf5

    /// How an error names it: "a zip archive".
    var name: String {
        switch self {
        case .zip: "a zip archive"
        case .npy: "a .npy file"
        case .safetensors: "a safetensors file"
        case .pickle: "a Python pickle"
        case .hdf5: "an HDF5 file"
        }
    }

    /// The signature a file named with `fileExtension` (lowercase, no dot) should have; nil for text and unknown ones.
    static func expected(forExtension fileExtension: String) -> FileSignature? {
        ["npz": .zip, "pt": .zip, "pth": .zip, "npy": .npy, "safetensors": .safetensors][fileExtension]
    }

    /// The signature of the file at `path`, or nil for anything else (text, a file too
    /// short, anything but a regular file).
    static func of(_ path: String) -> FileSignature? {
        // Only a regular file is read here: opening a pipe would wait for a writer.
        guard (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeRegular,
            let handle = FileHandle(forReadingAtPath: path)
        else { return nil }
        defer { try? handle.close() }
        let head = [UInt8]((try? handle.read(upToCount: 9)) ?? Data())
        func starts(_ magic: [UInt8]) -> Bool { head.count >= magic.count && Array(head.prefix(magic.count)) == magic }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) { return .zip }
        if starts([0x93] + Array("NUMPY".utf8)) { return .npy }
        if starts([0x89] + Array("HDF\r\n".utf8) + [0x1A, 0x0A]) { return .hdf5 }
        if head.count >= 2, head[0] == 0x80, (2...5).contains(head[1]) { return .pickle }
        if head.count == 9, head[8] == UInt8(ascii: "{") { return .safetensors }
        return nil
    }
}
