import FuzzSupport

/// libFuzzer entry point: the input is a `.csv` file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzInput.read(data, size, pathExtension: "csv")
    return 0
}
