/// Fills a message's placeholders `{0}`, `{1}`… with its arguments in one pass over the
/// message: text from the data (a name holding `{1}`) is put in as it is and never read
/// again for placeholders.
///
/// `{0|one|other}` is a plural choice: "one" when argument 0 is 1, "other" otherwise
/// ("{0} {0|artisan|artisans}"). Indonesian does not inflect and never needs it.
public enum Template {
    public static func fill(_ template: String, _ args: [CustomStringConvertible]) -> String {
        guard !args.isEmpty, template.contains("{") else { return template }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let filled = placeholder(after[..<close], args) {
                out += filled
                rest = after[after.index(after: close)...]
            } else {
                out += "{"
                rest = after
            }
        }
        return out + rest
    }

    private static func placeholder(_ inside: Substring, _ args: [CustomStringConvertible]) -> String? {
        let parts = inside.split(separator: "|", omittingEmptySubsequences: false)
        guard let n = Int(parts[0]), args.indices.contains(n) else { return nil }
        let value = args[n].description
        guard parts.count == 3 else { return parts.count == 1 ? value : nil }
        return String(value == "1" ? parts[1] : parts[2])
    }
}
