import KriyaCore
import KriyaText
import KriyaViews
import TextUI

/// The participants screen: a heading with the counts that matter for the event, then one
/// row per person with what staff check at a glance.
extension ParticipantsScreen {
    /// Curation as a column of 11 cells reads it ("tidak lolos", not "tidak lolos kurasi").
    static let curationShort: [Curation: UIKey] = [.proposed: .uiCurationProposed, .accepted: .uiCurationAccepted,
                                                   .rejected: .uiCurationRejected, .withdrawn: .uiCurationWithdrawn]

    public func render(_ shared: Shared, into grid: inout Grid, area: Rect) {
        let (data, lang, today) = (shared.data, shared.lang, shared.today)
        let rows = self.rows(shared)
        let headingOf: (String) -> String, headingName: String
        var columns: [(title: String, width: Int, right: Bool)]
        let cells: (EntityID) -> [String]
        if let s = data.sessions[event] {
            let people = L10n.people(s, lang)
            headingOf = { name in name + " · " + people }
            headingName = TerminalSafe.text(s.title)
            let days = s.days
            columns = [(shared.t(.fEnrolled), 11, false), (shared.t(.fAttendance), max(10, min(days.count * 2, 20)), false),
                       (shared.t(.fCertificate), 16, false)]
            cells = { id in
                guard let p = s.participant(id) else { return ["", "", ""] }
                let marks = days.map { d in p.mark(on: d).map { Marks.letter($0.mark) } ?? (d <= today ? "?" : "·") }
                // Who meets the session's certificate rule and still waits for a number (F8 at the door).
                let due = p.certificate == nil && CheckInRules.eligible(p, in: s) ? "✓ " + shared.t(.uiCertificateDue) : ""
                return [p.role == .peserta ? L10n.value(p.enrolment, lang) : L10n.value(p.role, lang), marks.joined(separator: " "), p.certificate ?? due]
            }
        } else if let e = data.exhibitions[event] {
            let active = e.participants.filter { $0.curation.isActive }
            let (accepted, proposed, booths) = (e.participants.filter { $0.curation == .accepted }.count,
                                                e.participants.filter { $0.curation == .proposed }.count, active.filter { $0.booth != nil }.count)
            let total = Rupiah.format(e.totalSales)
            headingOf = { name in shared.t(.uiParticipantsExhibition, name, accepted, proposed, booths, total) }
            headingName = TerminalSafe.text(e.name)
            // Headings in the staff's words; narrow columns as wide as their heading.
            let (trx, leads) = (shared.t(.uiColumnTransactions), shared.t(.uiColumnLeads))
            columns = [(shared.t(.fCuration), 11, false), (shared.t(.fBooth), 6, false), (shared.t(.fSales), 10, true),
                       (trx, max(4, DisplayWidth.of(trx)), true), (leads, max(4, DisplayWidth.of(leads)), true)]
            cells = { id in
                guard let p = e.participant(id) else { return ["", "", "", "", ""] }
                // Someone who lacks a certification the fair asks for is marked; the selected
                // one's missing kinds are spelled out under the list.
                let missing = data.artisans[id].map(e.missingCertifications) ?? []
                let curation = shared.t(Self.curationShort[p.curation]!) + (missing.isEmpty ? "" : " ⚠")
                return [curation, p.booth ?? "", p.sales.map(Rupiah.short) ?? "",
                        p.transactions.map(String.init) ?? "", p.leads.map(String.init) ?? ""]
            }
        } else {
            return
        }
        // The counts and the money are never cut: the event's name gives way when the line is full.
        var heading = headingOf(headingName)
        let over = DisplayWidth.of(heading) - (area.width - 1)
        if over > 0 { heading = headingOf(DisplayWidth.truncate(headingName, toCells: max(8, DisplayWidth.of(headingName) - over))) }
        grid.put(" " + heading, x: area.x, y: area.y, role: .header, limit: area.width)
        // Name and business share what the fixed columns leave.
        let fixed = columns.reduce(0) { $0 + $1.width + 1 }
        let flexible = max(20, area.width - 1 - fixed - 1)
        columns.insert((shared.t(.fBusiness), flexible - flexible / 2, false), at: 0)
        columns.insert((shared.t(.fName), flexible / 2, false), at: 0)
        func line(_ values: [String]) -> String {
            zip(columns, values).map { c, v in DisplayWidth.pad(DisplayWidth.truncate(TerminalSafe.text(v), toCells: c.width), toCells: c.width, alignRight: c.right) }
                .joined(separator: " ")
        }
        grid.put(" " + line(columns.map(\.title)), x: area.x, y: area.y + 1, role: .header, limit: area.width)
        if rows.isEmpty { grid.put("  " + (search.text.isEmpty ? shared.t(.uiParticipantsNone) : shared.t(.uiNoMatch, TerminalSafe.text(search.text))), x: area.x, y: area.y + 3, role: .muted, limit: area.width) }
        let visible = self.visible(shared.layout)
        let first = list.firstShown(count: rows.count, visible: visible)
        for (n, id) in rows.dropFirst(first).prefix(visible).enumerated() {
            let i = first + n, y = area.y + 2 + n
            let a = data.artisans[id]
            let role: Role = i == list.selected ? .selected : .normal
            if role == .selected { grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: .selected) }
            grid.put(" " + line([a?.name ?? id.description, a?.business ?? ""] + cells(id)), x: area.x, y: y, role: role, limit: area.width)
        }
        // Under the list: what the fair requires, what the selected artisan lacks of it, and why
        // they did not pass curation.
        if let e = data.exhibitions[event] {
            var parts: [String] = []
            let selected = rows[safe: list.selected]
            if !e.requiredCertifications.isEmpty {
                parts.append(shared.t(.uiRequires, e.requiredCertifications.map(\.rawValue).joined(separator: ", ")))
                if let id = selected, let a = data.artisans[id], case let missing = e.missingCertifications(a), !missing.isEmpty {
                    parts.append("⚠ " + shared.t(.uiLacks, TerminalSafe.text(a.name), missing.map(\.rawValue).joined(separator: ", ")))
                }
            }
            if let id = selected, let note = e.participant(id)?.curationNote { parts.append(shared.t(.fCurationNote) + ": " + TerminalSafe.text(note)) }
            if !parts.isEmpty {
                grid.put(" " + parts.joined(separator: " · "), x: area.x, y: area.y + area.height - (searchShown ? 2 : 1), role: .warning, limit: area.width)
            }
        }
        if searchShown {
            let count = " " + shared.t(.uiCount, rows.count, everyone(shared).count)
            search.render(into: &grid, x: area.x, y: area.y + area.height - 1, width: area.width - DisplayWidth.of(count),
                          prompt: " " + shared.t(.uiSearchPrompt), cursor: searching)
            grid.put(count, x: area.x + area.width - DisplayWidth.of(count), y: area.y + area.height - 1, role: .muted)
        }
    }
}
