import PenvizCore
import PenvizRender
import Testing

@testable import PenvizServe

/// ``ExplorerQuery``: every query value checked before any work.
@Suite("Explorer query")
struct ExplorerQueryTests {
    static func query(_ items: [(String, String)], allowed: Set<String> = ["classes", "format", "axes"]) throws -> ExplorerQuery {
        try ExplorerQuery(items.map { (name: $0.0, value: $0.1) }, allowed: allowed)
    }

    static func message(_ work: () throws -> Void) -> String? {
        do { try work() } catch let bad as BadRequest { return bad.message } catch { return "\(error)" }
        return nil
    }

    @Test("three distinct ids below K make a triplet, in the order given; the token is no parameter")
    func triplet() throws {
        #expect(try Self.query([("classes", "9,0,4"), ("token", "x")]).triplet(classCount: 10) == Triplet(9, 0, 4))
        #expect(try Self.query([("classes", "007,1,2")]).triplet(classCount: 10) == Triplet(7, 1, 2))
    }

    @Test("bad classes are refused naming the problem", arguments: [
        ("", "expected three class ids"), ("1,2", "expected three class ids"), ("1,2,3,4", "expected three class ids"),
        ("1,2,10", "10 is not a class id (0–9)"), ("1,1,2", "three different classes"), ("-1,2,3", "'-1' is not a class id"),
        ("1,2,9999999999", "'9999999999' is not a class id"), ("1, 2,3", "' 2' is not a class id"), ("1,2,٣", "'٣' is not a class id"),
        ("../../etc/passwd,1,2", "'../../etc/passwd' is not a class id"), ("1,2,\u{0}", "'?' is not a class id"),
    ])
    func badClasses(text: String, problem: String) {
        let message = Self.message { _ = try Self.query([("classes", text)]).triplet(classCount: 10) }
        #expect(message?.contains(problem) == true, "\(message ?? "nil")")
    }

    @Test("unknown or repeated parameters, bad formats and axes are refused; axes default to independent")
    func others() throws {
        #expect(Self.message { _ = try Self.query([("path", "/etc/passwd")]) }?.contains("unknown parameter 'path'") == true)
        #expect(Self.message { _ = try Self.query([("x", "1")], allowed: []) }?.contains("this endpoint takes none") == true)
        #expect(Self.message { _ = try Self.query([("format", "svg"), ("format", "png")]) }?.contains("given twice") == true)
        #expect(Self.message { _ = try Self.query([("format", "gif")]).format() }?.contains("none of png, svg, pdf") == true)
        #expect(Self.message { _ = try Self.query([]).format() }?.contains("missing") == true)
        #expect(Self.message { _ = try Self.query([("axes", "diagonal")]).axes() }?.contains("none of shared, row, independent") == true)
        #expect(try Self.query([]).axes() == .independent && Self.query([("axes", "row")]).axes() == .row)
        #expect(try Self.query([("format", "pdf")]).format() == .pdf)
        // Echoed values are cut to 40 characters.
        #expect(ExplorerQuery.shown(String(repeating: "a", count: 100)) == String(repeating: "a", count: 40) + "…")
    }
}
