#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The system's description of the current `errno` ("No such file or directory", …).
func systemErrorText() -> String {
    String(cString: strerror(errno))
}
