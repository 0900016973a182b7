import KriyaCore
import KriyaText
import TextUI

/// The check-in screen: the day, counters big enough to read from the door, the search box,
/// the people it finds (enrolled first, then others who could be enrolled at the door).
extension ConsoleState {
    func renderCheckIn(_ grid: inout Grid, _ area: Rect) {
        guard let view = checkIn, let s = data.sessions[view.session] else { return }
        let t = { (k: TextKey, a: [CustomStringConvertible]) in L10n.text(k, self.lang, arguments: a) }
        let days = s.days
        let dayNumber = (days.firstIndex(of: view.day) ?? 0) + 1
        var heading = t(.uiCheckInTitle, [TerminalSafe.text(s.title), dayNumber, days.count, view.day.long(lang)])
        if days.count > 1 { heading += " (←→)" }
        grid.put(" " + heading, x: area.x, y: area.y, role: .header, limit: area.width)

        // Counters: present (large), then enrolled, capacity, late, excused, absent, not yet.
        let registered = s.participants.filter { $0.enrolment == .registered }
        let marks = registered.compactMap { $0.mark(on: view.day)?.mark }
        let present = marks.filter(\.countsAsPresent).count
        let big = BigNumber.rows(present)
        for (i, row) in big.enumerated() { grid.put(" " + row, x: area.x + 1, y: area.y + 2 + i, role: .success) }
        let x = area.x + 3 + BigNumber.width(present) + 2
        let line1 = t(.uiCheckInPresent, [present, registered.count, s.capacity.map(String.init) ?? "–"])
        let line2 = t(.uiCheckInCounts, [marks.filter { $0 == .terlambat }.count, marks.filter { $0 == .izin }.count,
                                         marks.filter { $0 == .alpa }.count, registered.count - marks.count])
        let eligible = s.participants.filter { CheckInRules.eligible($0, in: s) && $0.certificate == nil }.count
        grid.put(line1, x: x, y: area.y + 2, role: .header, limit: area.x + area.width - x)
        grid.put(line2, x: x, y: area.y + 3, role: .normal, limit: area.x + area.width - x)
        var third: [String] = []
        if let start = s.startTime {
            let lateAfter = start.minutes + (s.graceMinutes ?? 0)
            third.append(t(.uiCheckInLateAfter, [start, ClockTime(hour: lateAfter / 60 % 24, minute: lateAfter % 60)!]))
        }
        if eligible > 0 { third.append(t(.uiCheckInEligible, [eligible])) }
        grid.put(third.joined(separator: " · "), x: x, y: area.y + 4, role: .muted, limit: area.x + area.width - x)

        // The search box: always the focus.
        let y = area.y + 6
        grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: .search)
        let used = grid.put(" " + t(.uiCheckInSearch, []), x: area.x, y: y, role: .search)
        let shown = view.query.visible(width: area.width - used - 1)
        grid.put(TerminalSafe.text(shown.text), x: used, y: y, role: .search)
        grid.put("▏", x: used + shown.cursorColumn, y: y, role: .search)

        let listTop = y + 1
        let visible = area.y + area.height - listTop
        let first = view.selected >= visible ? view.selected - visible + 1 : 0
        let statusWidth = 16
        let flexible = max(20, area.width - 2 - 12 - 15 - statusWidth - 3)
        for (n, id) in view.rows.dropFirst(first).prefix(visible).enumerated() {
            let i = first + n, row = listTop + n
            guard let a = data.artisans[id] else { continue }
            let isEnrolled = i < view.enrolled.count
            let mark = isEnrolled ? s.participant(id)?.mark(on: view.day) : nil
            let status = isEnrolled ? (mark.map { L10n.value($0.mark, lang) + ($0.time.map { " \($0)" } ?? "") } ?? "–")
                                    : t(.uiCheckInNotEnrolled, [])
            let role: Role = i == view.selected ? .selected : (mark?.mark.countsAsPresent == true ? .success : isEnrolled ? .normal : .muted)
            if i == view.selected { grid.fill(Rect(x: area.x, y: row, width: area.width, height: 1), role: .selected) }
            let text = DisplayWidth.pad(TerminalSafe.text(a.name), toCells: flexible / 2) + " "
                + DisplayWidth.pad(TerminalSafe.text(a.business), toCells: flexible - flexible / 2) + " "
                + DisplayWidth.pad(Wilayah.kelurahan(code: a.kelurahan)?.name ?? "", toCells: 12) + " "
                + DisplayWidth.pad(a.phoneShown, toCells: 15) + " " + status
            grid.put(" " + text, x: area.x, y: row, role: role, limit: area.width)
        }
        if view.rows.isEmpty {
            grid.put("  " + t(view.query.text.isEmpty ? .uiParticipantsNone : .uiCheckInNobody, []), x: area.x, y: listTop + 1, role: .muted, limit: area.width)
        }
    }
}
