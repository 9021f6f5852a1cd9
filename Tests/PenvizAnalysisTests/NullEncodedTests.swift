import Foundation
import Testing

@testable import PenvizAnalysis

/// Absent values stay in the JSON as `null` and read back as nil.
@Suite("NullEncoded")
struct NullEncodedTests {
    struct Sample: Codable, Equatable {
        @NullEncoded var tightness: Double?
        @NullEncoded var name: String?
    }

    @Test("nil is written as null, not left out, and round-trips")
    func nullIsExplicit() throws {
        let sample = Sample(tightness: nil, name: "val")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(sample), as: UTF8.self)
        #expect(text == #"{"name":"val","tightness":null}"#)
        #expect(try JSONDecoder().decode(Sample.self, from: Data(text.utf8)) == sample)
        let full = Sample(tightness: 0.25, name: nil)
        #expect(try JSONDecoder().decode(Sample.self, from: encoder.encode(full)) == full)
    }
}
