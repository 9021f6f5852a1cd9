import Foundation
import PenvizCore

/// The page's files (`index.html`, its ES-module scripts and its style), read once
/// from the module's resources (`Page/`) and served from memory.
///
/// `index.html` is served at `/`; every other file of `Page/` whose name matches
/// `^[a-z][a-z0-9-]*\.(js|css)$` at `/NAME`. Nothing else in the folder is served,
/// and nothing is read after start-up: a request only ever looks a path up in ``files``.
struct PageFiles: Sendable {
    /// One served file.
    struct File: Sendable {
        let bytes: Data
        let contentType: String
    }

    /// By the path they are served at.
    let files: [String: File]

    /// The content type of a served file, by its extension.
    static let contentTypes = [
        "html": "text/html; charset=utf-8",
        "js": "text/javascript; charset=utf-8",
        "css": "text/css; charset=utf-8",
    ]

    /// Whether `name` is one of the page's scripts or styles: `^[a-z][a-z0-9-]*\.(js|css)$`.
    static func isServed(_ name: String) -> Bool {
        guard let dot = name.lastIndex(of: "."), ["js", "css"].contains(name[name.index(after: dot)...]) else { return false }
        let stem = name.unicodeScalars[..<dot]
        guard let first = stem.first, ("a"..."z").contains(first) else { return false }
        return stem.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// Reads `index.html` and every script and style of `Page/`.
    ///
    /// - Throws: ``PenvizError`` (input) when the page is not installed or a file cannot be read.
    init() throws {
        guard let folder = Bundle.module.url(forResource: "Page", withExtension: nil) else {
            throw PenvizError.input("penviz", "the explorer's page is not installed beside the binary (penviz_PenvizServe.resources)")
        }
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        } catch {
            throw PenvizError.input(folder.path, "cannot list the explorer's page files")
        }
        let served = [("/", "index.html")] + names.filter(Self.isServed).sorted().map { ("/\($0)", $0) }
        files = Dictionary(uniqueKeysWithValues: try served.map { path, name in
            let file = folder.appendingPathComponent(name)
            guard let bytes = FileManager.default.contents(atPath: file.path) else {
                throw PenvizError.input(file.path, "cannot read the explorer's page file")
            }
            return (path, File(bytes: bytes, contentType: Self.contentTypes[file.pathExtension]!))
        })
    }
}
