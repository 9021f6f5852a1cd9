import ArgumentParser
import Foundation
import PenvizCore

/// The `penviz` command: subcommands for each job, and one place where errors
/// become an `error:` line and an exit status (0 success, 1 bad input or
/// failure, 64 usage).
@main
struct Penviz: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "penviz",
        abstract: "Show what label smoothing does to a network's penultimate layer.",
        discussion: """
            penviz reads a run saved from a trained model (.npz, .safetensors or a \
            folder of .npy files with the final-layer weight and bias, and features, \
            labels and logits per split), projects the penultimate activations onto \
            the plane through three class templates (Müller, Kornblith & Hinton 2019), \
            and draws and measures what it finds.

            Exit status: 0 success, 1 bad input or failure, 64 usage error.
            """,
        version: "0.1.0",
        subcommands: [Inspect.self, Project.self, Plot.self, Compare.self, Calibrate.self, Erasure.self, Collapse.self, Report.self, Serve.self]
    )

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as PenvizError {
            Diagnostics.error(error.message)
            Foundation.exit(error.exitCode)
        } catch {
            let code = exitCode(for: error)
            if code == .success || error is CleanExit {
                exit(withError: error)
            }
            Diagnostics.error(message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)")
            Foundation.exit(code.rawValue == ExitCode.validationFailure.rawValue ? 64 : code.rawValue)
        }
    }
}
