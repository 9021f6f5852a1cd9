extension Color {
    /// This colour painted over an opaque `background`: the opaque colour the eye
    /// sees, channel by channel `c·α + b·(1 − α)` (Porter–Duff "over").
    public func over(_ background: Color) -> Color {
        Color(red: red * alpha + background.red * (1 - alpha),
              green: green * alpha + background.green * (1 - alpha),
              blue: blue * alpha + background.blue * (1 - alpha))
    }
}
