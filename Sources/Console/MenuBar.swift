import KriyaCore
import KriyaText
import TextUI

/// The menu bar on the tabs row: every action in four menus. F9 opens the first, Alt + a
/// title's underlined letter opens that one, ←/→ go from menu to menu.
struct MenuGroup {
    let title: TextKey
    let items: [(label: TextKey, action: Action)]
}

extension ConsoleState {
    static let menuBar: [MenuGroup] = [
        MenuGroup(title: .uiMenuData, items: [
            (.uiHelpNew, .newRecord), (.uiHelpEdit, .editRecord), (.uiHelpRemove, .remove), (.uiHelpUndo, .undo),
            (.uiHelpHistory, .history), (.uiHelpImport, .importFile),
        ]),
        MenuGroup(title: .uiMenuView, items: [
            (.uiHelpSearch, .startSearch), (.uiHelpOpen, .open), (.uiMenuFilter, .filter), (.uiMenuClearFilters, .clearFilters),
            (.uiMenuSortNext, .sortNext), (.uiMenuSortReverse, .sortReverse), (.uiPaneArtisans, .pane(.artisans)),
            (.uiPaneSessions, .pane(.sessions)), (.uiPaneExhibitions, .pane(.exhibitions)), (.uiPaneReports, .pane(.reports)),
            (.uiHelpSchedule, .schedule), (.uiHelpRedraw, .redraw),
        ]),
        MenuGroup(title: .uiMenuEvents, items: [
            (.uiHelpEnrol, .enrol), (.uiHelpParticipants, .participants), (.uiHelpCheckIn, .checkIn), (.uiHelpSchedule, .schedule),
        ]),
        MenuGroup(title: .uiMenuHelp, items: [(.uiHelpTitle, .help), (.uiHelpQuit, .quit)]),
    ]

    /// The letter Alt opens menu `index` with: the first of its title in the user's language.
    func menuHotkey(_ index: Int) -> Character {
        Character(L10n.text(Self.menuBar[index].title, lang).prefix(1).lowercased())
    }

    /// The menu whose hotkey Alt + `c` is, if any.
    func menuIndex(forAlt c: Character) -> Int? {
        Self.menuBar.indices.first { menuHotkey($0) == Character(c.lowercased()) }
    }

    /// Opens menu `index` of the bar, its items with their keys.
    mutating func openBarMenu(_ index: Int) {
        menuGroup = (index + Self.menuBar.count) % Self.menuBar.count
        let lang = self.lang
        let group = Self.menuBar[menuGroup]
        menu = Menu(title: L10n.text(group.title, lang), items: group.items.map { item in
            let key = Keymap.list.flatMap(\.keys).first { $0.action == item.action }?.key.label ?? ""
            return DisplayWidth.pad(DisplayWidth.truncate(L10n.text(item.label, lang), toCells: 34), toCells: 34) + " " + key
        })
        mode = .menu(.main)
    }

    /// Where each title of the bar starts on the tabs row (right-aligned), and the titles.
    func menuBarLayout(width: Int) -> [(x: Int, title: String)] {
        let titles = Self.menuBar.map { L10n.text($0.title, lang) }
        var x = width - titles.reduce(0) { $0 + DisplayWidth.of($1) + 2 }
        return titles.map { title in
            defer { x += DisplayWidth.of(title) + 2 }
            return (x, title)
        }
    }

    /// Draws the bar: each title with its Alt letter underlined; the open one highlighted.
    func renderMenuBar(_ grid: inout Grid, tabsEnd: Int) {
        let layout = menuBarLayout(width: grid.width)
        guard let first = layout.first, first.x >= tabsEnd else { return }
        let open: Int? = if case .menu(.main) = mode { menuGroup } else { nil }
        for (i, item) in layout.enumerated() {
            let active = open == i
            grid.put(" ", x: item.x, y: 1, role: active ? .tabActive : .tab)
            grid.put(String(item.title.prefix(1)), x: item.x + 1, y: 1, role: active ? .tabActive : .menuKey)
            grid.put(String(item.title.dropFirst()) + " ", x: item.x + 2, y: 1, role: active ? .tabActive : .tab)
        }
    }

    /// ←/→ in an open bar menu: the next one.
    mutating func moveBarMenu(_ step: Int) { openBarMenu(menuGroup + step) }

    /// The action of item `index` of the open bar menu.
    func barAction(_ index: Int) -> Action? { Self.menuBar[menuGroup].items[safe: index]?.action }
}
