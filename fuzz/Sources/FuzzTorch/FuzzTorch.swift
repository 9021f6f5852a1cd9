import FuzzSupport

/// libFuzzer entry point: the input is the pickle (`data.pkl`) of a PyTorch file,
/// wrapped in a well-formed `torch.save` zip beside two storages (`data/0` of 16
/// float32s, `data/1` of one int64), so that every input reaches the pickle machine
/// rather than failing at the zip's checksums. The file is read like the command
/// line reads it, every array touched, then a run is looked for in it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let pickle = Array(UnsafeBufferPointer(start: data, count: size))
    let archive = StoredZip.archive([
        ("fuzz/data.pkl", pickle), ("fuzz/byteorder", Array("little".utf8)),
        ("fuzz/data/0", (0..<64).map { UInt8($0 * 5 % 251) }), ("fuzz/data/1", [7, 0, 0, 0, 0, 0, 0, 0]),
    ])
    archive.withUnsafeBufferPointer { FuzzInput.read($0.baseAddress!, $0.count, pathExtension: "pt", discoverRun: true) }
    return 0
}
