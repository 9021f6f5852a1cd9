import Foundation
import PenvizAnalysis

/// The calibration of the session's runs, computed by the first request that
/// needs it and kept; requests that come meanwhile wait for that one computation.
final class CalibrationCache: @unchecked Sendable {
    private let compute: @Sendable () throws -> (report: CalibrationReport, svg: [UInt8])
    /// Guards ``result``; held while computing.
    private let lock = NSLock()
    private var result: Result<(report: CalibrationReport, svg: [UInt8]), any Error>?

    init(_ compute: @escaping @Sendable () throws -> (report: CalibrationReport, svg: [UInt8])) {
        self.compute = compute
    }

    /// The report and its diagrams as SVG (or, again, the error computing them).
    func value() throws -> (report: CalibrationReport, svg: [UInt8]) {
        try lock.withLock {
            if let result { return try result.get() }
            let computed = Result { try compute() }
            result = computed
            return try computed.get()
        }
    }
}
