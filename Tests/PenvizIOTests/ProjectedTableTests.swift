import Foundation
import PenvizCore
import PenvizIO
import Testing

/// ``ProjectedTable`` streams its CSV and `.npy` a block of rows at a time: the
/// files are the same whatever the block size.
struct ProjectedTableTests {
    /// A float64 array of `shape` holding `values`.
    private func view(_ values: [Double], shape: [Int]) throws -> ArrayView {
        let bytes = values.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init) }
        return try ArrayView(shape: shape, dtype: .float64, byteOrder: .little, storage: ByteStorage(copying: bytes))
    }

    /// K = 3, D = 2, split `val` of five rows labelled 2, 0, 1, 0, 2; class 0's name needs quotes.
    private func table() throws -> ProjectedTable {
        let parts = RunParts(
            source: "run.npz", name: "run",
            weight: NamedArray(key: "weight", array: try view([1, 0, 0, 1, 1, 1], shape: [3, 2])),
            bias: nil, classNames: ("class_names", ["cat, dog", "owl", "bat"]), labelSmoothing: nil,
            splits: [RunParts.SplitParts(
                name: "val", features: NamedArray(key: "val_features", array: try view((0..<10).map(Double.init), shape: [5, 2])),
                labels: NamedArray(key: "val_labels", array: try view([2, 0, 1, 0, 2], shape: [5])), logits: nil)])
        let run = try Run(parts: parts)
        let plane = try TemplatePlane(weight: run.weight, bias: run.bias, triplet: Triplet(0, 1, 2))
        let points = [PlanePoint(p1: 0.5, p2: -1), PlanePoint(p1: 1e-300, p2: 2), PlanePoint(p1: -0.0, p2: 3.25)]
        return ProjectedTable(run: run, split: run.splits[0], plane: plane, rows: [4, 1, 2], points: points)
    }

    @Test("the CSV is the same text at every block size")
    func csv() throws {
        let folder = try TemporaryFolder()
        let expected = "index,label,class,p1,p2\n4,2,bat,0.5,-1.0\n1,0,\"cat, dog\",1e-300,2.0\n2,1,owl,-0.0,3.25\n"
        for blockRows in [1, 2, 3, 100] {
            let path = folder.file("coords-\(blockRows).csv")
            try table().writeCSV(to: path, blockRows: blockRows)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == expected, "block \(blockRows)")
        }
    }

    @Test("the .npy holds index, label, p1, p2 a row, at every block size")
    func npy() throws {
        let folder = try TemporaryFolder()
        let expected = NpyWriter.encode(float64: [4, 2, 0.5, -1, 1, 0, 1e-300, 2, 2, 1, -0.0, 3.25], shape: [3, 4])
        for blockRows in [1, 2, 3, 100] {
            let path = folder.file("coords-\(blockRows).npy")
            try table().writeNpy(to: path, blockRows: blockRows)
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == expected, "block \(blockRows)")
        }
    }
}
