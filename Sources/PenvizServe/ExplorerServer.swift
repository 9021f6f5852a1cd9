import FlyingFox
import FlyingSocks
import Foundation
import PenvizCore

/// The HTTP server of `penviz serve`: ``ExplorerContent`` behind the endpoints of
/// ``ExplorerSite``, on one address, until stopped.
///
/// ```swift
/// let server = try ExplorerServer(content: content, host: "127.0.0.1", port: 8765)
/// print(server.url)
/// try await server.run()
/// ```
public final class ExplorerServer: Sendable {
    /// The address as given.
    public let host: String
    /// The port listened on.
    public let port: UInt16
    /// The session's access token.
    public var token: String { access.token }
    private let access: AccessGuard
    private let server: HTTPServer

    /// A server for `content` on `host`:`port` (not yet listening).
    ///
    /// - Throws: ``PenvizError`` (usage) when `host` is not an IPv4 or IPv6 address;
    ///   an error when the page's files cannot be read.
    public init(content: ExplorerContent, host: String, port: UInt16, token: String? = nil) throws {
        access = AccessGuard(host: host, port: port, token: token ?? AccessGuard.randomToken())
        let site = try ExplorerSite(content: content, access: access)
        let address: any SocketAddress
        if host == "localhost" {
            address = try sockaddr_in.inet(ip4: "127.0.0.1", port: port)
        } else if let ip4 = try? sockaddr_in.inet(ip4: host, port: port) {
            address = ip4
        } else if let ip6 = try? sockaddr_in6.inet6(ip6: host, port: port) {
            address = ip6
        } else {
            throw PenvizError.usage("--host \(host) is not an IPv4 or IPv6 address (or localhost)")
        }
        self.host = host
        self.port = port
        server = HTTPServer(config: .init(address: address, timeout: Self.requestTimeout, logger: .disabled), handler: site)
    }

    /// The longest a request may take before it is answered 500: a download at
    /// ImageNet's size reads every row of the runs, as `penviz compare` does.
    static let requestTimeout: TimeInterval = 600

    /// The URL to open: the address with the token.
    public var url: String {
        let shown = host.contains(":") ? "[\(host)]" : host
        return "http://\(shown):\(port)/?token=\(token)"
    }

    /// Listens and answers until ``stop()`` (or the task is cancelled).
    public func run() async throws {
        try await server.run()
    }

    /// Returns once the server listens (at most `timeout` seconds).
    public func waitUntilListening(timeout: TimeInterval = 10) async throws {
        try await server.waitUntilListening(timeout: timeout)
    }

    /// Stops listening and lets the open connections finish.
    public func stop() async {
        await server.stop(timeout: 2)
    }
}
