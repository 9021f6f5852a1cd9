import Foundation
import PenvizCore

/// Opens the array file or folder at `path`, choosing the reader by what the file
/// is (its first bytes, ``FileSignature``), else by its extension: `.npz` (a zip,
/// ``NpzArchive``), `.pt` and `.pth` (a zip of `torch.save`, ``TorchArchive``),
/// `.safetensors` (``SafetensorsFile``), `.npy` (``NpyFile``), `.csv` and `.tsv`
/// (``DelimitedTextFile``), or a directory (``DirectoryArchive``). A zip is read as a
/// PyTorch file when it holds `data.pkl`, else as an `.npz`. A file whose content and
/// extension disagree (an `.npz` that is an `.npy`) is read as what it is; a bare
/// pickle or an HDF5 file is refused saying what it is and how to save.
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
    case .zip: return try asHeld { try openZip(path) }
    case .npy: return try asHeld { try NpyFile(path: path) }
    case .safetensors: return try asHeld { try SafetensorsFile(path: path) }
    case .pickle:
        throw PenvizError.input(
            path, "a Python pickle (torch.save's format before PyTorch 1.6, or pickle.dump), which penviz never unpickles;"
                + " re-save it in PyTorch's zip format, from a trusted file only: torch.save(torch.load(PATH), 'new.pt'),"
                + " or \(saveAdvice)")
    case .hdf5:
        throw PenvizError.input(path, "an HDF5 file (h5py, Keras), which penviz does not read; \(saveAdvice)")
    case nil: break
    }
    switch named {
    case "npz": return try NpzArchive(path: path)
    case "pt", "pth": return try TorchArchive(path: path)
    case "safetensors": return try SafetensorsFile(path: path)
    case "npy": return try NpyFile(path: path)
    case "csv", "tsv": return try DelimitedTextFile(path: path)
    case let other:
        let shown = other.isEmpty ? "no extension" : "extension '.\(other)'"
        throw PenvizError.input(
            path, "unknown file type (\(shown)); penviz reads .npz, .pt, .pth, .safetensors, .npy, .csv, .tsv or a folder of them")
    }
}

/// The zip at `path` as a PyTorch file when it holds `data.pkl` (or is a TorchScript
/// archive, which ``TorchArchive`` refuses with advice), else as an `.npz`.
private func openZip(_ path: String) throws -> any ArrayArchive {
    let mapped = try MappedFile.map(path)
    let names = try withExtendedLifetime(mapped) { try ZipDirectory.members(of: mapped.bytes, file: path).map(\.name) }
    return TorchArchive.isTorchZip(names) ? try TorchArchive(path: path) : try NpzArchive(path: path)
}
