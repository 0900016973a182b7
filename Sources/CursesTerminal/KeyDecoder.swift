import TextUI

/// Turns what a terminal sends after ESC into keys, for sequences ncurses did not decode
/// itself (under `vt100`, F5 and up, Home and End arrive raw) and for the Esc+digit and
/// Alt+letter forms that stand in for F-keys eaten by terminals and SSH clients.
enum KeyDecoder {
    /// `rest` is what followed ESC within the escape delay (empty: a lone Esc).
    static func afterEscape(_ rest: [Character]) -> Key {
        guard let first = rest.first else { return .escape }
        if rest.count == 1 {
            if let digit = first.wholeNumberValue, first.isASCII { return .f(digit == 0 ? 10 : digit) }
            if first == "\u{7F}" || first == "\u{08}" { return .backspace }
            return .alt(Character(first.lowercased()))
        }
        let seq = String(rest)
        let known: [String: Key] = [
            "[A": .up, "[B": .down, "[C": .right, "[D": .left, "OA": .up, "OB": .down, "OC": .right, "OD": .left,
            "[H": .home, "OH": .home, "[1~": .home, "[7~": .home, "[F": .end, "OF": .end, "[4~": .end, "[8~": .end,
            "[5~": .pageUp, "[6~": .pageDown, "[3~": .delete, "[2~": .char("\u{0}"), "[Z": .backTab,
            "OP": .f(1), "OQ": .f(2), "OR": .f(3), "OS": .f(4), "[11~": .f(1), "[12~": .f(2), "[13~": .f(3),
            "[14~": .f(4), "[15~": .f(5), "[17~": .f(6), "[18~": .f(7), "[19~": .f(8), "[20~": .f(9), "[21~": .f(10),
        ]
        return known[seq] ?? .escape
    }

    /// A character that is not a function key.
    static func character(_ scalar: Unicode.Scalar) -> Key {
        switch scalar.value {
        case 10, 13: return .enter
        case 9: return .tab
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(scalar.value + 96)!))
        default: return .char(Character(scalar))
        }
    }
}
