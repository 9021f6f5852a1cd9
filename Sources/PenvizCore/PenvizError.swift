/// An error penviz reports to the user as one `error:` line.
///
/// Input errors name the file, the key (when there is one) and what is wrong;
/// usage errors name the bad argument. The command line maps ``Kind/usage`` to
/// exit status 64 and ``Kind/input`` to 1.
public struct PenvizError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Whether the user typed something wrong or handed penviz bad data.
    public enum Kind: Sendable, Equatable {
        /// A bad flag, class or output name: exit status 64.
        case usage
        /// Bad or unreadable input data, or a failure while working: exit status 1.
        case input
    }

    /// Which kind of failure this is.
    public let kind: Kind
    /// The sentence shown after `error: `.
    public let message: String

    /// An error with a ready message.
    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// An input error about `file` (and `key`, when the problem is one array's).
    public static func input(_ file: String, key: String? = nil, _ problem: String) -> PenvizError {
        if let key { return PenvizError(.input, "\(file): key '\(key)': \(problem)") }
        return PenvizError(.input, "\(file): \(problem)")
    }

    /// A usage error.
    public static func usage(_ message: String) -> PenvizError {
        PenvizError(.usage, message)
    }

    /// The process exit status for this error: 64 for usage, 1 otherwise.
    public var exitCode: Int32 { kind == .usage ? 64 : 1 }

    public var description: String { message }
}
