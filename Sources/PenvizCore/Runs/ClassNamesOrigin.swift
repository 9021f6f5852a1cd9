/// Where a run's class names came from: an array of the run (`class_names`), or a
/// file given on the command line (`--class-names FILE`). An error about the names
/// names that key of the run's file, or that file.
public enum ClassNamesOrigin: Sendable, Equatable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The key of an array of the run.
    case key(String)
    /// The path of a file of names.
    case file(String)

    /// A key: `("class_names", names)` reads as names from the array `class_names`.
    public init(stringLiteral key: String) {
        self = .key(key)
    }

    /// The key or the path.
    public var description: String {
        switch self {
        case .key(let key): key
        case .file(let path): path
        }
    }

    /// The error `problem` about names from here, for the run stored in `file`.
    func error(_ problem: String, run file: String) -> PenvizError {
        switch self {
        case .key(let key): PenvizError.input(file, key: key, problem)
        case .file(let path): PenvizError.input(path, "\(problem) of \(file)")
        }
    }
}
