/// What TOMLKit's parser (toml++) must never see: it aborts the process, not the parse, on
/// some inputs a person can write into access.toml, the config or a theme. Found by
/// `scripts/fuzz.sh` and refused here first, naming the line, by every TOML reader.
public enum TOMLGuard {
    /// The first problem, said for a person: `line 3: a control character (U+000C) is not
    /// allowed in TOML`; nil when the parser may have the text.
    public static func problem(in text: String) -> String? {
        if let c = firstControlCharacter(in: text) { return "line \(c.line): a control character (\(c.code)) is not allowed in TOML" }
        if let line = badTableName(in: text) {
            return "line \(line): a table name ([name]) must start with a letter, a digit, - or _, or be quoted"
        }
        return nil
    }

    /// The first control character other than tab, LF and CR, with its line (1 is the first).
    /// TOML allows none (a form feed in a table name aborted the parser).
    public static func firstControlCharacter(in text: String) -> (line: Int, code: String)? {
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

    /// A line opening a table (`[name]`, `[[name]]`) whose name starts with anything but a
    /// bare-key character or a quote (`[+a]`, `[é]`): toml++ asserts there instead of failing.
    /// Lines inside a multi-line string are not table headers and are passed over.
    static func badTableName(in text: String) -> Int? {
        var inString: Substring?   // the delimiter of an open multi-line string
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.drop { $0 == " " || $0 == "\t" }
            let opensTable = inString == nil && line.hasPrefix("[")
            for delimiter in ["\"\"\"", "'''"] where inString == nil || inString == Substring(delimiter) {
                if occurrences(of: delimiter, in: raw) % 2 == 1 { inString = inString == nil ? Substring(delimiter) : nil }
            }
            guard opensTable else { continue }
            // `[name]` or `[[name]]`: a third bracket, or nothing on the line, is no table name.
            let name = line.dropFirst(line.hasPrefix("[[") ? 2 : 1).drop { $0 == " " || $0 == "\t" }
            guard let first = name.unicodeScalars.first else { return index + 1 }
            let bare = ("0"..."9").contains(first) || ("a"..."z").contains(first) || ("A"..."Z").contains(first)
                || first == "_" || first == "-" || first == "\"" || first == "'"
            if !bare { return index + 1 }
        }
        return nil
    }

    private static func occurrences(of needle: String, in line: Substring) -> Int {
        var count = 0
        var rest = line[...]
        while let range = rest.range(of: needle) { count += 1; rest = rest[range.upperBound...] }
        return count
    }
}
