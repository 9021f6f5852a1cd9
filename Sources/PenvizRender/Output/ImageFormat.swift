import PenvizCore

/// A file format penviz draws figures in, picked by the output file's extension.
public enum ImageFormat: String, Equatable, Sendable, CaseIterable {
    /// Portable Network Graphics: pixels, at ``FigureOptions/scale`` pixels a point.
    case png
    /// Scalable Vector Graphics 1.1.
    case svg
    /// Portable Document Format.
    case pdf

    /// The format named by `path`'s extension (any letter case).
    ///
    /// - Throws: ``PenvizError`` of kind usage when the extension is none of
    ///   `.png`, `.svg`, `.pdf`.
    public init(path: String) throws {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let dot = name.lastIndex(of: ".")
        let suffix = dot.map { String(name[name.index(after: $0)...]).lowercased() } ?? ""
        guard dot != nil, dot != name.startIndex, let format = ImageFormat(rawValue: suffix) else {
            throw PenvizError.usage("cannot tell the figure format of '\(path)': use a .png, .svg or .pdf file name")
        }
        self = format
    }
}
