import CNcursesw
import TextUI

/// A theme turned into ncurses colour pairs and attributes: 256-colour values where the
/// terminal has 256 colours, the 8-colour ones otherwise, attributes only without colours.
struct Palette {
    struct Style { var attrs: attr_t; var pair: Int16 }
    private var styles: [Role: Style] = [:]

    init(theme: Theme, colors: Int) {
        for (i, role) in Role.allCases.enumerated() {
            let s = theme.style(role)
            var attrs = kriya_a_normal()
            if s.bold { attrs |= kriya_a_bold() }
            if s.dim { attrs |= kriya_a_dim() }
            if s.reverse { attrs |= kriya_a_reverse() }
            if s.underline { attrs |= kriya_a_underline() }
            var pair: Int16 = 0
            if colors >= 8 {
                pair = Int16(i + 1)
                let fg = colors >= 256 ? (s.fg256 ?? s.fg.index) : s.fg.index
                let bg = colors >= 256 ? (s.bg256 ?? s.bg.index) : s.bg.index
                init_pair(pair, fg, bg)
            }
            styles[role] = Style(attrs: attrs, pair: pair)
        }
    }

    func style(_ role: Role) -> Style { styles[role] ?? Style(attrs: kriya_a_normal(), pair: 0) }
}
