import Foundation
import PenvizCore
import PenvizTestSupport
import Testing

@testable import PenvizAnalysis

/// `RunErasure`: Î from a run's augmented logits, against closed forms, and its errors.
@Suite("RunErasure")
struct ErasureRunTests {
    typealias Runs = CalibrationTestRuns

    /// A run of K = 3 classes whose augmented logits under `key` give the
    /// differences `f[x][l] = z_0 − z_2` (z_1 = 5, z_2 = 1 throughout), with the examples' `labels`.
    static func run(
        differences f: [[Double]], key: String = "train_logits_aug", source: String = "aug.npz", labels: [Double]? = nil
    ) throws -> AugmentedRun {
        try ErasureTestRuns.run(
            source: source, classCount: 3, augmented: [key: f.map { passes in passes.map { [1 + $0, 5, 1] } }],
            labels: labels.map { [key: $0] } ?? [:])
    }

    @Test("every example with the same mean difference: Î = 0")
    func identicalExamples() throws {
        let erasure = try RunErasure(
            label: "r", run: Self.run(differences: Array(repeating: [-1, 0.5, 2], count: 4)), key: "train_logits_aug",
            classA: 0, classB: 2)
        #expect(abs(erasure.estimate.information) < 1e-12)
        #expect(abs(erasure.estimate.maximum - log(4)) < 1e-15)
        #expect(erasure.differences == Matrix(Array(repeating: [-1, 0.5, 2], count: 4)))
    }

    @Test("two examples at μ = 0 and 2 with passes μ ± 1: Î = ln 2 − ½ (ln(1 + e⁻⁴) + ln 2)")
    func twoExamples() throws {
        // σ² = 1. A pass's own term is −½; the other example's is −(D ± 1)²/2 with D = 2,
        // i.e. −9/2 or −1/2, so each term is ln 2 − ln(1 + e^{½ − (D ± 1)²/2}).
        let erasure = try RunErasure(
            label: "r", run: Self.run(differences: [[-1, 1], [1, 3]]), key: "train_logits_aug", classA: 0, classB: 2)
        let expected: Double = log(2) - (log(1 + exp(-4)) + log(2)) / 2
        #expect(abs(erasure.estimate.information - expected) < 1e-14)
        #expect(erasure.estimate.variance == 1)
        #expect(erasure.estimate.exampleCount == 2 && erasure.estimate.passCount == 2)
    }

    @Test("examples far apart next to σ: Î = ln N")
    func separated() throws {
        let erasure = try RunErasure(
            label: "r", run: Self.run(differences: [[-1, 1], [999, 1001], [1999, 2001]]), key: "train_logits_aug",
            classA: 0, classB: 2)
        #expect(abs(erasure.estimate.information - log(3)) < 1e-12)
    }

    @Test("a missing key names the file and the key and lists the augmented keys the run has; a run of none is refused")
    func missingKey() throws {
        let run = try Self.run(differences: [[0, 1]], key: "val_logits_aug", source: "runs/a.npz")
        #expect(throws: PenvizError(.input, "runs/a.npz: key 'train_logits_aug': no such augmented logits; the run has val_logits_aug")) {
            try RunErasure(label: "r", run: run, key: "train_logits_aug", classA: 0, classB: 2)
        }
        #expect(throws: PenvizError(.input, "b.npz: no augmented logits found (the N×L×K logits of L augmented passes per example, saved as S_logits_aug)")) {
            try ErasureTestRuns.run(source: "b.npz", classCount: 3, augmented: [:])
        }
    }

    @Test("one pass per example leaves Î undefined: an input error naming the key")
    func onePass() throws {
        let run = try Self.run(differences: [[0], [1], [2]], source: "one.npz")
        do {
            _ = try RunErasure(label: "r", run: run, key: "train_logits_aug", classA: 0, classB: 2)
            Issue.record("expected an error")
        } catch let error as PenvizError {
            #expect(error.kind == .input)
            #expect(error.message.hasPrefix("one.npz: key 'train_logits_aug': ") && error.message.contains("σ² = 0"))
            #expect(error.message.contains("L ≥ 2"))
        }
    }

    @Test("a non-finite difference is an input error naming the example and pass")
    func nonFinite() throws {
        let run = try Self.run(differences: [[0, 1], [2, .nan]], source: "nan.npz")
        #expect(throws: PenvizError(.input, "nan.npz: key 'train_logits_aug': example 1, pass 1: z_a − z_b is not finite")) {
            try RunErasure(label: "r", run: run, key: "train_logits_aug", classA: 0, classB: 2)
        }
    }

    @Test("stored labels are kept when they are N class ids, refused otherwise")
    func labels() throws {
        func erasure(labels: [Double]) throws -> RunErasure {
            try RunErasure(
                label: "r", run: Self.run(differences: [[0, 1], [2, 4], [1, 1.5]], source: "l.npz", labels: labels),
                key: "train_logits_aug", classA: 0, classB: 2)
        }
        #expect(try erasure(labels: [0, 2, 1]).exampleLabels == [0, 2, 1])
        #expect(throws: PenvizError.self) { try erasure(labels: [0, 2]) }
        #expect(throws: PenvizError(.input, "l.npz: key 'train_logits_aug_labels': label 2 is 3.0, not a class id in 0…2")) {
            try erasure(labels: [0, 1, 3])
        }
    }
}
