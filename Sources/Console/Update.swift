import KriyaCore
import KriyaText
import TextUI

/// What the loop must do after a key, beyond changing the state.
public enum Effect: Equatable, Sendable {
    case none, redraw, suspend
    /// Read this CSV file and show what importing it would do.
    case previewImport(String, ImportPlan.OnDuplicate)
    /// Save the previewed import.
    case confirmImport
    /// Save a change made in a form.
    case save(Command)
    /// Read this record's audit trail and show it.
    case history(EntityID)
    /// Complete the file name typed for an import from the files in its folder.
    case completeImportPath
    /// Work out what taking back this console's import would do, and ask.
    case askUndoImport
    /// Take the last import back.
    case undoImport
}

extension ConsoleState {
    /// Applies one key; `visibleRows` is how many list rows the screen shows (for paging).
    public mutating func update(_ key: Key, visibleRows: Int) -> Effect {
        message = nil
        let confirming = quitPending
        quitPending = false
        if confirming && key == .ctrl("c") {
            quit = true
            return .none
        }
        switch mode {
        case .help:
            // The bindings scroll when they do not fit; any other key closes the help.
            if !scrollText(Keymap.action(for: key), visibleRows) { mode = .list }
            return .none
        case .confirm:
            return updateConfirm(key)
        case .conflict:
            return updateConflict(key)
        case .participants:
            return updateParticipants(key, visibleRows: visibleRows)
        case .checkIn:
            return updateCheckIn(key, visibleRows: visibleRows)
        case .schedule:
            return updateSchedule(key)
        case .salesGrid:
            return updateSalesGrid(key)
        case .history:
            let action = Keymap.action(for: key)
            if !scrollText(action, visibleRows), [.quit, .back, .history, .open].contains(action) {
                mode = historyReturn
                detailOffset = 0
            }
            return .none
        case .menu(let purpose):
            return updateMenu(purpose, key, visibleRows: visibleRows)
        case .search:
            return updateSearch(key)
        case .importPath:
            return updateImportPath(key)
        case .importPreview:
            return updateImportPreview(key, visibleRows: visibleRows)
        case .form:
            return updateForm(key)
        case .picker:
            return updatePicker(key, visibleRows: visibleRows)
        case .detail:
            let action = Keymap.action(for: key)
            if scrollText(action, visibleRows) { return .none }
            switch action {
            case .back, .open: mode = .list
            case .editRecord: openEditForm()
            case .enrol: openPicker()
            case .remove: askToRemove()
            case .undo: return undoLast()
            case .history: return selectedID(pane).map { .history($0) } ?? .none
            case .participants: openParticipants()
            case .checkIn: openCheckIn()
            case .schedule: openSchedule()
            case .quit: quit = true
            case .confirmQuit: quitPending = true; message = L10n.text(.uiConfirmQuit, lang)
            case .help: mode = .help; detailOffset = 0
            case .redraw: return .redraw
            case .suspend: return .suspend
            default: break
            }
            return .none
        case .list:
            // Alt + a menu title's underlined letter opens that menu of the bar.
            if case .alt(let c) = key, Keymap.action(for: key) == nil, let index = menuIndex(forAlt: c) {
                openBarMenu(index)
                return .none
            }
            guard let action = Keymap.action(for: key) else { return .none }
            return perform(action, visibleRows: visibleRows)
        }
    }

    /// Scrolls a page of text (a detail, the help, a history) for the moving keys; false for
    /// any other key.
    private mutating func scrollText(_ action: Action?, _ visibleRows: Int) -> Bool {
        switch action {
        case .up: detailOffset = max(0, detailOffset - 1)
        case .down: detailOffset += 1
        case .pageUp: detailOffset = max(0, detailOffset - visibleRows)
        case .pageDown: detailOffset += visibleRows
        case .first: detailOffset = 0
        default: return false
        }
        return true
    }

