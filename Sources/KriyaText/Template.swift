/// Fills a message's placeholders `{0}`, `{1}`… with its arguments in one pass over the
/// message: text from the data (a name holding `{1}`) is put in as it is and never read
/// again for placeholders.
public enum Template {
    public static func fill(_ template: String, _ args: [CustomStringConvertible]) -> String {
        guard !args.isEmpty, template.contains("{") else { return template }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let n = Int(after[..<close]), args.indices.contains(n) {
                out += args[n].description
                rest = after[after.index(after: close)...]
            } else {
                out += "{"
                rest = after
            }
        }
        return out + rest
    }
}
