import FuzzSupport

/// libFuzzer entry point: the input is a `.npz` file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzInput.read(data, size, pathExtension: "npz")
    return 0
}
