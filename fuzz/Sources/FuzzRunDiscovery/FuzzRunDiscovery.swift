import FuzzSupport

/// libFuzzer entry point: the input is a `.npz` run; every array is read and the run is discovered and checked.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    FuzzInput.read(data, size, pathExtension: "npz", discoverRun: true)
    return 0
}
