import Foundation
import PenvizCore

/// The page's three files (HTML, script, style), read once from the module's
/// resources (`Page/`) and served from memory.
struct PageFiles: Sendable {
    /// One served file.
    struct File: Sendable {
        let bytes: Data
        let contentType: String
    }

    /// By the path they are served at.
    let files: [String: File]

    /// Reads `index.html`, `explorer.js` and `explorer.css`.
    ///
    /// - Throws: ``PenvizError`` (input) naming the file missing from the installed resources.
    init() throws {
        guard let folder = Bundle.module.url(forResource: "Page", withExtension: nil) else {
            throw PenvizError.input("penviz", "the explorer's page is not installed beside the binary (penviz_PenvizServe.resources)")
        }
        let served: [(path: String, name: String, type: String)] = [
            ("/", "index.html", "text/html; charset=utf-8"),
            ("/explorer.js", "explorer.js", "text/javascript; charset=utf-8"),
            ("/explorer.css", "explorer.css", "text/css; charset=utf-8"),
        ]
        files = Dictionary(uniqueKeysWithValues: try served.map { path, name, type in
            let file = folder.appendingPathComponent(name)
            guard let bytes = FileManager.default.contents(atPath: file.path) else {
                throw PenvizError.input(file.path, "cannot read the explorer's page file")
            }
            return (path, File(bytes: bytes, contentType: type))
        })
    }
}
