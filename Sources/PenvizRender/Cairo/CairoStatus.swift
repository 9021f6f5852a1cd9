import CCairo
import PenvizCore

extension PenvizError {
    /// The error for a Cairo call that ended in `status` while doing `what`.
    static func cairo(_ status: cairo_status_t, while what: String) -> PenvizError {
        PenvizError(.input, "cannot draw the figure: cairo failed while \(what): \(String(cString: cairo_status_to_string(status)))")
    }
}

/// Throws when `status` is not success.
func checkCairo(_ status: cairo_status_t, while what: String) throws {
    if status != CAIRO_STATUS_SUCCESS { throw PenvizError.cairo(status, while: what) }
}
