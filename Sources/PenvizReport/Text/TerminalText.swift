/// Text from files (class names, array keys, file names) made safe to print on a
/// terminal.
public enum TerminalText {
    /// `text` with each control character, C0 and C1 alike (line breaks, tabs, the
    /// ESC that starts a terminal's escape sequences), written as a Swift escape
    /// (`\n`, `\t`, `\u{1B}`): printed, it is one line and changes nothing on the
    /// terminal but the characters shown.
    public static func escaped(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control {
                escaped += scalar.escaped(asASCII: true)
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
