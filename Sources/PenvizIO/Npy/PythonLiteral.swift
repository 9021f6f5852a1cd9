/// A Python literal as NumPy writes it in an `.npy` header: `{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4), }`.
///
/// The parser is deliberately small and strict: strings, integers (a Python 2
/// `L` suffix is accepted), `True`/`False`/`None`, tuples, lists and dicts with
/// string keys, with whitespace and trailing commas where Python allows them.
/// Anything else (names, calls, floats, expressions) is an error; nothing is ever evaluated.
indirect enum PythonLiteral: Equatable {
    case string(String)
    case integer(Int)
    case bool(Bool)
    case none
    case tuple([PythonLiteral])
    case list([PythonLiteral])
    /// Keys in the order written; duplicate keys are rejected while parsing.
    case dict([DictEntry])

    /// One `key: value` pair of a dict.
    struct DictEntry: Equatable {
        let key: String
        let value: PythonLiteral
    }

    /// Parses `text`, which must hold exactly one literal and optional surrounding whitespace.
    static func parse(_ text: String) throws(PythonLiteralError) -> PythonLiteral {
        var parser = Parser(scalars: Array(text.unicodeScalars))
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.isAtEnd else { throw parser.error("unexpected text after the literal") }
        return value
    }

    /// A short description of the literal's kind, for error messages.
    var kindName: String {
        switch self {
        case .string: return "a string"
        case .integer: return "an integer"
        case .bool: return "a bool"
        case .none: return "None"
        case .tuple: return "a tuple"
        case .list: return "a list"
        case .dict: return "a dict"
        }
    }
}

/// Why a header is not a literal penviz accepts, with the character position.
struct PythonLiteralError: Error, Equatable, CustomStringConvertible {
    let problem: String
    let position: Int

    var description: String { "\(problem) at character \(position + 1)" }
}

/// A recursive-descent parser over the header's Unicode scalars.
private struct Parser {
    let scalars: [Unicode.Scalar]
    var position = 0

    /// Nesting deeper than this is refused (NumPy headers nest at most three deep).
    static let maximumDepth = 32

    var isAtEnd: Bool { position >= scalars.count }
    var current: Unicode.Scalar? { isAtEnd ? nil : scalars[position] }

    func error(_ problem: String) -> PythonLiteralError {
        PythonLiteralError(problem: problem, position: position)
    }