    mutating func perform(_ action: Action, visibleRows: Int) -> Effect {
        let count = rows[pane]?.count ?? 0
        let current = selected[pane] ?? 0
        let page = max(1, visibleRows - 1)
        switch action {
        case .up: select(current - 1, visibleRows)
        case .down: select(current + 1, visibleRows)
        case .pageUp: select(current - page, visibleRows)
        case .pageDown: select(current + page, visibleRows)
        case .first: select(0, visibleRows)
        case .last: select(count - 1, visibleRows)
        case .nextPane: pane = Pane(rawValue: (pane.rawValue + 1) % Pane.allCases.count)!
        case .previousPane: pane = Pane(rawValue: (pane.rawValue + Pane.allCases.count - 1) % Pane.allCases.count)!
        case .pane(let p): pane = p
        case .startSearch: mode = .search
        case .open:
            if count > 0 { mode = .detail; detailOffset = 0 }
        case .back:
            if !(query[pane] ?? "").isEmpty { query[pane] = ""; refilter(pane) }
        case .help: mode = .help; detailOffset = 0
        case .quit: quit = true
        case .redraw: return .redraw
        case .suspend: return .suspend
        case .menu: openMenu(.main)
        case .importFile: mode = .importPath
        case .newRecord: openNewForm()
        case .editRecord: openEditForm()
        case .enrol: openPicker()
        case .remove: askToRemove()
        case .undo: return undoLast()
        case .history: return selectedID(pane).map { .history($0) } ?? .none
        case .participants: openParticipants()
        case .checkIn: openCheckIn()
        case .schedule: openSchedule()
        case .filter: openMenu(pane == .sessions ? .sessionStatus : pane == .exhibitions ? .exhibitionStatus : .filter)
        case .sortNext:
            pane = .artisans
            sortColumn = ((sortColumn ?? -1) + 1) % ConsoleState.artisanColumnCount
            refilter(.artisans)
        case .sortReverse:
            pane = .artisans
            sortColumn = sortColumn ?? 0
            sortDescending.toggle()
            refilter(.artisans)
        case .clearFilters:
            filter = ArtisanFilter()
            (sessionStatus, exhibitionStatus) = (nil, nil)
            for p in [Pane.artisans, .sessions, .exhibitions] { refilter(p) }
        case .confirmQuit:
            quitPending = true
            message = L10n.text(.uiConfirmQuit, lang)
        }
        return .none
    }

    /// Moves the selection (kept inside the list) and scrolls only as much as needed.
    private mutating func select(_ row: Int, _ visibleRows: Int) {
        let count = rows[pane]?.count ?? 0
        selected[pane] = max(0, min(row, count - 1))
        offset[pane] = Scroll.offset(selected: selected[pane] ?? 0, current: offset[pane] ?? 0, visible: visibleRows, count: count)
    }

    /// In the search box every printable key is text; Enter keeps the result, Esc clears it.
    mutating func updateSearch(_ key: Key) -> Effect {
        let before = query[pane] ?? ""
        var q = before
        switch key {
        case .char(let c): q.append(c)
        case .backspace: if !q.isEmpty { q.removeLast() }
        case .ctrl("u"): q = ""
        case .ctrl("w"):
            while q.last == " " { q.removeLast() }
            while let last = q.last, last != " " { q.removeLast() }
        case .enter, .down, .tab:
            mode = .list
            return .none
        case .escape:
            q = ""
            mode = .list
        case .ctrl("c"):
            quitPending = true
            message = L10n.text(.uiConfirmQuit, lang)
            return .none
        default:
            return .none
        }
        query[pane] = q
        selected[pane] = 0
        offset[pane] = 0
        refilter(pane, previousQuery: before)
        return .none
    }
}

extension ConsoleState {
    static let filterMenu: [(label: TextKey, purpose: MenuPurpose?)] = [
        (.fKecamatan, .kecamatan), (.fCategory, .category), (.uiFilterCertification, .certification), (.uiMenuClearFilters, nil),
    ]

