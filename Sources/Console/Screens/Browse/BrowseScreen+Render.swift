import KriyaCore
import KriyaText
import KriyaViews
import TextUI

/// The lists: column titles, the rows around the selection, and on a wide terminal the
/// selected record (or report) beside them; under them a status line with the search, the
/// filters and a counter.
extension BrowseScreen {
    public func render(_ shared: Shared, into grid: inout Grid, area: Rect) {
        // A report needs the room more than the list of four names does.
        let (listArea, detailArea) = shared.layout.split(wideListWidth: pane == .reports ? 24 : shared.layout.width * 11 / 20)
        list(shared, &grid, listArea)
        guard let detailArea else { return }
        for y in area.y..<(area.y + area.height) { grid.put("│", x: listArea.width, y: y, role: .border) }
        if pane == .reports {
            if let report = selectedReport(shared) { DetailScreen.drawReport(report, shared, &grid, detailArea, offset: 0) }
        } else if let id = selectedID(pane, shared) {
            DetailScreen.drawRecord(id, shared, &grid, detailArea, offset: 0)
        }
    }

    private struct Column { let title: String; let width: Int; let right: Bool }

    private func columns(_ width: Int, _ shared: Shared) -> [Column] {
        let t = { (k: TextKey) in shared.t(k) }
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
            return [Column(title: shared.t(.uiPaneReports), width: max(20, width - 1), right: false)]
        case .organisation:
            let flexible = max(24, width - 17 - 14 - 6 - 4)
            return [Column(title: shared.t(.uiColumnRole), width: 17, right: false),
                    Column(title: t(.fName), width: flexible / 2, right: false),
                    Column(title: shared.t(.uiColumnDetail), width: flexible - flexible / 2, right: false),
                    Column(title: t(.fPhone), width: 14, right: false),
                    Column(title: t(.rSessions), width: 6, right: true)]
        }
    }

    private func cells(_ position: Int, _ shared: Shared) -> [String] {
        let (data, lang, today) = (shared.data, shared.lang, shared.today)
        switch pane {
        case .artisans:
            let a = data.artisans.items[position]
            return [a.name, a.business, a.category.label(lang), Wilayah.kelurahan(code: a.kelurahan)?.name ?? a.kelurahan, a.phoneShown]
        case .sessions:
            let s = data.sessions.items[position]
            let cap = s.capacity.map { "\(s.enrolledCount)/\($0)" } ?? "\(s.enrolledCount)"
            let rate = s.attendanceRate(asOf: today).map { "\(Int(($0 * 100).rounded()))%" } ?? "–"
            // Outreach says so (unless its title does already).
            let kind = s.kind == .pelatihan || Fold.string(s.title).contains(Fold.string(L10n.value(s.kind, lang))) ? "" : " · " + L10n.value(s.kind, lang)
            // A door away from the office (issue 33) says so until it is brought back.
            let out = s.doors.filter(\.isOut).map(\.name)
            let doors = out.isEmpty ? "" : " · " + UIText.text(.uiDoorsOut, lang, out.joined(separator: ", "))
            return [s.start.numeric, s.title + kind + doors, L10n.value(s.status(on: today), lang), cap, rate]
        case .exhibitions:
            let e = data.exhibitions.items[position]
            let when = shared.when(e.start, e.end)
            // Days of the month, `17–19`; a fair running into the next month shows `30/9–2/10`.
            let days = e.start == e.end ? "\(e.start.day)" : e.start.month == e.end.month ? "\(e.start.day)–\(e.end.day)"
                : "\(e.start.day)/\(e.start.month)–\(e.end.day)/\(e.end.month)"
            return [e.start.monthShortYear(lang), days, e.name, L10n.value(e.level, lang), e.city ?? "",
                    "\(e.participants.filter { $0.curation.isActive }.count)", when]
        case .reports:
            return [Self.reportTitle(ReportName.allCases[position], lang)]
        case .organisation:
            return councilCells(CouncilRow(position), shared)
        }
    }

    private func list(_ shared: Shared, _ grid: inout Grid, _ area: Rect) {
        // Where the columns do not fit (the list beside a detail), the least needed give way.
        let all = columns(area.width, shared)
        var shown = Array(all.indices)
        let dropOrder: [Int] = pane == .exhibitions ? [3, 4] : pane == .sessions ? [4] : pane == .organisation ? [4, 3] : [3]
        for drop in dropOrder where shown.map({ all[$0].width + 1 }).reduce(0, +) > area.width {
            shown.removeAll { $0 == drop }
        }
        var cols = shown.map { all[$0] }
        // Room left over goes to the name columns.
        let slack = area.width - cols.map { $0.width + 1 }.reduce(0, +)
        let growing = (pane == .artisans ? [0, 1] : pane == .organisation ? [1, 2] : pane == .sessions ? [1] : [2]).compactMap { shown.firstIndex(of: $0) }
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
        let visible = listRows(shared.layout)
        if rows.isEmpty {
            let q = query[pane] ?? ""
            let none = pane == .organisation && shared.data.terms.count == 0 ? shared.t(.uiNoBoard) : shared.t(.cNone)
            let text = q.isEmpty ? (shared.data.isEmpty ? shared.t(.uiEmpty) : none) : shared.t(.uiNoMatch, q)
            grid.put(" " + text, x: area.x, y: area.y + 2, role: .muted, limit: area.width)
            return
        }
        let state = lists[pane] ?? ListState()
        let first = state.firstShown(count: rows.count, visible: visible)
        for i in 0..<min(visible, rows.count - first) {
            let row = first + i, y = area.y + 1 + i
            let role: Role = row == state.selected ? .selected : .normal
            if role == .selected { grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: .selected) }
            var x = area.x
            var texts = cells(rows[row], shared)
            if pane == .exhibitions, row > first, cells(rows[row - 1], shared).first == texts.first { texts[0] = "" }
            for (c, text) in zip(cols, shown.map { texts[$0] }) {
                grid.put(DisplayWidth.pad(TerminalSafe.text(text), toCells: c.width, alignRight: c.right), x: x, y: y, role: role,
                         limit: area.x + area.width - x)
                x += c.width + 1
            }
        }
    }

    /// `Kecamatan: Lowokwaru · Category: Batik` (the pane's own filters).
    func filterSummary(_ shared: Shared) -> String {
        let t = { (k: TextKey) in shared.t(k) }
        switch pane {
        case .sessions:
            return [sessionStatus.map { "\(t(.fStatus)): \(L10n.value($0, shared.lang))" },
                    sessionKind.map { "\(t(.fSessionKind)): \(L10n.value($0, shared.lang))" }].compactMap { $0 }.joined(separator: " · ")
        case .exhibitions: return exhibitionStatus.map { "\(t(.fStatus)): \(L10n.value($0, shared.lang))" } ?? ""
        case .reports: return ""
        case .organisation: return councilSummary(shared)
        case .artisans: break
        }
        var parts: [String] = []
        if let k = filter.kecamatan, let kec = Wilayah.kecamatan(code: k) { parts.append("\(t(.fKecamatan)): \(kec.name)") }
        if let c = filter.category { parts.append("\(t(.fCategory)): \(c.label(shared.lang))") }
        if let c = filter.certification { parts.append("\(shared.t(.uiFilterCertification)): \(c.rawValue)") }
        return parts.joined(separator: " · ")
    }

    /// The search box or the message or the filters, and a counter on the right.
    public func renderStatus(_ shared: Shared, into grid: inout Grid, row: Int) -> Bool {
        let count = rows[pane]?.count ?? 0
        let total: Int
        switch pane {
        case .artisans: total = shared.data.artisans.count
        case .sessions: total = shared.data.sessions.count
        case .exhibitions: total = shared.data.exhibitions.count
        case .reports: total = ReportName.allCases.count
        case .organisation: total = councilRows("", shared).count
        }
        let n = { L10n.count($0, shared.lang) }
        let position = n(count == 0 ? 0 : (lists[pane]?.selected ?? 0) + 1)
        let counter = " \(position)/\(n(count))" + (count == total ? "" : " · " + shared.t(.uiCount, n(count), n(total))) + " "
        let box = searchBox[pane] ?? TextField()
        let room = grid.width - DisplayWidth.of(counter)
        if shared.quitPending, let message = shared.message {
            grid.put(" " + message, x: 0, y: row, role: .warning, limit: room)
        } else if let message = shared.message, !searching {
            // What just happened comes first; the search stays in force and shows at the next key.
            grid.put(" " + message, x: 0, y: row, role: .warning, limit: room)
        } else if searching || !box.text.isEmpty {
            box.render(into: &grid, x: 0, y: row, width: room - 1, prompt: " " + shared.t(.uiSearchPrompt), cursor: searching,
                       fill: false)
        } else if !filterSummary(shared).isEmpty {
            grid.put(" " + filterSummary(shared), x: 0, y: row, role: .search, limit: room - 1)
        }
        grid.put(counter, x: grid.width - DisplayWidth.of(counter), y: row, role: .muted)
        return true
    }
}
