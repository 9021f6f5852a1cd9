import FlyingFox
import Foundation

extension HTTPResponse {
    /// Headers on every answer: never cached (the token is in the session), never sniffed, no referrer.
    static func standardHeaders(contentType: String) -> HTTPHeaders {
        [.contentType: contentType, .cacheControl: "no-store", HTTPHeader("X-Content-Type-Options"): "nosniff",
         HTTPHeader("Referrer-Policy"): "no-referrer"]
    }

    /// 200 with `bytes` of `contentType`, plus `headers`.
    static func explorer(_ bytes: Data, contentType: String, headers: HTTPHeaders = [:]) -> HTTPResponse {
        var all = standardHeaders(contentType: contentType)
        for (header, value) in headers { all[header] = value }
        return HTTPResponse(statusCode: .ok, headers: all, body: bytes)
    }

    /// 200 with `value` as JSON.
    static func json(_ value: some Encodable) throws -> HTTPResponse {
        explorer(try JSONEncoder().encode(value), contentType: "application/json")
    }

    /// `status` with `{"error": message}`.
    static func error(_ status: HTTPStatusCode, _ message: String, headers: HTTPHeaders = [:]) -> HTTPResponse {
        var all = standardHeaders(contentType: "application/json")
        for (header, value) in headers { all[header] = value }
        let body = (try? JSONEncoder().encode(["error": message])) ?? Data("{\"error\":\"\"}".utf8)
        return HTTPResponse(statusCode: status, headers: all, body: body)
    }
}
