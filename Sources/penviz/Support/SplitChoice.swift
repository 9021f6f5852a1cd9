import PenvizCore

/// Picks splits of a run by the names the user gave, or by DESIGN.md's defaults.
enum SplitChoice {
    /// The split named `name`, or by default `val` when the run has it, else its first split.
    static func one(_ name: String?, in run: Run) throws -> Split {
        if let name { return try run.requiredSplit(named: name) }
        return run.split(named: "val") ?? run.splits[0]
    }

    /// The splits named in `names` (comma-separated), or by default `train,val`
    /// when the run has both, else every split in the run's order.
    static func many(_ names: [String]?, in run: Run) throws -> [Split] {
        if let names { return try names.map { try one($0, in: run) } }
        if let train = run.split(named: "train"), let val = run.split(named: "val") { return [train, val] }
        return run.splits
    }
}
