import Foundation
import Testing

/// `penviz serve` end to end: the built binary serving ``RunFolder`` (twice, as runs
/// `a` and `b`) on a loopback port, asked over a bare socket (``LoopbackHTTP``).
///
/// The run is solved by hand: templates t_0 = (0,0,0), t_1 = (2,0,0), t_2 = (0,2,2)
/// span the plane with o = (2/3, 2/3, 2/3), e1 = (1,0,0), e2 = (0,1,1)/√2, so the
/// example x lands at p = (x₁ − 2/3, (x₂ − 1/3)/√2); its logits are z = (0, 2x₁, 2x₂ + 2).
@Suite("penviz serve", .serialized)
struct ServeCommandTests {
    /// A running `penviz serve` and what it printed.
    final class Server {
        let folder: RunFolder
        /// Where the served run is.
        let runPath: String
        let child: ChildProcess
        let port: UInt16
        let token: String

        /// `penviz serve RUN RUN --labels a,b extra…` on a fresh ``RunFolder``, the run at `runName` in its folder.
        init(runName: String = "run", extra: [String] = []) throws {
            folder = try RunFolder()
            let run = folder.path(runName)
            if runName != "run" { try FileManager.default.moveItem(atPath: folder.run.path, toPath: run) }
            runPath = run
            port = try LoopbackHTTP.freePort()
            let output = folder.path("serve.out")
            child = try ChildProcess(["serve", run, run, "--labels", "a,b", "--port", String(port)] + extra, stdout: output)
            var printed = ""
            for _ in 0..<600 where !printed.contains("token=") && child.isRunning {
                Thread.sleep(forTimeInterval: 0.1)
                printed = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
            }
            guard let range = printed.range(of: #"token=[0-9a-f]{32}"#, options: .regularExpression) else {
                child.send(SIGKILL)
                _ = child.wait()
                throw POSIXError(.ETIMEDOUT)
            }
            token = String(printed[range].dropFirst("token=".count))
            #expect(printed.hasPrefix("penviz serve: http://\(extra.last ?? "127.0.0.1"):\(port)/?token="))
        }

        /// GET `path` with the token in the header (unless `token` is false), plus `headers`.
        func get(_ path: String, token: Bool = true, headers: [String: String] = [:]) throws -> LoopbackHTTP.Response {
            try LoopbackHTTP.request(port: port, path, headers: headers.merging(token ? ["X-Penviz-Token": self.token] : [:]) { a, _ in a })
        }

        /// Ctrl-C, and how the process ended.
        func stop() -> ChildProcess.Ending {
            child.send(SIGINT)
            let ending = child.wait()
            folder.cleanUp()
            return ending
        }
    }

