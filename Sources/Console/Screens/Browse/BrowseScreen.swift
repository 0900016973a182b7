import KriyaCore
import KriyaText
import TextUI

/// The main screen: four panes (artisans, Bimtek sessions, exhibitions, reports), each a list
/// with its own search, selection and scroll; on a wide terminal the selected record's detail
/// beside it. Always at the bottom of the stack.
public struct BrowseScreen: Screen {
    public var pane: Pane = .artisans
    /// The search box of each pane; `searching` while it has the keys.
    var searchBox: [Pane: TextField] = [:]
    public var searching = false
    /// Per pane: what the list shows (positions in the data) and its scroll state.
    public var rows: [Pane: [Int]] = [:]
    public var lists: [Pane: ListState] = [:]
    /// Filters on the artisans pane; a status filter on each event pane.
    public var filter = ArtisanFilter()
    public var sessionStatus: SessionStatus?
    /// Training or outreach only (chosen in the same menu as the status).
    public var sessionKind: SessionKind?
    public var exhibitionStatus: ExhibitionStatus?
    /// Artisans sorted by this column (nil: best match first, then by name).
    public var sortColumn: Int?
    public var sortDescending = false
    /// The board term the Organisation pane shows (nil: the current one).
    public var term: EntityID?

    init(_ shared: Shared) {
        for pane in Pane.allCases { refilter(pane, shared) }
    }

    public var kind: ScreenKind { searching ? .search : .list }

    /// The search text per pane.
    public var query: [Pane: String] {
        get { searchBox.mapValues(\.text) }
        set { searchBox = newValue.mapValues { TextField($0, maxLength: 80) } }
    }

    public var selected: [Pane: Int] {
        get { lists.mapValues(\.selected) }
        set { for (p, s) in newValue { lists[p, default: ListState()].selected = s } }
    }

    public var offset: [Pane: Int] {
        get { lists.mapValues(\.offset) }
        set { for (p, o) in newValue { lists[p, default: ListState()].offset = o } }
    }

    // MARK: - Bindings

    public func bindings(_ shared: Shared) -> [Binding] {
        if searching {
            return [Binding([.enter, .down, .tab], .keepSearch, help: .uiHelpKeepSearch, bar: .uiKeyDone, barKeys: "Enter"),
                    Binding([.escape], .clearSearch, help: .uiHelpClearSearch, bar: .uiKeyCancel)]
                .typing(into: .uiHelpTypeSearch)
        }
        let id = selectedID(pane, shared)
        let event = id?.kind.isEvent ?? false
        let own = [
            Binding([.char("?")], .help, help: .uiHelpTitle),
            Binding([(.char("/"), .startSearch), (.f(3), .startSearch)], help: .uiHelpSearch, bar: .uiKeySearch),
            // Reports are made, not added: F7 there says so rather than open another pane's form.
            // Who may add what is the core's: a new artisan (a walk-in) is a clerk's.
            Binding([.f(7), .char("a"), .char("n")], .newRecord, help: .uiHelpNew, bar: .uiKeyNew, enabled: pane != .reports)
                .making(pane.addCommand),
            Binding([.f(4), .char("e")], .editRecord, help: .uiHelpEdit, enabled: id != nil),
            Binding([.char("+")], .enrol, help: .uiHelpEnrol, enabled: id.map { $0.kind == .artisan || $0.kind.isEvent } ?? false),
            Binding([.char("p")], .participants, help: .uiHelpParticipants, enabled: event),
            // The door is the Bimtek pane's most used key on an event morning: in its key bar.
            Binding([.char("c")], .checkIn, help: .uiHelpCheckIn, bar: pane == .sessions ? .uiKeyCheckIn : nil, enabled: id?.kind == .session),
            Binding([.char("m"), .f(6)], .schedule, help: .uiHelpSchedule),
            Binding([.char("t")], .today, help: .uiHelpTodayScreen),
            Binding([.char("d"), .char("D"), .delete], .remove, help: .uiHelpRemove, enabled: id?.kind.isRemovable ?? false),
            Binding([.char("M")], .merge, help: .uiHelpMerge, enabled: id?.kind == .artisan),
            Binding([.char("Q")], .showCode, help: .uiHelpCode, enabled: id?.kind == .artisan),
            Binding([.ctrl("p")], .print, help: .uiHelpPrintReport, enabled: pane == .reports),
            Binding([.char("u")], .undo, help: .uiHelpUndo),
            Binding([.char("h")], .history, help: .uiHelpHistory, enabled: id != nil),
            Binding([.enter], .open, help: .uiHelpOpen, bar: .uiKeyOpen, enabled: !(rows[pane] ?? []).isEmpty),
            Binding([.f(9), .alt("m")], .menu, help: .uiHelpMenu, bar: .uiKeyMenu),
            Binding([.char("f"), .alt("f")], .filter, help: .uiHelpFilter, bar: .uiKeyFilter, enabled: pane != .reports),
            Binding([.char("F")], .clearFilters, help: .uiMenuClearFilters, enabled: !filterSummary(shared).isEmpty),
            Binding([(.char("s"), .sortNext), (.char("S"), .sortReverse)], help: .uiHelpSort),
            Binding([.char("I")], .importFile, help: .uiHelpImport),
            Binding([(.char("1"), .pane(.artisans)), (.char("2"), .pane(.sessions)), (.char("3"), .pane(.exhibitions)),
                     (.char("4"), .pane(.reports)), (.char("5"), .pane(.organisation)), (.tab, .nextPane), (.backTab, .previousPane)],
                    help: .uiHelpSwitch, bar: .uiKeyPane, barKeys: "Tab"),
        ] + Binding.moving(letters: true) + [
            Binding([.escape], .back, help: .uiHelpBack, enabled: !(query[pane] ?? "").isEmpty),
            Binding([.f(10), .char("q")], .quit, help: .uiHelpQuit, bar: .uiKeyQuit),
        ]
        return own + MenuBar.altBinding(shared.lang, after: own + Binding.common)
    }

