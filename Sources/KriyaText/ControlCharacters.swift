/// Control characters in a text a person can write (access.toml, the config, a theme): TOML
/// allows none but tab and line ends, and TOMLKit's parser aborts the process on some of them
/// (a form feed in a table name), so they are found and refused before it sees the text.
public enum ControlCharacters {
    /// The first control character other than tab, LF and CR, with its line (1 is the first):
    /// `line 3: U+000C`; nil when there is none.
    public static func first(in text: String) -> (line: Int, code: String)? {
        var line = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" { line += 1; continue }
            if scalar == "\t" || scalar == "\r" { continue }
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                return (line, "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex)
            }
        }
        return nil
    }

    /// What to say about one: "line 3: a control character (U+000C) is not allowed here".
    public static func problem(in text: String) -> String? {
        first(in: text).map { "line \($0.line): a control character (\($0.code)) is not allowed in TOML" }
    }
}
