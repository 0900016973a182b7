import KriyaCore
import KriyaText
import KriyaViews
import TextUI

/// Draws the state into a grid: title line, pane tabs, the list (with the detail beside it
/// on wide terminals), a status line and the key bar. A pure function of state and size.
extension ConsoleState {
    public static let minimumSize = (width: 80, height: 24)

    /// Rows the list shows at this size (the loop uses it for paging).
    public static func listRows(height: Int) -> Int { max(1, height - 6) }

    public func render(width: Int, height: Int) -> Grid {
        var grid = Grid(width: width, height: height)
        guard width >= Self.minimumSize.width, height >= Self.minimumSize.height else {
            tooSmall(&grid)
            return grid
        }
        titleLine(&grid)
        tabs(&grid)
        let body = Rect(x: 0, y: 2, width: width, height: height - 4)
        switch mode {
        case .help:
            help(&grid, body)
        case .importPreview:
            importPreview(&grid, body)
        case .form:
            form?.render(into: &grid, area: body)
        case .conflict:
            renderConflict(&grid, body)
        case .participants:
            renderParticipants(&grid, body)
        case .checkIn:
            renderCheckIn(&grid, body)
        case .schedule:
            renderSchedule(&grid, body)
        case .salesGrid:
            renderSalesGrid(&grid, body)
        case .history:
            for (i, line) in historyLines.dropFirst(min(detailOffset, max(0, historyLines.count - body.height))).prefix(body.height).enumerated() {
                grid.put(line, x: 1, y: body.y + i, role: i == 0 && detailOffset == 0 ? .header : .normal, limit: width - 1)
            }
        case .picker:
            picker(&grid, body)
        case .detail:
            detail(&grid, body, offset: detailOffset)
        case .list, .search, .menu, .importPath, .confirm:
            if width >= 120 {
                // A report needs the room more than the list of four names does.
                let listWidth = pane == .reports ? 24 : width * 11 / 20
                list(&grid, Rect(x: 0, y: body.y, width: listWidth, height: body.height))
                for y in body.y..<(body.y + body.height) { grid.put("│", x: listWidth, y: y, role: .border) }
                detail(&grid, Rect(x: listWidth + 2, y: body.y, width: width - listWidth - 2, height: body.height), offset: 0)
            } else {
                list(&grid, body)
            }
        }
        if case .menu(let purpose) = mode, let menu {
            // A bar menu drops down from its title; the filter pickers sit in the middle.
            let anchor = purpose == .main ? menuBarLayout(width: width)[safe: menuGroup]?.x : nil
            menu.render(into: &grid, area: body, anchor: anchor)
        }
        if mode == .confirm, let confirmation { confirmation.dialog.render(into: &grid, area: body) }
        statusLine(&grid, row: height - 2)
        let bar = mode == .form ? Keymap.formBar(lang) : mode == .picker ? Keymap.pickerBar(lang)
            : mode == .conflict ? Keymap.conflictBar(lang)
            : mode == .participants ? Keymap.participantsBar(lang, exhibition: participants?.event.kind == .exhibition)
            : mode == .checkIn ? Keymap.checkInBar(lang) : mode == .schedule ? Keymap.scheduleBar(lang)
            : mode == .salesGrid ? Keymap.salesGridBar(lang) : Keymap.bar(lang)
        KeyBar.render(bar.map { (" " + $0.key, " " + $0.label) }, into: &grid, row: height - 1)
        return grid
    }

    private func t(_ key: TextKey, _ args: CustomStringConvertible...) -> String { L10n.text(key, lang, arguments: args) }

    /// How far off an event is: past, ongoing, tomorrow, in N days.
    func when(_ start: CivilDate, _ end: CivilDate) -> String {
        let until = today.days(until: start)
        if end < today { return t(.cPast) }
        if until <= 0 { return t(.cOngoing) }
        return until == 1 ? t(.cTomorrow) : t(.cDaysUntil, until)
    }

    private func paneName(_ p: Pane) -> String {
        switch p {
        case .artisans: return t(.uiPaneArtisans)
        case .sessions: return t(.uiPaneSessions)
        case .exhibitions: return t(.uiPaneExhibitions)
        case .reports: return t(.uiPaneReports)
        }
    }

    private func tooSmall(_ grid: inout Grid) {
        let text = t(.uiTooSmall, grid.width, grid.height)
        let lines = Wrap.lines(text, width: grid.width - 2)
        let top = max(0, (grid.height - lines.count) / 2)
        for (i, l) in lines.enumerated() {
            grid.put(l, x: max(0, (grid.width - DisplayWidth.of(l)) / 2), y: top + i, role: .warning)
        }
    }

