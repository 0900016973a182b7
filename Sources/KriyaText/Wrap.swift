/// Words on lines of at most `width` display cells: notices, report notes, import previews.
public enum Wrap {
    /// A word longer than the width is cut; the text's leading spaces indent every line.
    public static func lines(_ text: String, width: Int) -> [String] {
        let indent = String(text.prefix { $0 == " " })
        guard DisplayWidth.of(text) > width, width > indent.count + 8 else { return [text] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            let candidate = current.isEmpty ? indent + word : current + " " + word
            if DisplayWidth.of(candidate) <= width { current = candidate; continue }
            if !current.isEmpty { lines.append(current) }
            current = DisplayWidth.truncate(indent + word, toCells: width)
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
