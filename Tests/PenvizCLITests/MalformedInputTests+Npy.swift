import Foundation

/// Broken and hostile `.npy` files, as members of a run folder or listed by `penviz inspect`.
extension MalformedInputTests {
    /// A header dict in NumPy's spelling.
    static func header(descr: String = "'<f8'", fortranOrder: String = "False", shape: String) -> String {
        "{'descr': \(descr), 'fortran_order': \(fortranOrder), 'shape': \(shape), }"
    }

    /// A valid `.npy` with one byte changed.
    static func patched(_ bytes: Data, at offset: Int, to value: UInt8) -> Data {
        var copy = bytes
        copy[offset] = value
        return copy
    }

    /// A protocol-0 pickle that, if unpickled, would call `posix.system("touch MARKER")`.
    static func commandPickle(_ run: RunFolder) -> Data {
        Data("cposix\nsystem\n(S'touch \(marker(run))'\ntR.".utf8)
    }

    static let weight = NpyBytes.float64([0, 0, 2, 0, 0, 2], shape: [3, 2])

    static let npyCases: [Case] = [
        .member("cut inside the header", "weight.npy", mustSay: ["header claims 128 bytes but only 40 are there"]) { _ in
            weight.prefix(40)
        },
        .member("cut inside the preamble", "bias.npy", mustSay: ["7 bytes are too few for a .npy header"]) { _ in
            NpyBytes.float64([0, 0, 2], shape: [3]).prefix(7)
        },
        .member("a version 2.0 header length of 2^32 − 1", "bias.npy", mustSay: ["header claims 4294967295 bytes", "over 1048576 bytes"]) { _ in
            Data([0x93]) + Data("NUMPY".utf8) + Data([2, 0, 0xFF, 0xFF, 0xFF, 0xFF]) + Data("{}".utf8)
        },
        .member("a shape extent beyond 64 bits", "val_features.npy", mustSay: ["integer too large"]) { _ in
            NpyBytes.file(header: header(shape: "(99999999999999999999, 2)"), data: Data(count: 64))
        },
        .member("a negative extent", "val_features.npy", mustSay: ["negative dimension -4"]) { _ in
            NpyBytes.file(header: header(shape: "(-4, 2)"), data: Data(count: 64))
        },
        .member("an absurd shape on a tiny file", "val_features.npy", mustSay: ["header describes 16000000000000 data bytes but only 64 follow it"]) { _ in
            NpyBytes.file(header: header(shape: "(1000000000000, 2)"), data: Data(count: 64))
        },
        .member("element count × item size overflows", "weight.npy", mustSay: ["of 8-byte items needs more bytes than fit in a 64-bit integer"]) { _ in
            NpyBytes.file(header: header(shape: "(1152921504606846976, 2)"), data: Data(count: 48))
        },
        .member("an unknown major version", "weight.npy", mustSay: ["unsupported .npy format version 9.0"]) { _ in
            patched(weight, at: 6, to: 9)
        },
        .member("an unknown minor version", "weight.npy", mustSay: ["unsupported .npy format version 1.1"]) { _ in
            patched(weight, at: 7, to: 1)
        },
        .member("bad magic", "val_labels.npy", mustSay: ["not .npy data", "magic"]) { _ in
            patched(NpyBytes.int64([0, 1, 0, 2], shape: [4]), at: 1, to: UInt8(ascii: "M"))
        },
        .member("a header that is a list", "val_labels.npy", mustSay: ["header is a list, not a dict"]) { _ in
            NpyBytes.file(header: "[0, 1, 0, 2]", data: Data(count: 32))
        },
        .member("a header that is Python code", "val_labels.npy", mustSay: ["'__import__' is not a literal penviz accepts"]) { run in
            NpyBytes.file(header: "__import__('os').system('touch \(marker(run))')", data: Data(count: 32))
        },
        .member("a header without a shape", "bias.npy", mustSay: ["header has no 'shape'"]) { _ in
            NpyBytes.file(header: "{'descr': '<f8', 'fortran_order': False, }", data: Data(count: 24))
        },
        .member("a header with an extra key", "bias.npy", mustSay: ["header has an unexpected key 'pickle'"]) { _ in
            NpyBytes.file(header: "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), 'pickle': True}", data: Data(count: 24))
        },
        .member("a header that repeats a key", "bias.npy", mustSay: ["key 'descr' appears twice"]) { _ in
            NpyBytes.file(header: "{'descr': '<f8', 'descr': '<f4', 'fortran_order': False, 'shape': (3,)}", data: Data(count: 24))
        },
        .member("fortran_order that is a string", "bias.npy", mustSay: ["'fortran_order' is a string"]) { _ in
            NpyBytes.file(header: header(fortranOrder: "'yes'", shape: "(3,)"), data: Data(count: 24))
        },
        .member("a string that never ends", "bias.npy", mustSay: ["line break inside a string"]) { _ in
            NpyBytes.file(header: "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), 'x", data: Data(count: 24))
        },
        .member("a header nested 40 deep", "bias.npy", mustSay: ["literal nests too deeply"]) { _ in
            let nested = String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
            return NpyBytes.file(header: header(descr: nested, shape: "(3,)"), data: Data(count: 24))
        },
        .member("a version 3.0 header that is not UTF-8", "bias.npy", mustSay: ["version 3.0 header is not valid UTF-8"]) { _ in
            let text = Data(header(descr: "'<f8'", shape: "(3,)").utf8) + Data([0xFF, 0xFE, 0x0A])
            return Data([0x93]) + Data("NUMPY".utf8) + Data([3, 0]) + ZipFileBytes.le(UInt32(text.count)) + text + Data(count: 24)
        },
        .member("a pickled object array that would run a command", "class_names.npy", mustSay: ["object arrays ('|O') hold pickles; penviz never unpickles them", "np.array(names, dtype=str), or give --class-names FILE"]) { run in
            NpyBytes.file(header: header(descr: "'|O'", shape: "(3,)"), data: commandPickle(run))
        },
        .member("a structured dtype", "val_features.npy", mustSay: ["structured dtypes", "save each field as its own array"]) { _ in
            NpyBytes.file(header: header(descr: "[('x', '<f8'), ('y', '<f8')]", shape: "(4,)"), data: Data(count: 64))
        },
        .member("complex numbers", "val_features.npy", mustSay: ["dtype '<c16' is not supported"]) { _ in
            NpyBytes.file(header: header(descr: "'<c16'", shape: "(4,)"), data: Data(count: 64))
        },
        .member("raw void items", "val_features.npy", mustSay: ["dtype '|V16' is raw void data"]) { _ in
            NpyBytes.file(header: header(descr: "'|V16'", shape: "(4,)"), data: Data(count: 64))
        },
        .member("a multi-byte type without a byte order", "weight.npy", mustSay: ["dtype '|f8' is multi-byte but has no byte order"]) { _ in
            NpyBytes.file(header: header(descr: "'|f8'", shape: "(3, 2)"), data: Data(count: 48))
        },
        .member("a '<U' item size beyond 64 bits", "class_names.npy", mustSay: ["more bytes than fit in a 64-bit integer"]) { _ in
            NpyBytes.file(header: header(descr: "'<U2305843009213693952'", shape: "(3,)"), data: Data(count: 12))
        },
        .member("bytes after the data", "weight.npy", mustSay: ["5 bytes follow the 48 data bytes its header describes"]) { _ in
            weight + Data(count: 5)
        },
        .inspected("a lone .npy cut short", "features.npy", mustSay: ["header describes 64 data bytes but only 63 follow it (truncated file?)"]) {
            NpyBytes.float64(Array(repeating: 1, count: 8), shape: [4, 2]).dropLast()
        },
        .inspected("an empty .npy", "empty.npy", mustSay: ["0 bytes are too few for a .npy header"]) { Data() },
    ]
}
