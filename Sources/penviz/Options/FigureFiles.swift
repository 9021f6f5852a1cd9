import ArgumentParser
import PenvizCore
import PenvizIO
import PenvizRender
import PenvizReport

/// The files a command draws its figure to: `--out`, repeatable, the extension
/// of each picking its format, so one run of a command can write the same
/// figure as PNG and SVG (and PDF) from one read of the data.
struct FigureFiles: ParsableArguments {
    @Option(help: ArgumentHelp("Draw the figure to this file: .png, .svg or .pdf (missing folders are made); repeat for more formats.", valueName: "file"))
    var out: [String] = []

    /// Checks every extension and that no file is named twice, before any work,
    /// so a typo fails fast (exit 64) and writes nothing.
    func check() throws {
        for path in out { _ = try OutputPath(path, allowed: [.png, .svg, .pdf]) }
        if let twice = out.first(where: { path in out.filter { $0 == path }.count > 1 }) {
            throw PenvizError.usage("--out \(twice) is given twice")
        }
    }

    /// Throws the usage error of a command that draws nothing without `--out`.
    func requireOne() throws {
        if out.isEmpty { throw ValidationError("Missing expected argument '--out <file>'") }
    }

    /// Draws `figure` to every file, all of them or (on any failure) none.
    func write(_ figure: @autoclosure () throws -> Figure) throws {
        let batch = OutputBatch()
        try write(figure(), in: batch)
        try batch.commit()
    }

    /// Draws `figure` to every file in `batch`; they change when it is committed.
    func write(_ figure: @autoclosure () throws -> Figure, in batch: OutputBatch) throws {
        guard !out.isEmpty else { return }
        try figure().write(to: out, in: batch)
    }
}
