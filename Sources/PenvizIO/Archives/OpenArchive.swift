import Foundation
import PenvizCore

/// Opens the array file or folder at `path`, choosing the reader by what the file
/// is (its first bytes, ``FileSignature``), else by its extension: `.npz` (a zip,
/// ``NpzArchive``), `.safetensors` (``SafetensorsFile``), `.npy` (``NpyFile``),
/// `.csv` and `.tsv` (``DelimitedTextFile``), or a directory (``DirectoryArchive``).
/// A file whose content and extension disagree (an `.npz` that is an `.npy`) is read
/// as what it is; a pickle or an HDF5 file is refused saying what it is and how to save.
///
/// Opening reads and checks headers only; arrays are mapped or read when asked for.
/// Throws a ``PenvizError`` naming the file when it is missing, of another type, or malformed.
public func openArchive(_ path: String) throws -> any ArrayArchive {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw PenvizError.input(path, "no such file or directory")
    }
    if isDirectory.boolValue { return try DirectoryArchive(path: path) }
    let saveAdvice = "save the arrays with numpy.savez (tensors as t.numpy())"
    let signature = FileSignature.of(path)
    let named = URL(fileURLWithPath: path).pathExtension.lowercased()
    // A file named for one format that holds another is read as what it holds; if that fails, the error says both.
    func asHeld(_ open: () throws -> any ArrayArchive) throws -> any ArrayArchive {
        guard let signature, let expected = FileSignature.expected(forExtension: named), expected != signature else { return try open() }
        do {
            return try open()
        } catch let error as PenvizError {
            let prefix = "\(path): "
            let problem = error.message.hasPrefix(prefix) ? String(error.message.dropFirst(prefix.count)) : error.message
            throw PenvizError.input(path, "named .\(named), but it starts as \(signature.name), and as one: \(problem)")
        }
    }
    switch signature {
    case .zip: return try asHeld { try NpzArchive(path: path) }
    case .npy: return try asHeld { try NpyFile(path: path) }
    case .safetensors: return try asHeld { try SafetensorsFile(path: path) }
    case .pickle:
        throw PenvizError.input(
            path, "a Python pickle (torch.save's legacy format, or pickle.dump), which penviz never unpickles; \(saveAdvice)")
    case .hdf5:
        throw PenvizError.input(path, "an HDF5 file (h5py, Keras), which penviz does not read; \(saveAdvice)")
    case nil: break
    }
    switch named {
    case "npz": return try NpzArchive(path: path)
    case "safetensors": return try SafetensorsFile(path: path)
    case "npy": return try NpyFile(path: path)
    case "csv", "tsv": return try DelimitedTextFile(path: path)
    case let other:
        let shown = other.isEmpty ? "no extension" : "extension '.\(other)'"
        throw PenvizError.input(
            path, "unknown file type (\(shown)); penviz reads .npz, .safetensors, .npy, .csv, .tsv or a folder of them")
    }
}