    mutating func openMenu(_ purpose: MenuPurpose) {
        let lang = self.lang
        let t = { (k: TextKey) in L10n.text(k, lang) }
        let all = t(.uiAll)
        switch purpose {
        case .main:
            openBarMenu(menuGroup)
            return
        case .filter:
            menu = Menu(title: t(.uiFilterTitle), items: Self.filterMenu.map { t($0.label) })
        case .kecamatan:
            menu = Menu(title: t(.fKecamatan), items: [all] + Wilayah.kecamatan.map(\.name),
                        selected: filter.kecamatan.flatMap { code in Wilayah.kecamatan.firstIndex { $0.code == code } }.map { $0 + 1 } ?? 0)
        case .category:
            menu = Menu(title: t(.fCategory), items: [all] + CraftCategory.allCases.map { $0.label(lang) },
                        selected: filter.category.flatMap { CraftCategory.allCases.firstIndex(of: $0) }.map { $0 + 1 } ?? 0)
        case .certification:
            menu = Menu(title: t(.uiFilterCertification), items: [all] + CertificationKind.allCases.map(\.rawValue),
                        selected: filter.certification.flatMap { CertificationKind.allCases.firstIndex(of: $0) }.map { $0 + 1 } ?? 0)
        case .sessionStatus:
            menu = Menu(title: t(.fStatus), items: [all] + SessionStatus.allCases.map { L10n.value($0, lang) },
                        selected: sessionStatus.flatMap { SessionStatus.allCases.firstIndex(of: $0) }.map { $0 + 1 } ?? 0)
        case .exhibitionStatus:
            menu = Menu(title: t(.fStatus), items: [all] + ExhibitionStatus.allCases.map { L10n.value($0, lang) },
                        selected: exhibitionStatus.flatMap { ExhibitionStatus.allCases.firstIndex(of: $0) }.map { $0 + 1 } ?? 0)
        }
        mode = .menu(purpose)
    }

    mutating func updateMenu(_ purpose: MenuPurpose, _ key: Key, visibleRows: Int) -> Effect {
        guard var open = menu else { mode = .list; return .none }
        switch key {
        case .up, .char("k"): open.move(-1)
        case .down, .char("j"): open.move(1)
        case .left where purpose == .main, .right where purpose == .main:
            moveBarMenu(key == .left ? -1 : 1)
            return .none
        case .alt(let c) where purpose == .main && menuIndex(forAlt: c) != nil:
            openBarMenu(menuIndex(forAlt: c)!)
            return .none
        case .escape, .f(9), .char("q"):
            menu = nil
            mode = .list
            return .none
        case .enter:
            menu = nil
            mode = .list
            return choose(purpose, open.selected, visibleRows: visibleRows)
        default: break
        }
        menu = open
        return .none
    }

    private mutating func choose(_ purpose: MenuPurpose, _ index: Int, visibleRows: Int) -> Effect {
        switch purpose {
        case .main:
            return barAction(index).map { perform($0, visibleRows: visibleRows) } ?? .none
        case .filter:
            if let next = Self.filterMenu[index].purpose { openMenu(next) } else { return perform(.clearFilters, visibleRows: visibleRows) }
            return .none
        case .kecamatan: filter.kecamatan = index == 0 ? nil : Wilayah.kecamatan[index - 1].code
        case .category: filter.category = index == 0 ? nil : CraftCategory.allCases[index - 1]
        case .certification: filter.certification = index == 0 ? nil : CertificationKind.allCases[index - 1]
        case .sessionStatus, .exhibitionStatus:
            // The event panes keep their own status filter.
            let target: Pane = purpose == .sessionStatus ? .sessions : .exhibitions
            if purpose == .sessionStatus { sessionStatus = index == 0 ? nil : SessionStatus.allCases[index - 1] }
            else { exhibitionStatus = index == 0 ? nil : ExhibitionStatus.allCases[index - 1] }
            pane = target
            selected[target] = 0
            offset[target] = 0
            refilter(target)
            return .none
        }
        pane = .artisans
        selected[.artisans] = 0
        offset[.artisans] = 0
        refilter(.artisans)
        return .none
    }
}
