import Foundation
import PenvizCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Refuses an output that would replace one of the command's own inputs.
///
/// Files are compared by identity (device and inode, through symbolic links), so
/// another name for an input (a link, a hard link, `./run/../run/x.npy`) is caught.
/// An input given as a folder (a run of `.npy` files, its shards) stands for the
/// files inside it, two levels deep.
enum InputProtection {
    /// A file's identity on its file system.
    private struct Identity: Hashable {
        let device: UInt64
        let inode: UInt64
    }

    /// Throws a usage error when an output file in `outputs` is one of the files of
    /// `inputs`, or when an output folder in `folders` is, or holds, one of them.
    static func check(inputs: [String], outputs: [String], folders: [String] = []) throws {
        var read: [Identity: String] = [:]
        for input in inputs {
            for file in files(of: input) {
                if let identity = identity(of: file) { read[identity] = file }
            }
        }
        for output in outputs {
            if let identity = identity(of: output), let input = read[identity] {
                throw PenvizError.usage("\(output) is the input file \(input): write the output under another name")
            }
        }
        for folder in folders {
            let resolved = URL(fileURLWithPath: folder).resolvingSymlinksInPath().standardizedFileURL.path
            for file in read.values {
                let path = URL(fileURLWithPath: file).resolvingSymlinksInPath().standardizedFileURL.path
                if path == resolved || path.hasPrefix(resolved.hasSuffix("/") ? resolved : resolved + "/") {
                    throw PenvizError.usage("--out \(folder) holds the input file \(file): write the report to another folder")
                }
            }
        }
    }

    /// The regular files `path` stands for: itself, or a folder's files two levels deep.
    private static func files(of path: String) -> [String] {
        var status = stat()
        guard stat(path, &status) == 0 else { return [] }
        guard status.st_mode & S_IFMT == S_IFDIR else { return [path] }
        var found: [String] = []
        func walk(_ folder: String, depth: Int) {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
            for name in names {
                let child = (folder as NSString).appendingPathComponent(name)
                var childStatus = stat()
                guard stat(child, &childStatus) == 0 else { continue }
                switch childStatus.st_mode & S_IFMT {
                case S_IFREG: found.append(child)
                case S_IFDIR where depth > 1: walk(child, depth: depth - 1)
                default: break
                }
            }
        }
        walk(path, depth: 2)
        return found
    }

    /// The identity of the file at `path` (links followed), or nil when there is none.
    private static func identity(of path: String) -> Identity? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Identity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }
}
