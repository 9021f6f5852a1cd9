import Foundation

/// Builds `.safetensors` files byte by byte, independently of penviz's reader.
enum SafetensorsBytes {
    /// The 8-byte header length (or `claimedLength`), the header bytes, then `data`.
    static func file(header: Data, data: Data = Data(), claimedLength: UInt64? = nil) -> Data {
        ZipFileBytes.le(claimedLength ?? UInt64(header.count)) + header + data
    }

    /// A file with the JSON text `json` as its header.
    static func file(json: String, data: Data = Data(), claimedLength: UInt64? = nil) -> Data {
        file(header: Data(json.utf8), data: data, claimedLength: claimedLength)
    }

    /// A valid file of little-endian float64 tensors, laid out one after another in the order given.
    static func float64(_ tensors: [(name: String, shape: [Int], values: [Double])]) -> Data {
        var entries: [String] = []
        var data = Data()
        for tensor in tensors {
            let begin = data.count
            for value in tensor.values { data += ZipFileBytes.le(value.bitPattern) }
            let shape = tensor.shape.map(String.init).joined(separator: ",")
            entries.append(#""\#(tensor.name)":{"dtype":"F64","shape":[\#(shape)],"data_offsets":[\#(begin),\#(data.count)]}"#)
        }
        return file(json: "{" + entries.joined(separator: ",") + "}", data: data)
    }
}
