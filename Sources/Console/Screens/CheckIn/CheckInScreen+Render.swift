import KriyaCore
import KriyaText
import TextUI

/// The check-in screen: the day, counters big enough to read from the door, the search box,
/// the people it finds (enrolled first, then others who could be enrolled at the door).
extension CheckInScreen {
    public func render(_ shared: Shared, into grid: inout Grid, area: Rect) {
        guard let s = shared.data.sessions[session] else { return }
        let (data, lang) = (shared.data, shared.lang)
        let days = s.days
        let dayNumber = (days.firstIndex(of: day) ?? 0) + 1
        // The day is what the door must never lose: the weekday goes first, then the title
        // gives way ("Kurasi Produk untuk…"), never the date.
        let arrows = days.count > 1 ? " (←→)" : ""
        let title = TerminalSafe.text(s.title)
        func heading(_ title: String, _ date: String) -> String { shared.t(.uiCheckInTitle, title, dayNumber, days.count, date) + arrows }
        var text = heading(title, day.long(lang))
        if DisplayWidth.of(text) > area.width - 1 { text = heading(title, day.short(lang)) }
        let over = DisplayWidth.of(text) - (area.width - 1)
        if over > 0 { text = heading(DisplayWidth.truncate(title, toCells: max(8, DisplayWidth.of(title) - over)), day.short(lang)) }
        grid.put(" " + text, x: area.x, y: area.y, role: .header, limit: area.width)

        // Counters: present (large), then enrolled, capacity, late, excused, absent, not yet.
        let registered = s.participants.filter { $0.enrolment == .registered && $0.role == .peserta }
        let marks = registered.compactMap { $0.mark(on: day)?.mark }
        let present = marks.filter(\.countsAsPresent).count
        let big = BigNumber.rows(present)
        for (i, row) in big.enumerated() { grid.put(" " + row, x: area.x + 1, y: area.y + 2 + i, role: .success) }
        let x = area.x + 3 + BigNumber.width(present) + 2
        let line1 = shared.t(.uiCheckInPresent, L10n.enrolment(s, lang))
        let line2 = shared.t(.uiCheckInCounts, marks.filter { $0 == .terlambat }.count, marks.filter { $0 == .izin }.count,
                             marks.filter { $0 == .alpa }.count, registered.count - marks.count)
        let eligible = s.participants.filter { CheckInRules.eligible($0, in: s) && $0.certificate == nil }.count
        grid.put(line1, x: x, y: area.y + 2, role: .header, limit: area.x + area.width - x)
        grid.put(line2, x: x, y: area.y + 3, role: .normal, limit: area.x + area.width - x)
        var third: [String] = []
        if let start = s.startTime {
            let lateAfter = start.minutes + (s.graceMinutes ?? 0)
            third.append(shared.t(.uiCheckInLateAfter, start, ClockTime(hour: lateAfter / 60 % 24, minute: lateAfter % 60)!))
        }
        if eligible > 0 { third.append(shared.t(.uiCheckInEligible, eligible)) }
        grid.put(third.joined(separator: " · "), x: x, y: area.y + 4, role: .muted, limit: area.x + area.width - x)
        // A day the door cannot mark (to come, past, closed): said above the box, before anyone types.
        let shut: UIKey? = switch door(shared) {
        case .open: nil
        case .notBegun, .notAMeetingDay: .uiCheckInNotBegun
        case .past: .uiCheckInDayPast
        case .closed: .uiCheckInDayClosed
        }
        if let shut { grid.put(" " + shared.t(shut), x: area.x, y: area.y + 5, role: .warning, limit: area.width) }

        // The search box: always the focus.
        query.render(into: &grid, x: area.x, y: area.y + 6, width: area.width, prompt: " " + shared.t(.uiCheckInSearch))

        let listTop = area.y + Self.listTop
        let visible = self.visible(shared.layout)
        let first = list.firstShown(count: rows.count, visible: visible)
        let flexible = max(20, area.width - 2 - 12 - 15 - 16 - 3)
        for (n, id) in rows.dropFirst(first).prefix(visible).enumerated() {
            let i = first + n, row = listTop + n
            guard let a = data.artisans[id] else { continue }
            let isEnrolled = i < enrolled.count
            let mark = isEnrolled ? s.participant(id)?.mark(on: day) : nil
            // Speakers and committee are at the door too, but never counted as participants.
            let staff = isEnrolled ? s.participant(id).flatMap { $0.role == .peserta ? nil : L10n.value($0.role, lang) + " · " } ?? "" : ""
            let status = staff + (isEnrolled ? (mark.map { L10n.value($0.mark, lang) + ($0.time.map { " \($0)" } ?? "") } ?? "–")
                : i < enrolled.count + waiting.count ? L10n.value(Enrolment.waitlist, lang) : shared.t(.uiCheckInNotEnrolled))
            let role: Role = i == list.selected ? .selected : (mark?.mark.countsAsPresent == true ? .success : isEnrolled ? .normal : .muted)
            if i == list.selected { grid.fill(Rect(x: area.x, y: row, width: area.width, height: 1), role: .selected) }
            let text = DisplayWidth.pad(TerminalSafe.text(a.name), toCells: flexible / 2) + " "
                + DisplayWidth.pad(TerminalSafe.text(a.business), toCells: flexible - flexible / 2) + " "
                + DisplayWidth.pad(Wilayah.kelurahan(code: a.kelurahan)?.name ?? "", toCells: 12) + " "
                + DisplayWidth.pad(a.phoneShown, toCells: 15) + " " + status
            // While letters find several, each candidate's digit picks them (1–9), in a column of its own.
            let lead = numbered == 0 ? " " : i < numbered ? "\(i + 1) " : "  "
            grid.put(lead + text, x: area.x, y: row, role: role, limit: area.width)
            if i < numbered { grid.put("\(i + 1)", x: area.x, y: row, role: i == list.selected ? .selected : .header, limit: 1) }
        }
        if rows.isEmpty {
            grid.put("  " + shared.t(query.text.isEmpty ? .uiParticipantsNone : .uiCheckInNobody), x: area.x, y: listTop + 1, role: .muted,
                     limit: area.width)
        }
    }
}