    static func json(_ response: LoopbackHTTP.Response) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: response.body) as! [String: Any]
    }

    @Test("the session: classes, runs, whole-split metrics as compare's JSON, the suggestions")
    func session() throws {
        let server = try Server()
        defer { #expect(server.stop().status == 0) }
        let response = try server.get("/api/session")
        #expect(response.status == 200 && response.headers["content-type"] == "application/json")
        let session = try Self.json(response)
        #expect(session["classes"] as? [String] == ["cat", "dog", "owl"])
        #expect(session["splits"] as? [String] == ["val"] && session["initial"] as? [Int] == [0, 1, 2])
        let runs = session["runs"] as! [[String: Any]]
        #expect(runs.map { $0["label"] as? String } == ["a", "b"])
        let split = (runs[0]["splits"] as! [[String: Any]])[0]
        #expect(split["n"] as? Int == 4 && split["shown"] as? Int == 4)
        // Predictions (owl, dog, owl, owl) against labels (cat, dog, cat, owl): accuracy 1/2.
        #expect((split["metrics"] as! [String: Any])["accuracy"] as? Double == 0.5)
        let suggestions = session["suggestions"] as! [String: Any]
        #expect(((suggestions["similar"] as! [[String: Any]])[0]["ids"] as? [Int]) == [0, 1, 2])
        #expect((session["command"] as? String)?.hasPrefix("penviz compare \(server.runPath) \(server.runPath) --labels a,b") == true)
    }

    @Test("a triplet's panels: each point where the plane puts it, with its class, prediction and confidence")
    func panels() throws {
        let server = try Server()
        defer { #expect(server.stop().status == 0) }
        let response = try server.get("/api/panels?classes=0,1,2")
        #expect(response.status == 200 && response.headers["content-type"] == "application/octet-stream")
        let bytes = [UInt8](response.body)
        func word(_ offset: Int) -> UInt32 { bytes[offset..<(offset + 4)].reversed().reduce(0) { $0 << 8 | UInt32($1) } }
        let headerLength = Int(word(0))
        #expect(headerLength % 4 == 0)
        let header = try JSONSerialization.jsonObject(with: Data(bytes[4..<(4 + headerLength)])) as! [String: Any]
        let panels = header["panels"] as! [[String: Any]]
        #expect(panels.map { "\($0["run"]!)·\($0["split"]!)" } == ["a·val", "b·val"])
        #expect(panels.allSatisfy { $0["count"] as? Int == 4 && $0["rows"] as? Int == 4 && $0["examples"] as? Int == 4 })
        #expect(bytes.count == 4 + headerLength + 2 * 6 * 4 * 4)
        let features: [(Double, Double)] = [(1, 1), (2, 0), (0, 0), (5, 5)]
        let z = features.map { [0, 2 * $0.0, 2 * $0.1 + 2] }
        var offset = 4 + headerLength
        func floats() -> [Double] { defer { offset += 16 }; return (0..<4).map { Double(Float(bitPattern: word(offset + 4 * $0))) } }
        func ints() -> [Int] { defer { offset += 16 }; return (0..<4).map { Int(Int32(bitPattern: word(offset + 4 * $0))) } }
        for _ in panels {
            let x = floats(), y = floats(), labels = ints(), predicted = ints(), confidence = floats(), examples = ints()
            for (i, feature) in features.enumerated() {
                #expect(abs(x[i] - (feature.0 - 2.0 / 3)) < 1e-6 && abs(y[i] - (feature.1 - 1.0 / 3) / 2.0.squareRoot()) < 1e-6)
                #expect(abs(confidence[i] - exp(z[i].max()!) / z[i].map(exp).reduce(0, +)) < 1e-6)
            }
            #expect(labels == [0, 1, 0, 2] && predicted == [2, 1, 2, 2] && examples == [0, 1, 2, 3])
        }
        let tightness = ((panels[0]["metrics"] as! [String: Any])["tightness"] as! Double)
        // Spreads: cat at p = (1/3, ·) and (−2/3, ·), 1/2·‖(1, 1/√2)‖ from their centroid; dog and owl one point each.
        let separation = (2 + 8.0.squareRoot() + 12.0.squareRoot()) / 3
        #expect(abs(tightness - (0.5 * 1.5.squareRoot() / 3) / separation) < 1e-6)
    }

    @Test("the downloaded figure has the bytes penviz compare writes; the calibration those of penviz calibrate")
    func sameAsTheCommandLine() throws {
        let server = try Server()
        defer { #expect(server.stop().status == 0) }
        for (format, axes) in [("svg", "independent"), ("png", "shared"), ("pdf", "row")] {
            let response = try server.get("/api/figure?classes=2,0,1&format=\(format)&axes=\(axes)")
            #expect(response.status == 200, "\(response.errorMessage ?? "")")
            #expect(response.headers["content-disposition"] == "attachment; filename=\"penviz-compare-2-0-1.\(format)\"")
            let out = server.folder.path("compare.\(format)")
            let cli = try PenvizProcess.run(
                ["compare", server.runPath, server.runPath, "--labels", "a,b", "--classes", "2,0,1", "--axes", axes, "--out", out])
            #expect(cli.status == 0, "\(cli.stderr)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == response.body, "\(format) differs from penviz compare's")
        }
        let metrics = server.folder.path("calibration.json"), diagrams = server.folder.path("reliability.svg")
        let cli = try PenvizProcess.run(
            ["calibrate", server.runPath, server.runPath, "--labels", "a,b", "--metrics", metrics, "--out", diagrams])
        #expect(cli.status == 0, "\(cli.stderr)")
        let served = try Self.json(try server.get("/api/calibration"))
        let written = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: metrics))) as! [String: Any]
        #expect(NSDictionary(dictionary: served).isEqual(to: written.filter { $0.key != "figure_style" }), "\(served) against \(written)")
        #expect(try server.get("/api/calibration.svg").body == Data(contentsOf: URL(fileURLWithPath: diagrams)))
    }

    @Test("the page and its files are served; the token in the URL becomes an HttpOnly cookie")
    func page() throws {
        let server = try Server()
        defer { #expect(server.stop().status == 0) }
        let page = try server.get("/?token=\(server.token)", token: false)
        #expect(page.status == 200 && page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.headers["set-cookie"] == "penviz_token=\(server.token); Path=/; HttpOnly; SameSite=Strict")
        #expect(page.headers["content-security-policy"]?.contains("default-src 'none'") == true)
        #expect(String(decoding: page.body, as: UTF8.self).contains("/explorer.js"))
        let script = try server.get("/explorer.js", token: false, headers: ["Cookie": "other=1; penviz_token=\(server.token)"])
        #expect(script.status == 200 && script.headers["content-type"] == "text/javascript; charset=utf-8" && !script.body.isEmpty)
        #expect(try server.get("/explorer.css").status == 200)
        // Every module the entry imports, and every module those import, is served as JavaScript.
        let imports = try Regex(#"from '\./([a-z][a-z0-9-]*\.js)';"#)
        var seen: Set<String> = ["explorer.js"], queue = [script]
        while let module = queue.popLast() {
            for match in String(decoding: module.body, as: UTF8.self).matches(of: imports) {
                let name = String(match.output[1].substring!)
                guard seen.insert(name).inserted else { continue }
                let response = try server.get("/\(name)")
                #expect(response.status == 200 && response.headers["content-type"] == "text/javascript; charset=utf-8", "\(name)")
                queue.append(response)
            }
        }
        #expect(seen.count > 1, "explorer.js imports no module")
    }

    @Test("without the token, or from another host or origin: 403")
    func access() throws {
        let server = try Server()
        defer { #expect(server.stop().status == 0) }
        let refused: [LoopbackHTTP.Response] = [
            try server.get("/api/session", token: false),
            try server.get("/api/session", token: false, headers: ["X-Penviz-Token": String(repeating: "0", count: 32)]),
            try server.get("/?token=\(server.token.dropLast())", token: false),
            try server.get("/api/session", headers: ["Host": "evil.example:\(server.port)"]),
            try server.get("/api/session", headers: ["Host": "127.0.0.1:1"]),
            try server.get("/api/session", headers: ["Origin": "http://evil.example"]),
            try server.get("/api/session", headers: ["Origin": "http://127.0.0.1:1"]),
        ]
        for response in refused {
            #expect(response.status == 403 && response.errorMessage != nil, "\(response.status)")
        }
        #expect(try server.get("/api/session", headers: ["Host": "localhost:\(server.port)", "Origin": "http://localhost:\(server.port)"]).status == 200)
    }

    @Test("bound to every interface it takes any Host, but still the token, and an Origin only of that Host")
    func everyInterface() throws {
        let server = try Server(extra: ["--host", "0.0.0.0"])
        defer { #expect(server.stop().status == 0) }
        let host = "workstation.example:\(server.port)"
        #expect(try server.get("/api/session", headers: ["Host": host, "Origin": "http://\(host)"]).status == 200)
        #expect(try server.get("/api/session", token: false, headers: ["Host": host]).status == 403)
        #expect(try server.get("/api/session", headers: ["Host": host, "Origin": "http://evil.example"]).status == 403)
    }

    @Test("bad parameters are answered 400 with a JSON error, unknown paths 404, other methods 405; the server stays up")
    func badRequests() throws {
        let server = try Server()
        defer { #expect(server.stop().status == 0) }
        let bad = [
            "/api/panels", "/api/panels?classes=0,1", "/api/panels?classes=0,1,3", "/api/panels?classes=0,0,1",
            "/api/panels?classes=0,1,99999999999999999999", "/api/panels?classes=-1,0,1", "/api/panels?classes=0,1,2&classes=0,1,2",
            "/api/panels?classes=../../etc/passwd", "/api/panels?classes=0,1,2&path=/etc/passwd", "/api/panels?classes=0,1,%00",
            "/api/figure?classes=0,1,2", "/api/figure?classes=0,1,2&format=gif", "/api/figure?classes=0,1,2&format=svg&axes=diagonal",
            "/api/session?x=1",
        ]
        for target in bad {
            let response = try server.get(target)
            #expect(response.status == 400 && response.errorMessage?.isEmpty == false, "\(target): \(response.status)")
        }
        #expect(try server.get("/api/panels?classes=0,1,3").errorMessage == "classes: 3 is not a class id (0–2)")
        for target in ["/etc/passwd", "/../../etc/passwd", "/api/../../etc/passwd", "/Page/index.html", "/api/panels/0,1,2"] {
            #expect(try server.get(target).status == 404, "\(target)")
        }
        #expect(try LoopbackHTTP.request(port: server.port, "/api/session", method: "POST", headers: ["X-Penviz-Token": server.token]).status == 405)
        #expect(try server.get("/api/session").status == 200)
    }

    @Test("the session's command line reads back in a shell as the same words, and draws the downloaded figure")
    func commandLine() throws {
        let server = try Server(runName: "it's a \"run\" $HOME")
        defer { #expect(server.stop().status == 0) }
        let command = try Self.json(try server.get("/api/session"))["command"] as! String
        #expect(command == "penviz compare 'RUN' 'RUN' --labels a,b".replacingOccurrences(
            of: "RUN", with: server.runPath.replacingOccurrences(of: "'", with: "'\\''")))
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = ["-c", #"penviz() { "$PENVIZ" "$@"; }; "# + command + " --classes 1,2,0 --out fig.svg"]
        shell.environment = ["PENVIZ": PenvizProcess.executable.path, "PATH": "/usr/bin:/bin", "HOME": "/nowhere"]
        shell.currentDirectoryURL = server.folder.directory
        try shell.run()
        shell.waitUntilExit()
        #expect(shell.terminationStatus == 0)
        let figure = try server.get("/api/figure?classes=1,2,0&format=svg")
        #expect(try Data(contentsOf: server.folder.directory.appendingPathComponent("fig.svg")) == figure.body)
    }

    @Test("one run is a usage error: the page's downloads and command are penviz compare's, which takes two or more")
    func oneRun() throws {
        let folder = try RunFolder()
        defer { folder.cleanUp() }
        let result = try PenvizProcess.run(["serve", folder.run.path])
        #expect(result.status == 64 && result.stderr.contains("serve needs at least two runs, got 1"), "\(result.stderr)")
    }

    @Test("a port in use is an error naming it; no URL is printed")
    func portInUse() throws {
        let server = try Server()
        defer { #expect(server.stop().status == 0) }
        let second = try PenvizProcess.run(["serve", server.runPath, server.runPath, "--labels", "a,b", "--port", String(server.port)])
        #expect(second.status == 64 && second.stderr.contains("error: cannot serve on 127.0.0.1:\(server.port)"), "\(second.stderr)")
        #expect(!second.stdout.contains("token="))
    }
}