    private func titleLine(_ grid: inout Grid) {
        grid.fill(Rect(x: 0, y: 0, width: grid.width, height: 1), role: .title)
        let left = " Kriya · Dekranasda Kota Malang · " + (mode == .schedule ? t(.uiScheduleTitle) : paneName(pane))
        grid.put(left, x: 0, y: 0, role: .title)
        // The data folder and user on the right; a long path keeps its end (`…/share/kriya`).
        let tail = " · \(user) "
        let room = grid.width - DisplayWidth.of(left) - 2 - DisplayWidth.of(tail)
        guard room >= 8 else { return }
        var path = dataPath
        if DisplayWidth.of(path) > room {
            path = "…" + String(path.suffix(room - 1))
        }
        let right = path + tail
        grid.put(right, x: grid.width - DisplayWidth.of(right), y: 0, role: .title)
    }

    private func tabs(_ grid: inout Grid) {
        var x = 1
        for p in Pane.allCases {
            x += grid.put(" \(p.rawValue + 1) \(paneName(p)) ", x: x, y: 1, role: p == pane ? .tabActive : .tab) + 1
        }
        renderMenuBar(&grid, tabsEnd: x)
    }

    // MARK: - Lists

    private struct Column { let title: String; let width: Int; let right: Bool }

    private func columns(_ width: Int) -> [Column] {
        switch pane {
        case .artisans:
            let flexible = max(30, width - 18 - 14 - 5)
            return [Column(title: t(.fName), width: flexible * 3 / 8, right: false),
                    Column(title: t(.fBusiness), width: flexible * 3 / 8, right: false),
                    Column(title: t(.fCategory), width: 18, right: false),
                    Column(title: t(.fKelurahan), width: flexible - flexible * 6 / 8, right: false),
                    Column(title: t(.fPhone), width: 14, right: false)]
        case .sessions:
            return [Column(title: t(.fDates), width: 10, right: false),
                    Column(title: t(.fTitle), width: max(20, width - 10 - 12 - 9 - 6 - 5), right: false),
                    Column(title: t(.fStatus), width: 12, right: false),
                    Column(title: t(.fEnrolled), width: 9, right: true),
                    Column(title: "%", width: 6, right: true)]
        case .exhibitions:
            // The month stands on the first row of each month: the schedule reads in groups.
            return [Column(title: "", width: 8, right: false),
                    Column(title: t(.fDays), width: 9, right: false),
                    Column(title: t(.fName), width: max(14, width - 8 - 9 - 13 - 10 - 6 - 12 - 7), right: false),
                    Column(title: t(.fLevel), width: 13, right: false),
                    Column(title: t(.fCity), width: 10, right: false),
                    Column(title: t(.cPeople), width: 6, right: true),
                    Column(title: t(.cWhen), width: 12, right: true)]
        case .reports:
            return [Column(title: t(.uiPaneReports), width: max(20, width - 1), right: false)]
        }
    }

    private func cells(_ position: Int) -> [String] {
        switch pane {
        case .artisans:
            let a = data.artisans.items[position]
            return [a.name, a.business, a.category.label(lang), Wilayah.kelurahan(code: a.kelurahan)?.name ?? a.kelurahan, a.phoneShown]
        case .sessions:
            let s = data.sessions.items[position]
            let cap = s.capacity.map { "\(s.enrolledCount)/\($0)" } ?? "\(s.enrolledCount)"
            let rate = s.attendanceRate(asOf: today).map { "\(Int(($0 * 100).rounded()))%" } ?? "–"
            return [s.start.numeric, s.title, L10n.value(s.status, lang), cap, rate]
        case .exhibitions:
            let e = data.exhibitions.items[position]
            let when = self.when(e.start, e.end)
            // Days of the month, `17–19`; a fair running into the next month shows `30/9–2/10`.
            let days = e.start == e.end ? "\(e.start.day)" : e.start.month == e.end.month ? "\(e.start.day)–\(e.end.day)"
                : "\(e.start.day)/\(e.start.month)–\(e.end.day)/\(e.end.month)"
            return [e.start.monthShortYear(lang), days, e.name, L10n.value(e.level, lang), e.city ?? "",
                    "\(e.participants.filter { $0.curation.isActive }.count)", when]
        case .reports:
            return [reportTitle(ReportName.allCases[position])]
        }
    }

