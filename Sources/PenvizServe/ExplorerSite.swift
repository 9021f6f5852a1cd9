import Dispatch
import FlyingFox
import Foundation
import PenvizAnalysis
import PenvizCore
import PenvizRender

/// Every endpoint of `penviz serve` (README.md), behind the ``AccessGuard``.
///
/// The paths are fixed: the page's (``PageFiles``: `/`, and `/NAME` for each of its
/// scripts and styles, read at start-up and looked up by the exact path) and the
/// API's. Nothing in a request names a file on disk, and every query value is
/// checked (``ExplorerQuery``) before any work; a bad one is answered 400 with
/// `{"error": ...}`, a refused request 403, an unknown path 404, a method other
/// than GET 405. Work that takes more than a moment (panels, figures,
/// calibration) runs off Swift's cooperative threads, so that one long download
/// does not hold up the other requests.
struct ExplorerSite: HTTPHandler {
    let content: ExplorerContent
    let access: AccessGuard
    let page: PageFiles
    /// `/api/session`'s JSON, encoded once.
    let session: Data
    let calibration: CalibrationCache

    /// The page may load only its own scripts (ES modules), style and images, and be framed by nobody.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; "
        + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

    init(content: ExplorerContent, access: AccessGuard) throws {
        self.content = content
        self.access = access
        page = try PageFiles()
        session = try JSONEncoder().encode(SessionDocument(content))
        calibration = CalibrationCache(content.calibration)
    }

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        if let refusal = access.refusal(of: request) { return .error(.forbidden, refusal) }
        guard request.method == .GET else {
            return .error(.methodNotAllowed, "only GET is answered", headers: [HTTPHeader("Allow"): "GET"])
        }
        let items = request.query.map { (name: $0.name, value: $0.value) }
        do {
            if let file = page.files[request.path] {
                _ = try ExplorerQuery(items, allowed: [])
                let headers: HTTPHeaders = request.path == "/"
                    ? [HTTPHeader("Content-Security-Policy"): Self.contentSecurityPolicy, .setCookie: access.cookie] : [:]
                return .explorer(file.bytes, contentType: file.contentType, headers: headers)
            }
            switch request.path {
            case "/api/session":
                _ = try ExplorerQuery(items, allowed: [])
                return .explorer(session, contentType: "application/json")
            case "/api/panels":
                let triplet = try ExplorerQuery(items, allowed: ["classes"]).triplet(classCount: content.explorer.classCount)
                let explorer = content.explorer
                let message = try await Self.offPool { try PanelsMessage(explorer.panels(of: triplet), of: explorer) }
                return .explorer(Data(message.bytes), contentType: "application/octet-stream")
            case "/api/calibration":
                _ = try ExplorerQuery(items, allowed: [])
                let cache = calibration
                return try .json(try await Self.offPool { try cache.value() }.report)
            case "/api/calibration.svg":
                _ = try ExplorerQuery(items, allowed: [])
                let cache = calibration
                let svg = try await Self.offPool { try cache.value() }.svg
                return .explorer(Data(svg), contentType: "image/svg+xml")
            case "/api/figure":
                let query = try ExplorerQuery(items, allowed: ["classes", "format", "axes"])
                let triplet = try query.triplet(classCount: content.explorer.classCount)
                let format = try query.format(), axes = try query.axes()
                let figure = content.figure
                let bytes = try await Self.offPool { try figure(triplet, axes, format) }
                let name = "penviz-compare-\(triplet.ids.map(String.init).joined(separator: "-")).\(format.rawValue)"
                return .explorer(Data(bytes), contentType: Self.contentType(of: format),
                                 headers: [.contentDisposition: "attachment; filename=\"\(name)\""])
            default:
                return .error(.notFound, "no such page: the explorer answers /, /api/session, /api/panels, /api/calibration, /api/figure")
            }
        } catch let bad as BadRequest {
            return .error(.badRequest, bad.message)
        } catch let error as PenvizError {
            return .error(.badRequest, error.message)
        } catch {
            return .error(.internalServerError, "penviz could not answer: \(error)")
        }
    }

    static func contentType(of format: ImageFormat) -> String {
        switch format {
        case .png: "image/png"
        case .svg: "image/svg+xml"
        case .pdf: "application/pdf"
        }
    }

    /// `work` on a Dispatch thread, its result awaited.
    static func offPool<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try work() }) }
        }
    }
}
