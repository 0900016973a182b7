import KriyaCore
import KriyaText
import TextUI

/// The menu bar on the tabs row: every action of the lists in four menus. F9 opens the first,
/// Alt + a title's underlined letter opens that one, ←/→ go from menu to menu.
enum MenuBar {
    struct Group {
        let title: UIKey
        let items: [(label: UIKey, action: Action)]
    }

    static let groups: [Group] = [
        Group(title: .uiMenuData, items: [
            (.uiHelpNew, .newRecord), (.uiHelpEdit, .editRecord), (.uiHelpRemove, .remove), (.uiHelpMerge, .merge), (.uiHelpCode, .showCode), (.uiHelpPrintReport, .print), (.uiHelpUndo, .undo),
            (.uiHelpHistory, .history), (.uiHelpImport, .importFile),
        ]),
        Group(title: .uiMenuView, items: [
            (.uiHelpSearch, .startSearch), (.uiHelpOpen, .open), (.uiMenuFilter, .filter), (.uiMenuClearFilters, .clearFilters),
            (.uiMenuSortNext, .sortNext), (.uiMenuSortReverse, .sortReverse), (.uiPaneArtisans, .pane(.artisans)),
            (.uiPaneSessions, .pane(.sessions)), (.uiPaneExhibitions, .pane(.exhibitions)), (.uiPaneReports, .pane(.reports)),
            (.uiPaneOrganisation, .pane(.organisation)), (.uiHelpTodayScreen, .today),
            (.uiHelpSchedule, .schedule), (.uiHelpRedraw, .redraw),
        ]),
        Group(title: .uiMenuEvents, items: [
            (.uiHelpEnrol, .enrol), (.uiHelpParticipants, .participants), (.uiHelpCheckIn, .checkIn), (.uiHelpSchedule, .schedule),
        ]),
        Group(title: .uiMenuHelp, items: [(.uiHelpTitle, .help), (.uiHelpQuit, .quit)]),
    ]

    /// The letter Alt opens menu `index` with: the first of its title in the user's language.
    static func hotkey(_ index: Int, _ lang: Lang) -> Character {
        Character(UIText.text(groups[index].title, lang).prefix(1).lowercased())
    }

    /// Alt + each title's letter, those `others` leave free: that menu (`Screen.type` opens it).
    static func altBinding(_ lang: Lang, after others: [Binding]) -> [Binding] {
        let taken = Set(others.flatMap { $0.keys.map(\.key) })
        let keys = groups.indices.map { Key.alt(hotkey($0, lang)) }.filter { !taken.contains($0) }
        return keys.isEmpty ? [] : [Binding(keys, .type, help: .uiHelpAltMenu)]
    }

    /// The menu whose hotkey Alt + `c` is, if any.
    static func index(forAlt c: Character, _ lang: Lang) -> Int? {
        groups.indices.first { hotkey($0, lang) == Character(c.lowercased()) }
    }

    /// Where each title of the bar starts on the tabs row (right-aligned), and the titles.
    static func layout(width: Int, _ lang: Lang) -> [(x: Int, title: String)] {
        let titles = groups.map { UIText.text($0.title, lang) }
        var x = width - titles.reduce(0) { $0 + DisplayWidth.of($1) + 2 }
        return titles.map { title in
            defer { x += DisplayWidth.of(title) + 2 }
            return (x, title)
        }
    }

    /// Draws the bar: each title with its Alt letter underlined; the open one highlighted.
    static func render(_ grid: inout Grid, tabsEnd: Int, open: Int?, _ lang: Lang) {
        let layout = layout(width: grid.width, lang)
        guard let first = layout.first, first.x >= tabsEnd else { return }
        for (i, item) in layout.enumerated() {
            let active = open == i
            grid.put(" ", x: item.x, y: 1, role: active ? .tabActive : .tab)
            grid.put(String(item.title.prefix(1)), x: item.x + 1, y: 1, role: active ? .tabActive : .menuKey)
            grid.put(String(item.title.dropFirst()) + " ", x: item.x + 2, y: 1, role: active ? .tabActive : .tab)
        }
    }
}

/// A menu over the lists: one of the bar's (F9) or a filter's choices (f). Enter hands the
/// choice to the lists; an item the lists cannot do now is greyed and says why.
public struct MenuScreen: Screen {
    let purpose: MenuPurpose
    /// The bar's menu that is open (purpose `.main`).
    public private(set) var barGroup: Int?
    public private(set) var menu: Menu
    /// For a bar menu: the actions of its items, and the lists' bindings (what they can do now).
    var actions: [Action] = []
    var listBindings: [Binding] = []

    /// The filter menu: a menu for each filter, then "clear filters".
    static let filterMenu: [MenuPurpose?] = [.kecamatan, .category, .certification, nil]

    static func filterLabels(_ shared: Shared) -> [String] {
        [shared.t(.fKecamatan), shared.t(.fCategory), shared.t(.uiFilterCertification), shared.t(.uiMenuClearFilters)]
    }

    /// Menu `group` of the bar, its items with their keys as the lists bind them.
    init(bar group: Int, bindings: [Binding], _ shared: Shared) {
        purpose = .main
        let index = (group + MenuBar.groups.count) % MenuBar.groups.count
        barGroup = index
        let limited = bindings.limited(to: shared.role)
        listBindings = limited
        let items = MenuBar.groups[index].items
        actions = items.map(\.action)
        var disabled = Set<Int>()
        // As wide as the longest item needs, up to what the screen has room for beside the
        // keys: an item is read whole ("Presensi peserta untuk Bimtek terpilih"), not cut.
        let room = max(34, shared.layout.width - 16)
        let width = min(room, items.map { DisplayWidth.of(shared.t($0.label)) }.max() ?? 34)
        let labels = items.enumerated().map { n, item in
            let binding = limited.first { $0.keys.contains { $0.action == item.action } }
            if binding?.enabled == false { disabled.insert(n) }
            let key = binding?.keys.first { $0.action == item.action }?.key.label ?? ""
            return DisplayWidth.pad(DisplayWidth.truncate(shared.t(item.label), toCells: width), toCells: width) + " " + key
        }
        menu = Menu(title: shared.t(MenuBar.groups[index].title), items: labels, disabled: disabled)
    }

