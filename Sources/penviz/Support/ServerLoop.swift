import Dispatch
import Foundation
import PenvizCore
import PenvizServe

/// Runs an ``ExplorerServer`` from the synchronous command line: prints its URL
/// once it listens (and opens it, when asked), and on SIGINT or SIGTERM stops it
/// and returns, so that Ctrl-C ends `penviz serve` with status 0.
struct ServerLoop {
    let server: ExplorerServer
    let opensBrowser: Bool

    /// Serves until a signal; throws when the server cannot listen.
    func run() throws {
        let finished = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        let server = server
        Task.detached {
            do { try await server.run() } catch { outcome.record(error) }
            finished.signal()
        }
        var sources: [any DispatchSourceSignal] = []
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                outcome.stopRequested()
                Task.detached { await server.stop() }
            }
            source.resume()
            sources.append(source)
        }
        let opensBrowser = opensBrowser
        Task.detached {
            guard (try? await server.waitUntilListening()) != nil else { return }
            FileHandle.standardOutput.write(Data("penviz serve: \(server.url)\n(Ctrl-C stops the server)\n".utf8))
            if opensBrowser { Self.open(server.url) }
        }
        finished.wait()
        sources.forEach { $0.cancel() }
        if let error = outcome.error, !outcome.isStopping {
            throw PenvizError.usage("cannot serve on \(server.host):\(server.port): \(error)")
        }
        Diagnostics.note("penviz serve: stopped")
    }

    /// Opens `url` with the desktop's opener (`xdg-open` on Linux, `open` on macOS), quietly.
    private static func open(_ url: String) {
        #if os(macOS)
        let opener = "/usr/bin/open"
        #else
        let opener = "/usr/bin/xdg-open"
        #endif
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opener)
        process.arguments = [url]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { Diagnostics.note("could not open a browser (\(opener)): open \(url) yourself") }
    }

    /// What happened to the server, written from its task and read after it ends.
    private final class Outcome: @unchecked Sendable {
        private let lock = NSLock()
        private var stopping = false
        private var failure: (any Error)?

        func record(_ error: any Error) { lock.withLock { failure = error } }
        func stopRequested() { lock.withLock { stopping = true } }
        var error: (any Error)? { lock.withLock { failure } }
        var isStopping: Bool { lock.withLock { stopping } }
    }
}
