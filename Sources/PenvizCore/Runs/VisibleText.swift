/// Names from files (class names, array keys, file names) made safe to show: on a
/// terminal, in a document, in a figure.
public enum VisibleText {
    /// `text` with each control character, C0 and C1 alike (line breaks, tabs, NUL,
    /// the ESC that starts a terminal's escape sequences), written as a Swift escape
    /// (`\n`, `\t`, `\u{1B}`): shown, it is one line, changes nothing on a terminal,
    /// and holds no character an XML or HTML document refuses.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar) {
                escaped += scalar.escaped(asASCII: true)
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// True for a control character (Unicode general category Cc).
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control
    }
}
