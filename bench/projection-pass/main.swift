// bench/projection-pass: the in-process counterpart of bench/readpass.c for penviz's
// projection (issue 15, item 5).
//
//     projection-pass RUN
//
// Opens RUN as `penviz project` does, builds the plane of classes 0, 1 and 2, and times
// one streaming projection of every row of its first split (TemplatePlane.project(features:),
// on one thread a core): the pass from the mapped file to the points, without the process
// start, the label check or the output file. Prints the seconds, the rate over the
// features' bytes and a checksum, as readpass prints its own pass.
import Foundation
import PenvizAnalysis
import PenvizCore
import PenvizIO

guard CommandLine.arguments.count == 2 else {
    FileHandle.standardError.write(Data("usage: projection-pass RUN\n".utf8))
    exit(64)
}
let discovery = RunDiscovery(checksFeatures: false)
let run = try discovery.run(in: try openArchive(CommandLine.arguments[1]))
let split = run.splits[0]
let plane = try TemplatePlane(weight: run.weight, bias: run.bias, triplet: Triplet(0, 1, 2))
let bytes = Double(split.features.count * split.features.dtype.itemSize)

let start = DispatchTime.now().uptimeNanoseconds
let points = plane.project(features: split.features)
let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9

let checksum = points.reduce(0.0) { $0 + $1.p1 + $1.p2 }
print(String(format: "projection pass, %d threads: %.3f s, %.2f GB/s, checksum %.17g", RowBlocks.threadCount, seconds, bytes / seconds / 1e9, checksum))