    private func list(_ grid: inout Grid, _ area: Rect) {
        // Where the columns do not fit (the list beside a detail), the least needed give way.
        var shown = Array(columns(area.width).indices)
        let dropOrder: [Int] = pane == .exhibitions ? [3, 4] : pane == .sessions ? [4] : [3]
        for drop in dropOrder where shown.map({ columns(area.width)[$0].width + 1 }).reduce(0, +) > area.width {
            shown.removeAll { $0 == drop }
        }
        var cols = shown.map { columns(area.width)[$0] }
        // Room left over goes to the name columns.
        let slack = area.width - cols.map { $0.width + 1 }.reduce(0, +)
        let growing = (pane == .artisans ? [0, 1] : pane == .sessions ? [1] : [2]).compactMap { shown.firstIndex(of: $0) }
        if slack > 0 {
            for (n, i) in growing.enumerated() {
                let share = slack / growing.count + (n < slack % growing.count ? 1 : 0)
                cols[i] = Column(title: cols[i].title, width: cols[i].width + share, right: cols[i].right)
            }
        }
        var x = area.x
        grid.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), role: .header)
        for (i, c) in zip(shown, cols) {
            let mark = pane == .artisans && sortColumn == i ? (sortDescending ? " ▼" : " ▲") : ""
            grid.put(DisplayWidth.pad(c.title + mark, toCells: c.width, alignRight: c.right), x: x, y: area.y, role: .header,
                     limit: area.x + area.width - x)
            x += c.width + 1
        }
        let rows = self.rows[pane] ?? []
        let visible = area.height - 1
        if rows.isEmpty {
            let q = query[pane] ?? ""
            let text = q.isEmpty ? (data.isEmpty ? t(.uiEmpty) : t(.cNone)) : t(.uiNoMatch, q)
            grid.put(" " + text, x: area.x, y: area.y + 2, role: .muted, limit: area.width)
            return
        }
        let first = Scroll.offset(selected: selected[pane] ?? 0, current: offset[pane] ?? 0, visible: visible, count: rows.count)
        for i in 0..<min(visible, rows.count - first) {
            let row = first + i, y = area.y + 1 + i
            let role: Role = row == (selected[pane] ?? 0) ? .selected : .normal
            if role == .selected { grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: .selected) }
            var x = area.x
            var texts = cells(rows[row])
            if pane == .exhibitions, row > first, cells(rows[row - 1]).first == texts.first { texts[0] = "" }
            for (c, text) in zip(cols, shown.map { texts[$0] }) {
                grid.put(DisplayWidth.pad(TerminalSafe.text(text), toCells: c.width, alignRight: c.right), x: x, y: y, role: role,
                         limit: area.x + area.width - x)
                x += c.width + 1
            }
        }
    }

    // MARK: - Detail, help, status

    private func detailLines(width: Int) -> [String] {
        guard let id = selectedID(pane) else { return [] }
        let view = DetailView(data: data, lang: lang, today: today, width: width)
        switch id.kind {
        case .artisan: return data.artisans[id].map(view.artisan) ?? []
        case .session: return data.sessions[id].map(view.session) ?? []
        case .exhibition: return data.exhibitions[id].map(view.exhibition) ?? []
        }
    }

    private func detail(_ grid: inout Grid, _ area: Rect, offset: Int) {
        if pane == .reports { return report(&grid, area, offset: offset) }
        let lines = detailLines(width: area.width - 1)
        let start = min(offset, max(0, lines.count - area.height))
        for (i, line) in lines.dropFirst(start).prefix(area.height).enumerated() {
            grid.put(line, x: area.x + 1, y: area.y + i, role: i == 0 && start == 0 ? .header : .normal, limit: area.width - 1)
        }
    }

    /// The bindings in force, one a row; ↑/↓ scroll them when they do not fit.
    private func help(_ grid: inout Grid, _ area: Rect) {
        grid.put(" " + t(.uiHelpTitle), x: area.x, y: area.y, role: .header, limit: area.width)
        let room = area.height - 2
        let first = min(detailOffset, max(0, Keymap.list.count - room))
        var y = area.y + 1
        // The keys column as wide as its longest entry, so the descriptions keep the room.
        let keyWidth = min(20, Keymap.list.map { DisplayWidth.of($0.keys.map(\.key.label).joined(separator: " ")) }.max() ?? 10)
        for b in Keymap.list.dropFirst(first).prefix(room) {
            let keys = b.keys.map(\.key.label).joined(separator: " ")
            grid.put("  " + DisplayWidth.pad(keys, toCells: keyWidth), x: area.x, y: y, role: .keyBarKey)
            grid.put(t(b.help), x: area.x + keyWidth + 4, y: y, role: .normal, limit: area.width - keyWidth - 4)
            y += 1
        }
        let hidden = Keymap.list.count - first - room
        let more = first > 0 || hidden > 0 ? "  ↑↓ " + t(.uiHelpMore, first, max(0, hidden)) : ""
        grid.put("  " + t(.uiHelpClose) + more, x: area.x, y: min(y, area.y + area.height - 1), role: .muted, limit: area.width)
    }

    /// `Kecamatan: Lowokwaru · Category: Batik` (the pane's own filters).
    var filterSummary: String {
        switch pane {
        case .sessions: return sessionStatus.map { "\(t(.fStatus)): \(L10n.value($0, lang))" } ?? ""
        case .exhibitions: return exhibitionStatus.map { "\(t(.fStatus)): \(L10n.value($0, lang))" } ?? ""
        case .reports: return ""
        case .artisans: break
        }
        var parts: [String] = []
        if let k = filter.kecamatan, let kec = Wilayah.kecamatan(code: k) { parts.append("\(t(.fKecamatan)): \(kec.name)") }
        if let c = filter.category { parts.append("\(t(.fCategory)): \(c.label(lang))") }
        if let c = filter.certification { parts.append("\(t(.uiFilterCertification)): \(c.rawValue)") }
        return parts.joined(separator: " · ")
    }

    private func statusLine(_ grid: inout Grid, row: Int) {
        if let busy {
            grid.put(" " + busy, x: 0, y: row, role: .warning, limit: grid.width)
            return
        }
        let count = rows[pane]?.count ?? 0
        let total: Int
        switch pane {
        case .artisans: total = data.artisans.count
        case .sessions: total = data.sessions.count
        case .exhibitions: total = data.exhibitions.count
        case .reports: total = ReportName.allCases.count
        }
        let position = count == 0 ? "0" : "\((selected[pane] ?? 0) + 1)"
        let counter = " \(position)/\(count)" + (count == total ? "" : " · " + t(.uiCount, count, total)) + " "
        let q = query[pane] ?? ""
        if mode == .importPath {
            // Why the last name did not work, just above the prompt.
            if let message {
                // Over the list's last row: cleared first, so no row shows through.
                grid.fill(Rect(x: 0, y: row - 1, width: grid.width, height: 1), role: .warning)
                grid.put(" " + message, x: 0, y: row - 1, role: .warning, limit: grid.width)
            }
            let used = grid.put(" " + t(.uiImportPrompt), x: 0, y: row, role: .search)
            let shown = grid.put(TerminalSafe.text(importPath), x: used, y: row, role: .search, limit: grid.width - used - 1)
            grid.put("▏", x: used + shown, y: row, role: .search)
            return
        }
        if mode == .form || mode == .checkIn || mode == .participants || mode == .schedule || mode == .salesGrid {
            if let message { grid.put(" " + message, x: 0, y: row, role: discardPending ? .warning : .search, limit: grid.width) }
            return
        }
        if mode == .importPreview {
            let line: String
            switch (importReady > 0, importUpdates, importExisting > 0) {
            case (true, true, _): line = t(.uiImportConfirmUpdate, importReady)
            case (true, false, true): line = t(.uiImportConfirmSkip, importReady, importExisting)
            case (true, false, false): line = t(.uiImportConfirm, importReady)
            case (false, false, true): line = t(.uiImportNothingSkip, importExisting)
            case (false, _, _): line = t(.uiImportNothing)
            }
            grid.put(" " + line, x: 0, y: row, role: .search, limit: grid.width)
            return
        }
        if quitPending, let message {
            grid.put(" " + message, x: 0, y: row, role: .warning, limit: grid.width - DisplayWidth.of(counter))
        } else if mode == .search || !q.isEmpty {
            let prompt = " " + t(.uiSearchPrompt)
            let used = grid.put(prompt, x: 0, y: row, role: .search)
            let shown = grid.put(q, x: used, y: row, role: .search, limit: grid.width - used - DisplayWidth.of(counter) - 1)
            if mode == .search { grid.put("▏", x: used + shown, y: row, role: .search) }
        } else if let message {
            grid.put(" " + message, x: 0, y: row, role: .warning, limit: grid.width - DisplayWidth.of(counter))
        } else if !filterSummary.isEmpty {
            grid.put(" " + filterSummary, x: 0, y: row, role: .search, limit: grid.width - DisplayWidth.of(counter) - 1)
        }
        grid.put(counter, x: grid.width - DisplayWidth.of(counter), y: row, role: .muted)
    }
}
