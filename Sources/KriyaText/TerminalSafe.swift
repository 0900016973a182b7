/// Neutralises text from the data before it reaches a terminal: control characters, escape
/// sequences and bidirectional overrides are shown as visible escapes (`\e`, `\x07`, `\u202E`),
/// so a record can never move the cursor, change colours or reorder what a person reads.
public enum TerminalSafe {
    /// - Parameter keepNewlines: keep `\n` as a real line break (for multi-line notes).
    public static func text(_ input: String, keepNewlines: Bool = false) -> String {
        // Fast path: printable ASCII needs no work, and that is nearly all of the data.
        if input.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return input }
        var out = String.UnicodeScalarView()
        for scalar in input.unicodeScalars {
            if let escape = escape(for: scalar, keepNewlines: keepNewlines) {
                out.append(contentsOf: escape.unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// True when `scalar` must not be written to a terminal as it is.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        escape(for: scalar, keepNewlines: false) != nil
    }

    private static func escape(for scalar: Unicode.Scalar, keepNewlines: Bool) -> String? {
        let v = scalar.value
        switch v {
        case 0x0A: return keepNewlines ? nil : "\\n"
        case 0x09: return "\\t"
        case 0x0D: return "\\r"
        case 0x1B: return "\\e"
        case 0x00...0x1F, 0x7F: return "\\x" + hex(v, digits: 2)
        case 0x80...0x9F: return "\\u" + hex(v, digits: 4)
        // Bidirectional embeddings, overrides and isolates, and line/paragraph separators.
        case 0x202A...0x202E, 0x2066...0x2069, 0x2028, 0x2029: return "\\u" + hex(v, digits: 4)
        default: return nil
        }
    }

    private static func hex(_ value: UInt32, digits: Int) -> String {
        let s = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - s.count)) + s
    }
}
