import Foundation

/// What a cell shows on a terminal that is not UTF-8 (an old PuTTY set to Latin-1, a serial
/// console): box drawing, blocks, arrows and marks as their nearest ASCII, letters without
/// their accents (é → e), anything else as "?". Never bytes the terminal would garble. The
/// console uses it per cell, the command line per line of output.
public enum AsciiFallback {
    static let table: [Character: String] = [
        "┌": "+", "┐": "+", "└": "+", "┘": "+", "├": "+", "┤": "+", "┬": "+", "┴": "+", "┼": "+",
        "─": "-", "│": "|", "▏": "|", "█": "#", "▀": "#", "▄": "#", "▌": "#", "▐": "#", "░": ".", "▒": ":", "▓": "#",
        "·": ".", "…": ".", "–": "-", "—": "-", "←": "<", "→": ">", "↑": "^", "↓": "v", "▶": ">", "▸": ">", "▼": "v", "▲": "^",
        "✓": "v", "⚠": "!", "●": "*", "○": "o", "↳": ">", "×": "x", "≤": "<", "≥": ">", "“": "\"", "”": "\"", "‘": "'", "’": "'",
    ]

    /// The cell's text in ASCII (one character for one cell).
    public static func text(_ cell: String) -> String {
        guard cell.unicodeScalars.contains(where: { !$0.isASCII }) else { return cell }
        guard let c = cell.first else { return cell }
        if let mapped = table[c] { return mapped }
        let folded = String(c).folding(options: [.diacriticInsensitive], locale: nil)
        if let first = folded.unicodeScalars.first, first.isASCII { return String(first) }
        return "?"
    }

    /// A whole line in ASCII, character by character (tables keep their columns).
    public static func line(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 >= 0x80 }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text { out += c.isASCII ? String(c) : Self.text(String(c)) }
        return out
    }
}
