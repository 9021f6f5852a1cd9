import FuzzSupport

/// libFuzzer entry point: the input is a `.npy` file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzInput.read(data, size, pathExtension: "npy")
    return 0
}
