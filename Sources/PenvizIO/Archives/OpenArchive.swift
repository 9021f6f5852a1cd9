import Foundation
import PenvizCore

/// Opens the array file or folder at `path`, choosing the reader by its extension:
/// `.npz` (``NpzArchive``), `.safetensors` (``SafetensorsFile``), `.npy` (``NpyFile``),
/// `.csv` and `.tsv` (``DelimitedTextFile``), or a directory (``DirectoryArchive``).
///
/// Opening reads and checks headers only; arrays are mapped or read when asked for.
/// Throws a ``PenvizError`` naming the file when it is missing, of another type, or malformed.
public func openArchive(_ path: String) throws -> any ArrayArchive {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        throw PenvizError.input(path, "no such file or directory")
    }
    if isDirectory.boolValue { return try DirectoryArchive(path: path) }
    switch URL(fileURLWithPath: path).pathExtension.lowercased() {
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
