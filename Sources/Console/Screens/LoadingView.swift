import KriyaCore
import KriyaText
import KriyaViews
import TextUI

/// What a large registry shows while the console reads it (issue 18): at once, the first page
/// of artisans by name (read through the store's index, each the current version) and how
/// many there are; a line saying the rest is being read and that keys typed meanwhile are
/// kept. Nothing here can be selected or changed: it is not yet the console.
public enum LoadingView {
    public static func render(page: [Artisan], total: Int, seconds: Int, lang: Lang, user: String, dataPath: String,
                              width: Int, height: Int) -> Grid {
        var grid = Grid(width: width, height: height)
        guard width >= 20, height >= 6 else { return grid }
        grid.fill(Rect(x: 0, y: 0, width: width, height: 1), role: .title)
        grid.put(ConsoleState.titlePrefix + TerminalSafe.text(dataPath) + " · " + user, x: 0, y: 0, role: .title)
        let status = UIText.text(.uiLoading, lang, total, seconds)
        let lines = Wrap.lines(status, width: width - 2).prefix(2)
        for (i, line) in lines.enumerated() { grid.put(" " + line, x: 0, y: height - lines.count + i, role: .warning) }
        grid.put(" " + UIText.text(.uiLoadingFirstPage, lang), x: 0, y: 2, role: .muted)
        var table = Table([.id(L10n.text(.fID, lang)), .init(L10n.text(.fName, lang), minWidth: 14),
                           .init(L10n.text(.fBusiness, lang), minWidth: 14),
                           .init("\(L10n.text(.fKelurahan, lang)) / \(L10n.text(.fKecamatan, lang))", minWidth: 10),
                           .init(L10n.text(.fPhone, lang), minWidth: 14)])
        let room = height - 4 - lines.count - 2
        for a in page.prefix(max(0, room)) {
            table.add([a.id.description, a.name, a.business, Places.kelurahanAndKecamatan(a.kelurahan), a.phoneShown])
        }
        for (i, line) in table.render(width: width - 2).enumerated() where 3 + i < height - lines.count {
            grid.put(" " + line, x: 0, y: 3 + i, role: i < 2 ? .header : .normal)
        }
        return grid
    }
}
