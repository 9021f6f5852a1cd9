import FlyingFox
import Foundation

/// Who may talk to the explorer: requests that carry the session's token (as
/// `?token=`, the `penviz_token` cookie or the `X-Penviz-Token` header), name the
/// server's own address as `Host`, and, when they send an `Origin`, come from a
/// page of that address. The same checks as a Jupyter server's: another web page
/// open in the browser, or a DNS-rebinding name, gets 403.
///
/// A server bound to every interface (`0.0.0.0`, `::`) cannot know the names it is
/// reached by: it takes any `Host`, and an `Origin` only when it names that `Host`;
/// the token is still required.
struct AccessGuard: Sendable {
    /// The session's secret: 32 hex digits from the system's random source.
    let token: String
    /// `host:port` values a request's `Host` may be; nil takes any.
    let hosts: Set<String>?

    /// The cookie that carries the token once the page is loaded.
    static let cookieName = "penviz_token"
    /// The header a script may carry the token in instead.
    static let header = HTTPHeader("X-Penviz-Token")

    /// A guard for a server listening on `host`:`port`; loopback also answers to `localhost`.
    init(host: String, port: UInt16, token: String = AccessGuard.randomToken()) {
        self.token = token
        if ["0.0.0.0", "::"].contains(host) {
            hosts = nil
            return
        }
        let loopback = ["127.0.0.1", "localhost", "::1"].contains(host)
        let names = loopback ? ["127.0.0.1", "localhost", "[::1]"] : [host.contains(":") ? "[\(host)]" : host]
        hosts = Set(names.map { "\($0):\(port)" })
    }

    /// 128 random bits as 32 lowercase hex digits.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in String(format: "%016llx", generator.next() as UInt64) }.joined()
    }

    /// Why `request` is refused, or nil when it may pass.
    func refusal(of request: HTTPRequest) -> String? {
        guard let host = request.headers[.host]?.lowercased(), hosts?.contains(host) ?? true else {
            return "this server answers only to \((hosts ?? []).sorted().joined(separator: ", ")) as its Host"
        }
        if let origin = request.headers[HTTPHeader("Origin")], origin.lowercased() != "http://\(host)" {
            return "requests from the origin '\(origin)' are not allowed"
        }
        guard let given = Self.token(of: request), Self.equal(given, token) else {
            return "a valid token is needed: open the URL penviz serve printed"
        }
        return nil
    }

    /// The token a request carries: query, header or cookie, in that order.
    static func token(of request: HTTPRequest) -> String? {
        if let value = request.query["token"] { return value }
        if let value = request.headers[header] { return value }
        for cookies in request.headers.values(for: .cookie) {
            for pair in cookies.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2, parts[0] == cookieName { return parts[1] }
            }
        }
        return nil
    }

    /// Compares in time that depends only on the lengths, not on where the strings differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// The `Set-Cookie` value that lets the page's own requests carry the token.
    var cookie: String {
        "\(Self.cookieName)=\(token); Path=/; HttpOnly; SameSite=Strict"
    }
}
