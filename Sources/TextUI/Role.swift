/// What a cell is for; a theme gives each role its colours (DESIGN.md §4).
public enum Role: String, CaseIterable, Sendable {
    case normal, title, tab, tabActive, header, selected, muted, keyBar, keyBarKey
    case error, warning, success, search, border
    /// The underlined letter of a menu-bar title (Alt + it opens that menu).
    case menuKey
    /// A QR code on screen: dark modules on a light ground whatever the theme, as scanners read.
    case code

    /// One letter per role, for the style layer of text snapshots.
    public var code: Character {
        switch self {
        case .normal: return "."
        case .title: return "T"
        case .tab: return "t"
        case .tabActive: return "A"
        case .header: return "H"
        case .selected: return "S"
        case .muted: return "m"
        case .keyBar: return "k"
        case .keyBarKey: return "K"
        case .error: return "E"
        case .warning: return "W"
        case .success: return "G"
        case .search: return "/"
        case .border: return "b"
        case .menuKey: return "U"
        case .code: return "Q"
        }
    }
}
