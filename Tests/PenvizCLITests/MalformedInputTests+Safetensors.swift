import Foundation

/// Broken and hostile `.safetensors` runs.
extension MalformedInputTests {
    /// One tensor entry of a header.
    static func entry(_ name: String, dtype: String = "F64", shape: String, offsets: String) -> String {
        #""\#(name)":{"dtype":"\#(dtype)","shape":\#(shape),"data_offsets":\#(offsets)}"#
    }

    static let safetensorsCases: [Case] = [
        .runFile("a header length past the end of the file", pathExtension: "safetensors", mustSay: ["header length 4096 runs past the end of the file"]) { _ in
            SafetensorsBytes.file(json: "{}", claimedLength: 4096)
        },
        .runFile("a header length near 2^64", pathExtension: "safetensors", mustSay: ["header length 18446744073709551615 exceeds the format's limit"]) { _ in
            SafetensorsBytes.file(json: "{}", claimedLength: .max)
        },
        .runFile("a file shorter than the length field", pathExtension: "safetensors", mustSay: ["5 bytes are too few for a safetensors file"]) { _ in
            Data([1, 2, 3, 4, 5])
        },
        .runFile("a header that is a JSON array", pathExtension: "safetensors", mustSay: ["header is not a JSON object"]) { _ in
            SafetensorsBytes.file(json: #"[{"weight": 1}]"#)
        },
        .runFile("a header that is not JSON", pathExtension: "safetensors", mustSay: ["header is not valid JSON"]) { _ in
            SafetensorsBytes.file(json: #"{"weight": {"dtype": "F64", "#)
        },
        .runFile("a header that is not UTF-8", pathExtension: "safetensors", mustSay: ["header is not valid UTF-8"]) { _ in
            SafetensorsBytes.file(header: Data(#"{"a":""#.utf8) + Data([0xC3, 0x28]) + Data(#""}"#.utf8))
        },
        .runFile("a header that repeats a key", pathExtension: "safetensors", mustSay: ["header repeats the key 'weight'"]) { _ in
            let tensor = entry("weight", shape: "[3,2]", offsets: "[0,48]")
            return SafetensorsBytes.file(json: "{\(tensor),\(tensor)}", data: Data(count: 48))
        },
        .runFile("overlapping data offsets", pathExtension: "safetensors", mustSay: ["key 'weight'", "its data overlaps the data of 'bias'"]) { _ in
            let json = "{\(entry("bias", shape: "[3]", offsets: "[0,24]")),\(entry("weight", shape: "[3,2]", offsets: "[16,64]"))}"
            return SafetensorsBytes.file(json: json, data: Data(count: 64))
        },
        .runFile("a gap between tensors", pathExtension: "safetensors", mustSay: ["key 'weight'", "8 bytes before it belong to no tensor (a gap in data_offsets)"]) { _ in
            let json = "{\(entry("bias", shape: "[3]", offsets: "[0,24]")),\(entry("weight", shape: "[3,2]", offsets: "[32,80]"))}"
            return SafetensorsBytes.file(json: json, data: Data(count: 80))
        },
        .runFile("data offsets past the data", pathExtension: "safetensors", mustSay: ["key 'weight'", "data_offsets end at 48 but the data buffer holds 40 bytes (truncated?)"]) { _ in
            SafetensorsBytes.file(json: "{\(entry("weight", shape: "[3,2]", offsets: "[0,48]"))}", data: Data(count: 40))
        },
        .runFile("data offsets that are not an interval", pathExtension: "safetensors", mustSay: ["key 'weight'", "data_offsets [48, 0] are not an interval"]) { _ in
            SafetensorsBytes.file(json: "{\(entry("weight", shape: "[3,2]", offsets: "[48,0]"))}", data: Data(count: 48))
        },
        .runFile("a negative extent", pathExtension: "safetensors", mustSay: ["key 'weight'", "shape [-3, 2] is negative"]) { _ in
            SafetensorsBytes.file(json: "{\(entry("weight", shape: "[-3,2]", offsets: "[0,48]"))}", data: Data(count: 48))
        },
        .runFile("an 8-bit float dtype", pathExtension: "safetensors", mustSay: ["key 'weight'", "dtype F8_E4M3 is not supported"]) { _ in
            SafetensorsBytes.file(json: "{\(entry("weight", dtype: "F8_E4M3", shape: "[3,2]", offsets: "[0,6]"))}", data: Data(count: 6))
        },
        .runFile("metadata that is not strings", pathExtension: "safetensors", mustSay: ["__metadata__ must map strings to strings"]) { _ in
            SafetensorsBytes.file(json: #"{"__metadata__":{"alpha":0.1}}"#)
        },
        .runFile("a safetensors run with an infinite weight", pathExtension: "safetensors", mustSay: ["key 'weight'", "weight row 1 holds a non-finite value"]) { _ in
            SafetensorsBytes.float64([
                ("weight", [3, 2], [0, 0, 2, -.infinity, 0, 2]),
                ("val_features", [2, 2], [1, 1, 2, 0]), ("val_labels", [2], [0, 1]),
            ])
        },
    ]
}
