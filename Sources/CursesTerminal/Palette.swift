import CNcursesw
import TextUI

/// Colours and attributes per role: a built-in dark palette for 8-colour terminals, and a
/// monochrome one (NO_COLOR, or no colours) that still shows selection and structure.
/// Theme files (themes/*.toml) will replace the built-in palette.
struct Palette {
    struct Style { var attrs: attr_t; var pair: Int16 }
    private var styles: [Role: Style] = [:]

    init(colors: Bool) {
        let bold = kriya_a_bold(), reverse = kriya_a_reverse(), dim = kriya_a_dim(), normal = kriya_a_normal()
        guard colors else {
            let mono: [Role: attr_t] = [.title: reverse, .tabActive: reverse | bold, .header: bold, .selected: reverse,
                                        .muted: dim, .keyBar: reverse, .keyBarKey: bold, .error: bold, .warning: bold,
                                        .success: bold, .search: bold]
            for role in Role.allCases { styles[role] = Style(attrs: mono[role] ?? normal, pair: 0) }
            return
        }
        let spec: [(Role, Int16, Int16, attr_t)] = [
            (.normal, -1, -1, normal), (.title, Int16(COLOR_BLACK), Int16(COLOR_CYAN), normal),
            (.tab, -1, -1, normal), (.tabActive, Int16(COLOR_BLACK), Int16(COLOR_YELLOW), bold),
            (.header, Int16(COLOR_YELLOW), -1, bold), (.selected, Int16(COLOR_BLACK), Int16(COLOR_CYAN), normal),
            (.muted, Int16(COLOR_BLUE), -1, bold), (.keyBar, Int16(COLOR_BLACK), Int16(COLOR_CYAN), normal),
            (.keyBarKey, Int16(COLOR_WHITE), Int16(COLOR_BLACK), bold), (.error, Int16(COLOR_RED), -1, bold),
            (.warning, Int16(COLOR_YELLOW), -1, bold), (.success, Int16(COLOR_GREEN), -1, normal),
            (.search, Int16(COLOR_BLACK), Int16(COLOR_YELLOW), normal), (.border, Int16(COLOR_BLUE), -1, normal),
        ]
        for (i, (role, fg, bg, attrs)) in spec.enumerated() {
            let pair = Int16(i + 1)
            init_pair(pair, fg, bg)
            styles[role] = Style(attrs: attrs, pair: pair)
        }
    }

    func style(_ role: Role) -> Style { styles[role] ?? Style(attrs: kriya_a_normal(), pair: 0) }
}
