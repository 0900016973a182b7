import KriyaCore
import KriyaText
import KriyaViews
import TextUI

/// The participants screen: a heading with the counts that matter for the event, then one
/// row per person with what staff check at a glance.
extension ConsoleState {
    func renderParticipants(_ grid: inout Grid, _ area: Rect) {
        guard let view = participants else { return }
        let rows = participantRows(view.event)
        let heading: String
        var columns: [(title: String, width: Int, right: Bool)]
        let cells: (EntityID) -> [String]
        if let s = data.sessions[view.event] {
            let waiting = s.participants.filter { $0.enrolment == .waitlist }.count
            heading = L10n.text(.uiParticipantsSession, lang, TerminalSafe.text(s.title), s.enrolledCount, s.capacity.map(String.init) ?? "–", waiting)
            let days = s.days
            columns = [(L10n.text(.fEnrolled, lang), 11, false), (L10n.text(.fAttendance, lang), max(10, min(days.count * 2, 20)), false),
                       (L10n.text(.fCertificate, lang), 16, false)]
            cells = { id in
                guard let p = s.participant(id) else { return ["", "", ""] }
                let marks = days.map { d in p.mark(on: d).map { Marks.letter($0.mark) } ?? (d <= today ? "?" : "·") }
                // Who meets the session's certificate rule and still waits for a number (F8 at the door).
                let due = p.certificate == nil && CheckInRules.eligible(p, in: s) ? "✓ " + L10n.text(.uiCertificateDue, self.lang) : ""
                return [L10n.value(p.enrolment, lang), marks.joined(separator: " "), p.certificate ?? due]
            }
        } else if let e = data.exhibitions[view.event] {
            let active = e.participants.filter { $0.curation.isActive }
            heading = L10n.text(.uiParticipantsExhibition, lang, TerminalSafe.text(e.name), e.participants.filter { $0.curation == .accepted }.count,
                                e.participants.filter { $0.curation == .proposed }.count, active.filter { $0.booth != nil }.count,
                                Rupiah.format(e.totalSales))
            columns = [(L10n.text(.fCuration, lang), 11, false), (L10n.text(.fBooth, lang), 6, false),
                       (L10n.text(.fSales, lang), 13, true), ("Trx", 4, true), (L10n.text(.uiColumnLeads, lang), 7, true)]
            cells = { id in
                guard let p = e.participant(id) else { return ["", "", "", "", ""] }
                // Someone who lacks a certification the fair asks for is marked; the selected
                // one's missing kinds are spelled out under the list.
                let missing = self.data.artisans[id].map(e.missingCertifications) ?? []
                let curation = L10n.value(p.curation, lang) + (missing.isEmpty ? "" : " ⚠")
                return [curation, p.booth ?? "", p.sales.map(Rupiah.format) ?? "",
                        p.transactions.map(String.init) ?? "", p.leads.map(String.init) ?? ""]
            }
        } else {
            return
        }
        grid.put(" " + heading, x: area.x, y: area.y, role: .header, limit: area.width)
        // Name and business share what the fixed columns leave.
        let fixed = columns.reduce(0) { $0 + $1.width + 1 }
        let flexible = max(20, area.width - 1 - fixed - 1)
        columns.insert((L10n.text(.fBusiness, lang), flexible - flexible / 2, false), at: 0)
        columns.insert((L10n.text(.fName, lang), flexible / 2, false), at: 0)
        func line(_ values: [String]) -> String {
            zip(columns, values).map { c, v in DisplayWidth.pad(DisplayWidth.truncate(TerminalSafe.text(v), toCells: c.width), toCells: c.width, alignRight: c.right) }
                .joined(separator: " ")
        }
        grid.put(" " + line(columns.map(\.title)), x: area.x, y: area.y + 1, role: .header, limit: area.width)
        if rows.isEmpty { grid.put("  " + L10n.text(.uiParticipantsNone, lang), x: area.x, y: area.y + 3, role: .muted, limit: area.width) }
        let visible = area.height - 3
        for (n, id) in rows.dropFirst(view.offset).prefix(visible).enumerated() {
            let i = view.offset + n, y = area.y + 2 + n
            let a = data.artisans[id]
            let role: Role = i == view.selected ? .selected : .normal
            if role == .selected { grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: .selected) }
            grid.put(" " + line([a?.name ?? id.description, a?.business ?? ""] + cells(id)), x: area.x, y: y, role: role, limit: area.width)
        }
        // Under the list: what the fair requires, and what the selected artisan lacks of it.
        if let e = data.exhibitions[view.event], !e.requiredCertifications.isEmpty, view.booth == nil {
            var line = " " + L10n.text(.uiRequires, lang, e.requiredCertifications.map(\.rawValue).joined(separator: ", "))
            if rows.indices.contains(view.selected), let a = data.artisans[rows[view.selected]], case let missing = e.missingCertifications(a), !missing.isEmpty {
                line += " · ⚠ " + L10n.text(.uiLacks, lang, TerminalSafe.text(a.name), missing.map(\.rawValue).joined(separator: ", "))
            }
            grid.put(line, x: area.x, y: area.y + area.height - 1, role: .warning, limit: area.width)
        }
        if let booth = view.booth {
            // The booth prompt sits on the last row of the screen's body.
            let name = rows.indices.contains(view.selected) ? data.artisans[rows[view.selected]]?.name ?? "" : ""
            let y = area.y + area.height - 1
            grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: .search)
            let used = grid.put(" " + L10n.text(.uiBoothPrompt, lang, TerminalSafe.text(name)), x: area.x, y: y, role: .search, limit: area.width - 8)
            let shown = booth.visible(width: area.width - used - 1)
            grid.put(TerminalSafe.text(shown.text), x: used, y: y, role: .search)
            grid.put("▏", x: used + shown.cursorColumn, y: y, role: .search)
        }
    }
}
