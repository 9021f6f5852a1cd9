import Foundation

/// A run written as a folder of `.npy` files in a fresh temporary directory.
///
/// The default run is small and solved by hand: K = 3 classes with templates
/// w = (0,0), (2,0), (0,2) and bias (0, 0, 2), so the bias-augmented templates
/// are (0,0,0), (2,0,0), (0,2,2); split `val` has four examples.
struct RunFolder {
    let directory: URL
    var run: URL { directory.appendingPathComponent("run") }

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("penviz-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("run"), withIntermediateDirectories: true)
        write("weight", NpyBytes.float64([0, 0, 2, 0, 0, 2], shape: [3, 2]))
        write("bias", NpyBytes.float64([0, 0, 2], shape: [3]))
        write("class_names", NpyBytes.unicode(["cat", "dog", "owl"]))
        write("val_features", NpyBytes.float64([1, 1, 2, 0, 0, 0, 5, 5], shape: [4, 2]))
        write("val_labels", NpyBytes.int64([0, 1, 0, 2], shape: [4]))
    }

    /// Writes (or replaces) the array `key` of the run.
    func write(_ key: String, _ data: Data) {
        FileManager.default.createFile(atPath: run.appendingPathComponent("\(key).npy").path, contents: data)
    }

    /// Removes the array `key` from the run.
    func remove(_ key: String) throws {
        try FileManager.default.removeItem(at: run.appendingPathComponent("\(key).npy"))
    }

    /// A path in the temporary directory.
    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    func cleanUp() { try? FileManager.default.removeItem(at: directory) }
}
