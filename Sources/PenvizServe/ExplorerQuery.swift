import PenvizCore
import PenvizRender

/// The query of one request, checked before anything is computed: only the
/// parameters an endpoint takes, each at most once, each value in its range.
/// A bad one is a ``BadRequest`` naming the parameter and the problem.
struct ExplorerQuery {
    /// The parameters, by name.
    private let values: [String: String]

    /// The parameter carrying the access token, allowed on every endpoint.
    static let tokenParameter = "token"

    /// `items` checked against the parameter names an endpoint takes.
    init(_ items: [(name: String, value: String)], allowed: Set<String>) throws {
        var values: [String: String] = [:]
        for item in items where item.name != Self.tokenParameter {
            guard allowed.contains(item.name) else {
                throw BadRequest("unknown parameter '\(Self.shown(item.name))'"
                    + (allowed.isEmpty ? ": this endpoint takes none" : "; this endpoint takes " + allowed.sorted().joined(separator: ", ")))
            }
            guard values[item.name] == nil else { throw BadRequest("parameter '\(item.name)' is given twice") }
            values[item.name] = item.value
        }
        self.values = values
    }

    /// `classes=a,b,c`: three distinct class ids, 0 ≤ id < `classCount`.
    func triplet(classCount: Int) throws -> Triplet {
        guard let text = values["classes"] else { throw BadRequest("parameter 'classes' is missing: give three class ids, classes=a,b,c") }
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count == 3 else {
            throw BadRequest("classes: expected three class ids a,b,c, got '\(Self.shown(text))'")
        }
        let ids = try parts.map { part in
            // At most 9 digits: no overflow, and nothing past any K penviz reads.
            guard (1...9).contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }), let id = Int(part) else {
                throw BadRequest("classes: '\(Self.shown(String(part)))' is not a class id (0–\(classCount - 1))")
            }
            guard id < classCount else { throw BadRequest("classes: \(id) is not a class id (0–\(classCount - 1))") }
            return id
        }
        guard Set(ids).count == 3 else { throw BadRequest("classes: a triplet needs three different classes, got \(text)") }
        return Triplet(ids[0], ids[1], ids[2])
    }

    /// `format=png|svg|pdf`.
    func format() throws -> ImageFormat {
        guard let text = values["format"] else { throw BadRequest("parameter 'format' is missing: png, svg or pdf") }
        guard let format = ImageFormat(rawValue: text) else { throw BadRequest("format: '\(Self.shown(text))' is none of png, svg, pdf") }
        return format
    }

    /// `axes=independent|row|shared`, independent when absent (as `penviz compare`).
    func axes() throws -> AxisSharing {
        guard let text = values["axes"] else { return .independent }
        guard let axes = AxisSharing(rawValue: text) else {
            throw BadRequest("axes: '\(Self.shown(text))' is none of " + AxisSharing.allCases.map(\.rawValue).joined(separator: ", "))
        }
        return axes
    }

    /// At most 40 characters of a value from the request, control characters as `?`: safe to echo in an error.
    static func shown(_ text: String) -> String {
        let visible = String(text.unicodeScalars.map { $0.properties.generalCategory == .control ? "?" : Character($0) })
        return visible.count > 40 ? String(visible.prefix(40)) + "…" : visible
    }
}

/// A request the explorer cannot answer as asked: 400, with this message as JSON.
struct BadRequest: Error {
    let message: String

    init(_ message: String) {
        self.message = message
    }
}
