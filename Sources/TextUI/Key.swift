/// A key press, as the console sees it, whatever the terminal sent.
public enum Key: Equatable, Hashable, Sendable {
    case char(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right, home, end, pageUp, pageDown
    case f(Int)
    case ctrl(Character)
    case alt(Character)
    case resize

    /// How the key is written in the key bar and help: `F1`, `^S`, `Alt-F`, `/`.
    public var label: String {
        switch self {
        case .char(let c): return c == " " ? "Space" : String(c)
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .backspace: return "BS"
        case .delete: return "Del"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .home: return "Home"
        case .end: return "End"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .f(let n): return "F\(n)"
        case .ctrl(let c): return "^" + String(c).uppercased()
        case .alt(let c): return "Alt-" + String(c).uppercased()
        case .resize: return "resize"
        }
    }
}
