/// Terminal cell widths of text, without asking the C library (whose `wcwidth` depends on the
/// process locale). Wide East Asian characters and emoji take two cells, combining marks none.
public enum DisplayWidth {
    /// Cells one user-perceived character takes.
    public static func of(_ character: Character) -> Int {
        var width = 0
        var first = true
        for scalar in character.unicodeScalars {
            let w = of(scalar)
            if first {
                width = w
                first = false
            } else if w == 2 || scalar.value == 0xFE0F {
                // An emoji presentation selector or a wide scalar inside a cluster widens it.
                width = 2
            }
        }
        return width
    }

    /// Cells a whole string takes.
    public static func of(_ text: String) -> Int {
        var total = 0
        for character in text { total += of(character) }
        return total
    }

    /// Cells one scalar takes on its own.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1160...0x11FF).contains(v) || (0xFE00...0xFE0F).contains(v) { return 0 }
        if isWide(v) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
             0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
             0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    /// The longest prefix of `text` that fits in `cells`, with `…` at the end when cut.
    public static func truncate(_ text: String, toCells cells: Int, ellipsis: String = "…") -> String {
        guard cells > 0 else { return "" }
        if of(text) <= cells { return text }
        let room = cells - of(ellipsis)
        guard room >= 0 else { return "" }
        var used = 0
        var out = ""
        for character in text {
            let w = of(character)
            if used + w > room { break }
            used += w
            out.append(character)
        }
        return out + ellipsis
    }

    /// `text` cut or padded with spaces to exactly `cells` cells.
    public static func pad(_ text: String, toCells cells: Int, alignRight: Bool = false) -> String {
        let cut = truncate(text, toCells: cells)
        let gap = max(0, cells - of(cut))
        let fill = String(repeating: " ", count: gap)
        return alignRight ? fill + cut : cut + fill
    }
}