    /// A list of choices for the screen below (a meeting day, a mark).
    init(_ purpose: MenuPurpose, title: String, items: [String], selected: Int = 0) {
        self.purpose = purpose
        menu = Menu(title: title, items: items, selected: selected)
    }

    /// A filter's menu, on the value in force.
    init(_ purpose: MenuPurpose, _ browse: BrowseScreen, _ shared: Shared) {
        self.purpose = purpose
        let lang = shared.lang
        let all = shared.t(.uiAll)
        let filter = browse.filter
        switch purpose {
        case .main, .filter, .attendanceDay, .attendanceMark, .enrolIn, .mergeInto, .printFor, .boardTerm, .newCouncil:
            menu = Menu(title: shared.t(.uiFilterTitle), items: Self.filterLabels(shared))
        case .kecamatan:
            menu = Menu(title: shared.t(.fKecamatan), items: [all] + Wilayah.kecamatan.map(\.name),
                        selected: filter.kecamatan.flatMap { code in Wilayah.kecamatan.firstIndex { $0.code == code } }.map { $0 + 1 } ?? 0)
        case .category:
            menu = Menu(title: shared.t(.fCategory), items: [all] + CraftCategory.allCases.map { $0.label(lang) },
                        selected: filter.category.flatMap { CraftCategory.allCases.firstIndex(of: $0) }.map { $0 + 1 } ?? 0)
        case .certification:
            menu = Menu(title: shared.t(.uiFilterCertification), items: [all] + CertificationKind.allCases.map(\.rawValue),
                        selected: filter.certification.flatMap { CertificationKind.allCases.firstIndex(of: $0) }.map { $0 + 1 } ?? 0)
        case .sessionStatus:
            menu = Menu(title: shared.t(.fStatus), items: [all] + SessionStatus.allCases.map { L10n.value($0, lang) }
                            + SessionKind.allCases.map { shared.t(.fSessionKind) + ": " + L10n.value($0, lang) },
                        selected: browse.sessionStatus.flatMap { SessionStatus.allCases.firstIndex(of: $0) }.map { $0 + 1 } ?? 0)
        case .exhibitionStatus:
            menu = Menu(title: shared.t(.fStatus), items: [all] + ExhibitionStatus.allCases.map { L10n.value($0, lang) },
                        selected: browse.exhibitionStatus.flatMap { ExhibitionStatus.allCases.firstIndex(of: $0) }.map { $0 + 1 } ?? 0)
        }
    }

    public var kind: ScreenKind { .menu(purpose) }
    public var isOverlay: Bool { true }

    public func bindings(_ shared: Shared) -> [Binding] {
        let own = [Binding([(.up, .up), (.down, .down), (.char("k"), .up), (.char("j"), .down)], help: .uiHelpMove, bar: .uiKeyChoose, barKeys: "↑↓"),
                   Binding([(.left, .left), (.right, .right)], help: .uiHelpMenuNext, bar: .uiKeyMenuNext, barKeys: "←→", enabled: barGroup != nil),
                   Binding([.enter], .open, help: .uiHelpMenuChoose, bar: .uiKeyOpen),
                   Binding([.escape, .f(9), .char("q")], .back, help: .uiHelpMenuClose, bar: .uiKeyBack, barKeys: "Esc")]
        return barGroup == nil ? own : own + MenuBar.altBinding(shared.lang, after: own + Binding.common)
    }

    public mutating func perform(_ action: Action, key: Key, _ shared: inout Shared) -> Step {
        switch action {
        case .up: menu.move(-1)
        case .down: menu.move(1)
        case .left, .right:
            guard let group = barGroup else { return .stay }
            return .replace(MenuScreen(bar: group + (action == .left ? -1 : 1), bindings: listBindings, shared))
        case .back: return .pop(.closed)
        case .open:
            guard barGroup != nil else { return .pop(.chose(purpose, menu.selected)) }
            guard !menu.disabled.contains(menu.selected) else {
                let needs = listBindings.first { $0.keys.contains { $0.action == actions[menu.selected] } }?.needs
                shared.message = needs.map { shared.t(.uiNeedsRole, "F9", L10n.value($0, shared.lang), L10n.value(shared.role, shared.lang)) }
                    ?? shared.t(.uiNotHere)
                return .stay
            }
            return .pop(.action(actions[menu.selected]))
        default: break
        }
        return .stay
    }

    /// Alt + a title's letter: that menu of the bar.
    public mutating func type(_ key: Key, _ shared: inout Shared) -> Step {
        guard barGroup != nil, case .alt(let c) = key, let index = MenuBar.index(forAlt: c, shared.lang) else { return .ignored }
        return .replace(MenuScreen(bar: index, bindings: listBindings, shared))
    }

    public func render(_ shared: Shared, into grid: inout Grid, area: Rect) {
        // A bar menu drops down from its title; the filter pickers sit in the middle.
        let anchor = barGroup.flatMap { MenuBar.layout(width: grid.width, shared.lang)[safe: $0]?.x }
        menu.render(into: &grid, area: area, anchor: anchor)
    }

    /// Data changed elsewhere: nothing to redo. A menu of records holds the records it offered (`MenuPurpose`); the screen below checks they are still there when one is chosen.
    public mutating func dataChanged(_ shared: Shared) {}
}
