/// Names from files (class names, array keys, file names) made safe to show: on a
/// terminal, in a document, in a figure.
public enum VisibleText {
    /// `text` with each control character, C0 and C1 alike (line breaks, tabs, NUL,
    /// the ESC that starts a terminal's escape sequences), and each noncharacter
    /// (U+FFFE, U+FFFF, U+FDD0…U+FDEF and the like, which XML refuses and Cairo calls
    /// invalid UTF-8), written as a Swift escape (`\n`, `\t`, `\u{1B}`, `\u{FFFF}`):
    /// shown, it is one line, changes nothing on a terminal, and holds no character
    /// an XML or HTML document or a figure's text refuses.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var escaped = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                escaped += scalar.escaped(asASCII: true)
            } else {
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// True for a control character (Unicode general category Cc) or a noncharacter.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar.properties.isNoncharacterCodePoint
    }
}