    // MARK: - Keys

    public mutating func perform(_ action: Action, key: Key, _ shared: inout Shared) -> Step {
        let count = rows[pane]?.count ?? 0
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last:
            lists[pane, default: ListState()].move(Self.move(action), count: count, visible: listRows(shared.layout))
        case .nextPane: pane = Pane(rawValue: (pane.rawValue + 1) % Pane.allCases.count)!
        case .previousPane: pane = Pane(rawValue: (pane.rawValue + Pane.allCases.count - 1) % Pane.allCases.count)!
        case .pane(let p): pane = p
        case .startSearch: searching = true
        case .keepSearch: searching = false
        case .clearSearch:
            searching = false
            setQuery("", shared)
        case .back: setQuery("", shared)
        case .menu: return .push(MenuScreen(bar: 0, bindings: bindings(shared) + Binding.common, shared))
        case .filter where pane == .organisation:
            let terms = termsForMenu(shared)
            guard !terms.isEmpty else { shared.message = shared.t(.uiNoBoard); return .stay }
            let items = terms.map { t in TerminalSafe.text(t.name) + "  (\(t.start.short(shared.lang)) – \(t.end.short(shared.lang)))" }
            return .push(MenuScreen(.boardTerm(terms.map(\.id)), title: shared.t(.fTerm), items: items,
                                    selected: terms.firstIndex { $0.id == shownTerm(shared)?.id } ?? 0))
        case .filter:
            return .push(MenuScreen(pane == .sessions ? .sessionStatus : pane == .exhibitions ? .exhibitionStatus : .filter, self, shared))
        case .sortNext:
            pane = .artisans
            sortColumn = ((sortColumn ?? -1) + 1) % Self.artisanColumnCount
            refilter(.artisans, shared)
        case .sortReverse:
            pane = .artisans
            sortColumn = sortColumn ?? 0
            sortDescending.toggle()
            refilter(.artisans, shared)
        case .clearFilters:
            filter = ArtisanFilter()
            (sessionStatus, exhibitionStatus, sessionKind) = (nil, nil, nil)
            for p in [Pane.artisans, .sessions, .exhibitions] { refilter(p, shared) }
        case .importFile: return .push(ImportPathScreen())
        case .print: return selectedReport(shared).map { .run(.print(.report($0))) } ?? .stay
        case .newRecord where pane == .organisation:
            return .push(MenuScreen(.newCouncil, title: shared.t(.uiNewWhatTitle), items: Self.newCouncilChoices.map { shared.t($0) }))
        case .newRecord:
            return .push(FormScreen.new(for: pane, shared))
        case .open:
            if pane == .reports { return selectedReport(shared).map { .push(DetailScreen(report: $0)) } ?? .stay }
            return selectedID(pane, shared).map { .push(DetailScreen(record: $0)) } ?? .stay
        default:
            return RecordActions.perform(action, on: selectedID(pane, shared), &shared)
        }
        return .stay
    }

    static func move(_ action: Action) -> ListState.Move {
        switch action {
        case .up: return .up
        case .down: return .down
        case .pageUp: return .pageUp
        case .pageDown: return .pageDown
        case .first: return .first
        default: return .last
        }
    }

    /// In the search box every printable key is text, with the readline keys.
    public mutating func type(_ key: Key, _ shared: inout Shared) -> Step {
        // Alt + a menu title's underlined letter opens that menu of the bar.
        if !searching, case .alt(let c) = key, let index = MenuBar.index(forAlt: c, shared.lang) {
            return .push(MenuScreen(bar: index, bindings: bindings(shared) + Binding.common, shared))
        }
        guard searching else { return .ignored }
        var box = searchBox[pane] ?? TextField("", maxLength: 80)
        let before = box.text
        box.handle(key)
        guard box.text != before else { return .stay }
        searchBox[pane] = box
        lists[pane] = ListState()
        refilter(pane, shared, previousQuery: before)
        return .stay
    }

    mutating func setQuery(_ text: String, _ shared: Shared) {
        searchBox[pane] = TextField(text, maxLength: 80)
        lists[pane] = ListState()
        refilter(pane, shared)
    }

    public mutating func receive(_ msg: Msg, _ shared: inout Shared) -> Step {
        if case .saved(let change) = msg { RecordActions.saved(change, &shared); return .stay }
        return RecordActions.receive(msg, &shared)
    }

    public mutating func resume(_ outcome: Outcome, _ shared: inout Shared) -> Step {
        switch outcome {
        case .saved(let change):
            // A form saved: back to the list of its kind, on the record.
            guard let id = change.targets.first else { return .stay }
            show(id, shared)
            shared.message = shared.t(.uiFormSaved, id, shared.stored(id)?.name ?? "")
            // A new artisan with the name of someone in the same kelurahan: said, with the way to merge.
            if change.command == "add-artisan", let new = shared.data.artisans[id], case let same = shared.data.sameNameAndPlace(as: new), !same.isEmpty {
                shared.message = shared.t(.uiSameNameSaved, id, TerminalSafe.text(new.name), Wilayah.kelurahan(code: new.kelurahan)?.name ?? "",
                                          same.map(\.id.description).joined(separator: ", "))
            }
        case .show(let id):
            show(id, shared)
            return .push(DetailScreen(record: id))
        case .imported:
            pane = .artisans
        case .action(let action):
            return perform(action, key: .f(9), &shared)
        case .chose(let purpose, let index):
            return chose(purpose, index, &shared)
        default:
            return shared.answer(outcome)
        }
        return .stay
    }

    /// Selects a record in its pane, clearing that pane's search so it is there.
    mutating func show(_ id: EntityID, _ shared: Shared) {
        let target: Pane
        switch id.kind {
        case .artisan: target = .artisans
        case .session: target = .sessions
        case .exhibition: target = .exhibitions
        case .term, .member, .partner: target = .organisation
        }
        // A seat shows with its term's board; a term chosen is the board shown.
        if id.kind == .member, let m = shared.data.members[id] { term = m.term; refilter(.organisation, shared) }
        if id.kind == .term { term = id; refilter(.organisation, shared) }
        pane = target
        if let at = rows[target]?.firstIndex(where: { recordID(target, $0, shared) == id }) {
            lists[target, default: ListState()].move(.to(at), count: rows[target]?.count ?? 0, visible: listRows(shared.layout))
            return
        }
        setQuery("", shared)
        if let at = rows[target]?.firstIndex(where: { recordID(target, $0, shared) == id }) {
            lists[target, default: ListState()].move(.to(at), count: rows[target]?.count ?? 0, visible: listRows(shared.layout))
        }
    }

    /// The selected record of each pane (taken before new data replaces the positions).
    func selectedIDs(_ shared: Shared) -> [Pane: EntityID] {
        var out: [Pane: EntityID] = [:]
        for p in Pane.allCases { out[p] = selectedID(p, shared) }
        return out
    }

    /// New data: the lists again, each selection on the same record when it is still there.
    mutating func reload(_ shared: Shared, keeping ids: [Pane: EntityID]) {
        for pane in Pane.allCases {
            refilter(pane, shared)
            if let id = ids[pane], let at = rows[pane]?.firstIndex(where: { recordID(pane, $0, shared) == id }) {
                lists[pane, default: ListState()].move(.to(at), count: rows[pane]?.count ?? 0, visible: listRows(shared.layout))
            }
        }
    }

    /// Data changed elsewhere: nothing to redo. Its rows are positions in the tables: `ConsoleState.replaceData` takes the selected ids before the data changes and reloads every pane keeping them (`reload(_:keeping:)`).
    public mutating func dataChanged(_ shared: Shared) {}
}
