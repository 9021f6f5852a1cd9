import Foundation
import PenvizCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a folder of files all at once or not at all.
///
/// The files go into a new folder beside the target (`.NAME.XXXXXX.tmp`), through an
/// ``OutputBatch`` (so each is flushed to disk), and that folder takes the target's
/// place only once every file is written. An older folder at the target is moved
/// aside first (`.NAME.XXXXXX.old`), put back if the move fails, and removed after:
/// a failure at any point leaves it whole, never a mix of old and new files. Since
/// the older folder is deleted, the caller decides whether it may be replaced.
public enum AtomicFolder {
    /// Writes `files` (names relative to the folder, such as `figures/a.svg`) as the folder `directory`.
    ///
    /// - Throws: ``PenvizError`` (input) naming the path that could not be made, written or replaced.
    public static func write(_ files: [(name: String, data: Data)], to directory: String) throws {
        let parent = (directory as NSString).deletingLastPathComponent
        try makeFolder(parent.isEmpty ? "." : parent)
        // ^C before the swap removes the staging folder and everything in it (InterruptCleanup).
        let (staging, stagingSlot) = try temporaryFolder(beside: directory, suffix: "tmp")
        let subfolders = Set(files.map { ($0.name as NSString).deletingLastPathComponent }).filter { !$0.isEmpty }.sorted()
        let inStaging = { (name: String) in (staging as NSString).appendingPathComponent(name) }
        let registered = [stagingSlot]
            + subfolders.map { InterruptCleanup.register(inStaging($0), isFolder: true) }
            + files.map { InterruptCleanup.register(inStaging($0.name), isFolder: false) }
        defer { registered.forEach(InterruptCleanup.forget) }
        do {
            for subfolder in subfolders { try makeFolder(inStaging(subfolder)) }
            let batch = OutputBatch()
            for file in files { try batch.write(file.data, to: inStaging(file.name)) }
            try batch.commit()
            try swap(staging, into: directory)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
    }

    /// A new, empty folder `.NAME.XXXXXX.SUFFIX` beside `path`, which an interrupt removes
    /// (under either of its names) until the slot returned is forgotten.
    private static func temporaryFolder(beside path: String, suffix: String) throws -> (path: String, slot: Int?) {
        let url = URL(fileURLWithPath: path)
        let template = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).XXXXXX").path
        guard let (made, madeSlot) = InterruptCleanup.createTemporaryFolder(template) else {
            throw failure(path, "cannot create a folder beside it")
        }
        defer { InterruptCleanup.forget(madeSlot) }
        let named = "\(made).\(suffix)"
        // Registered under its new name before it takes it.
        let namedSlot = InterruptCleanup.register(named, isFolder: true)
        guard rename(made, named) == 0 else {
            let reason = failure(path, "cannot create a folder beside it")
            rmdir(made)
            InterruptCleanup.forget(namedSlot)
            throw reason
        }
        return (named, namedSlot)
    }

    /// Puts the finished `staging` folder in the place of `directory`; an older
    /// folder there is moved aside first, and put back if the move fails.
    private static func swap(_ staging: String, into directory: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder) else {
            guard rename(staging, directory) == 0 else { throw failure(directory, "cannot create the folder") }
            return
        }
        guard isFolder.boolValue else { throw PenvizError.input(directory, "exists and is not a folder") }
        // Only a free name: the older folder moves there, and an interrupt must not remove it.
        let (aside, asideSlot) = try temporaryFolder(beside: directory, suffix: "old")
        InterruptCleanup.forget(asideSlot)
        rmdir(aside)
        guard rename(directory, aside) == 0 else { throw failure(directory, "cannot replace the older folder") }
        guard rename(staging, directory) == 0 else {
            let reason = failure(directory, "cannot replace the older folder")
            rename(aside, directory)
            throw reason
        }
        try? FileManager.default.removeItem(atPath: aside)
    }

    /// Makes the folder `path` (and its parents) unless it exists.
    private static func makeFolder(_ path: String) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw PenvizError.input(path, "exists and is not a folder") }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw PenvizError.input(path, "cannot create the folder: \(error.localizedDescription)")
        }
    }

    private static func failure(_ path: String, _ what: String) -> PenvizError {
        PenvizError.input(path, "\(what): \(systemErrorText())")
    }
}
