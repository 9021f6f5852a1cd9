import FlyingFox
import Foundation
import Testing

@testable import PenvizServe

/// ``AccessGuard``: which requests pass, checked on requests built in memory.
@Suite("Access guard")
struct AccessGuardTests {
    static let token = String(repeating: "ab", count: 16)

    static func request(query: [HTTPRequest.QueryItem] = [], headers: [HTTPHeader: String]) -> HTTPRequest {
        HTTPRequest(method: .GET, version: .http11, path: "/api/session", query: query, headers: headers, body: Data())
    }

    @Test("the token passes in the query, the header or the cookie among others; the Host must be the server's")
    func passes() {
        let guarding = AccessGuard(host: "127.0.0.1", port: 8765, token: Self.token)
        let host: [HTTPHeader: String] = [.host: "127.0.0.1:8765"]
        #expect(guarding.refusal(of: Self.request(query: [.init(name: "token", value: Self.token)], headers: host)) == nil)
        #expect(guarding.refusal(of: Self.request(headers: host.merging([AccessGuard.header: Self.token]) { a, _ in a })) == nil)
        #expect(guarding.refusal(of: Self.request(headers: host.merging([.cookie: "a=1; penviz_token=\(Self.token); b=2"]) { a, _ in a })) == nil)
        // Loopback also answers to localhost and [::1], in any letter case.
        for name in ["LOCALHOST:8765", "[::1]:8765"] {
            #expect(guarding.refusal(of: Self.request(headers: [.host: name, AccessGuard.header: Self.token])) == nil)
        }
    }

    @Test("a missing, short or wrong token, a foreign Host or Origin: refused, with the reason")
    func refuses() {
        let guarding = AccessGuard(host: "127.0.0.1", port: 8765, token: Self.token)
        let host: [HTTPHeader: String] = [.host: "127.0.0.1:8765"]
        let cases: [([HTTPHeader: String], String)] = [
            (host, "a valid token is needed"),
            (host.merging([AccessGuard.header: String(Self.token.dropLast())]) { a, _ in a }, "a valid token is needed"),
            (host.merging([.cookie: "penviz_token=\(String(repeating: "0", count: 32))"]) { a, _ in a }, "a valid token is needed"),
            ([.host: "127.0.0.1:8766", AccessGuard.header: Self.token], "answers only to"),
            ([.host: "evil.example:8765", AccessGuard.header: Self.token], "answers only to"),
            ([AccessGuard.header: Self.token], "answers only to"),
            (host.merging([AccessGuard.header: Self.token, HTTPHeader("Origin"): "http://evil.example"]) { a, _ in a }, "origin"),
            (host.merging([AccessGuard.header: Self.token, HTTPHeader("Origin"): "http://localhost:8765"]) { a, _ in a }, "origin"),
        ]
        for (headers, reason) in cases {
            #expect(guarding.refusal(of: Self.request(headers: headers))?.contains(reason) == true, "\(headers)")
        }
    }

    @Test("bound to every interface: any Host, still the token, and an Origin only of that Host")
    func everyInterface() {
        let guarding = AccessGuard(host: "0.0.0.0", port: 8765, token: Self.token)
        #expect(guarding.refusal(of: Self.request(headers: [.host: "box.example:8765", AccessGuard.header: Self.token])) == nil)
        #expect(guarding.refusal(of: Self.request(headers: [.host: "box.example:8765"])) != nil)
        #expect(guarding.refusal(of: Self.request(
            headers: [.host: "box.example:8765", AccessGuard.header: Self.token, HTTPHeader("Origin"): "http://other.example:8765"])) != nil)
    }

    @Test("tokens are 32 lowercase hex digits, a new one each time; equality is exact")
    func tokens() {
        let a = AccessGuard.randomToken(), b = AccessGuard.randomToken()
        #expect(a.count == 32 && a.allSatisfy { $0.isHexDigit && !$0.isUppercase } && a != b)
        #expect(AccessGuard.equal(a, a) && !AccessGuard.equal(a, b) && !AccessGuard.equal(a, String(a.dropLast())))
        #expect(AccessGuard(host: "::1", port: 1, token: a).cookie == "penviz_token=\(a); Path=/; HttpOnly; SameSite=Strict")
    }
}