    mutating func skipWhitespace() {
        while let scalar = current, scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
            position += 1
        }
    }

    mutating func value(depth: Int) throws(PythonLiteralError) -> PythonLiteral {
        guard depth < Parser.maximumDepth else { throw error("literal nests too deeply") }
        skipWhitespace()
        guard let scalar = current else { throw error("the header ends where a value should be") }
        switch scalar {
        case "'", "\"": return .string(try string())
        case "(": return try tupleOrParenthesized(depth: depth)
        case "[": return .list(try sequence(closing: "]", depth: depth))
        case "{": return try dict(depth: depth)
        case "-", "0"..."9": return .integer(try integer())
        default:
            let word = identifier()
            switch word {
            case "True": return .bool(true)
            case "False": return .bool(false)
            case "None": return .none
            case "": throw error("unexpected character '\(scalar)'")
            default: throw error("'\(word)' is not a literal penviz accepts")
            }
        }
    }

    mutating func identifier() -> String {
        var word = String.UnicodeScalarView()
        while let scalar = current, scalar.properties.isAlphabetic || scalar == "_" || ("0"..."9").contains(scalar) {
            word.append(scalar)
            position += 1
        }
        return String(word)
    }

    mutating func integer() throws(PythonLiteralError) -> Int {
        let start = position
        let negative = current == "-"
        if negative { position += 1 }
        var magnitude = 0
        var digits = 0
        while let scalar = current, ("0"..."9").contains(scalar) {
            let (shifted, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflow2) = shifted.addingReportingOverflow(Int(scalar.value - 48))
            guard !overflow1, !overflow2 else {
                position = start
                throw error("integer too large")
            }
            magnitude = sum
            digits += 1
            position += 1
        }
        guard digits > 0 else { throw error("'-' without digits") }
        if current == "L" || current == "l" { position += 1 }  // Python 2 long, written by old NumPy
        if let scalar = current, scalar.properties.isAlphabetic || scalar == "." || scalar == "_" {
            throw error("malformed integer")
        }
        return negative ? -magnitude : magnitude
    }

    mutating func string() throws(PythonLiteralError) -> String {
        let quote = scalars[position]
        position += 1
        var text = String.UnicodeScalarView()
        while true {
            guard let scalar = current else { throw error("unterminated string") }
            position += 1
            if scalar == quote { return String(text) }
            if scalar == "\n" { throw error("line break inside a string") }
            guard scalar == "\\" else {
                text.append(scalar)
                continue
            }
            guard let escaped = current else { throw error("unterminated string") }
            position += 1
            switch escaped {
            case "\\", "'", "\"": text.append(escaped)
            case "n": text.append("\n")
            case "t": text.append("\t")
            case "r": text.append("\r")
            case "x": text.append(try hexScalar(digits: 2))
            case "u": text.append(try hexScalar(digits: 4))
            case "U": text.append(try hexScalar(digits: 8))
            default: throw error("unsupported escape '\\\(escaped)'")
            }
        }
    }

    mutating func hexScalar(digits: Int) throws(PythonLiteralError) -> Unicode.Scalar {
        var code: UInt32 = 0
        for _ in 0..<digits {
            guard let scalar = current, let digit = UInt32(String(scalar), radix: 16) else {
                throw error("malformed escape")
            }
            code = code * 16 + digit
            position += 1
        }
        guard let scalar = Unicode.Scalar(code) else { throw error("escape names no character") }
        return scalar
    }

    /// `()` is the empty tuple, `(x,)` and `(x, y)` are tuples, `(x)` is just `x` (as in Python).
    mutating func tupleOrParenthesized(depth: Int) throws(PythonLiteralError) -> PythonLiteral {
        position += 1
        skipWhitespace()
        if current == ")" {
            position += 1
            return .tuple([])
        }
        let first = try value(depth: depth + 1)
        skipWhitespace()
        if current == ")" {
            position += 1
            return first
        }
        guard current == "," else { throw error("expected ',' or ')' in a tuple") }
        position += 1
        return .tuple([first] + (try elements(closing: ")", depth: depth)))
    }

    /// `[a, b, ]`: the opening bracket is at `position`.
    mutating func sequence(closing: Unicode.Scalar, depth: Int) throws(PythonLiteralError) -> [PythonLiteral] {
        position += 1
        return try elements(closing: closing, depth: depth)
    }

    /// Comma-separated values up to `closing`, after an opening bracket or a first element and its comma.
    mutating func elements(closing: Unicode.Scalar, depth: Int) throws(PythonLiteralError) -> [PythonLiteral] {
        var items: [PythonLiteral] = []
        while true {
            skipWhitespace()
            if current == closing {
                position += 1
                return items
            }
            items.append(try value(depth: depth + 1))
            skipWhitespace()
            if current == "," {
                position += 1
            } else if current != closing {
                throw error("expected ',' or '\(closing)'")
            }
        }
    }

    mutating func dict(depth: Int) throws(PythonLiteralError) -> PythonLiteral {
        position += 1
        var entries: [PythonLiteral.DictEntry] = []
        // A set, not a scan of `entries`: a 1 MiB header holds ~100,000 keys, and a scan would be quadratic.
        var keys = Set<String>()
        while true {
            skipWhitespace()
            if current == "}" {
                position += 1
                return .dict(entries)
            }
            guard current == "'" || current == "\"" else { throw error("dict keys must be strings") }
            let keyPosition = position
            let key = try string()
            guard keys.insert(key).inserted else {
                position = keyPosition
                throw error("key '\(key)' appears twice")
            }
            skipWhitespace()
            guard current == ":" else { throw error("expected ':' after a dict key") }
            position += 1
            entries.append(PythonLiteral.DictEntry(key: key, value: try value(depth: depth + 1)))
            skipWhitespace()
            if current == "," {
                position += 1
            } else if current != "}" {
                throw error("expected ',' or '}' in a dict")
            }
        }
    }
}
