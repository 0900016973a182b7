import KriyaCore
import KriyaText
import TextUI

/// The month view: a calendar of Bimtek sessions and exhibitions, a cursor on one day, and
/// the month's agenda under it with days until each event and who is booked twice.
public struct ScheduleScreen: Screen {
    /// The day the cursor is on.
    public var day: CivilDate

    public var kind: ScreenKind { .schedule }
    public func title(_ shared: Shared) -> String? { shared.t(.uiScheduleTitle) }

    public func bindings(_ shared: Shared) -> [Binding] {
        [Binding([(.left, .left), (.right, .right), (.char("h"), .left), (.char("l"), .right)], help: .uiHelpDay, bar: .uiKeyDayMove, barKeys: "←→"),
         Binding([(.up, .up), (.down, .down), (.char("k"), .up), (.char("j"), .down)], help: .uiHelpWeek, bar: .uiKeyWeek, barKeys: "↑↓"),
         Binding([(.pageUp, .pageUp), (.pageDown, .pageDown), (.char("["), .pageUp), (.char("]"), .pageDown)], help: .uiHelpMonth,
                 bar: .uiKeyMonth, barKeys: "PgUp/Dn"),
         Binding([.home, .char("t")], .today, help: .uiHelpToday, bar: .uiKeyToday),
         Binding([.enter], .open, help: .uiHelpScheduleOpen, bar: .uiKeyOpen, enabled: event(shared) != nil),
         Binding([.escape, .char("q"), .char("m")], .back, help: .uiHelpBackToList, bar: .uiKeyBack, barKeys: "Esc")]
    }

    /// The first event on the cursor's day.
    func event(_ shared: Shared) -> AgendaItem? {
        Self.monthAgenda(day, shared.data).first { $0.start <= day && $0.end >= day }
    }

    public mutating func perform(_ action: Action, key: Key, _ shared: inout Shared) -> Step {
        switch action {
        case .left: day = day.adding(days: -1)
        case .right: day = day.adding(days: 1)
        case .up: day = day.adding(days: -7)
        case .down: day = day.adding(days: 7)
        case .pageUp: day = Self.addMonths(day, -1)
        case .pageDown: day = Self.addMonths(day, 1)
        case .today: day = shared.today
        case .open: return event(shared).map { .pop(.show($0.id)) } ?? .stay
        case .back: return .pop(.closed)
        default: break
        }
        return .stay
    }

    /// Monday of the week `day` is in (Indonesian calendars start on Monday).
    static func monday(_ day: CivilDate) -> CivilDate { day.adding(days: -((day.weekday + 6) % 7)) }

    /// The six weeks the month grid shows.
    static func gridStart(_ month: CivilDate) -> CivilDate { monday(month.startOfMonth) }

    /// The month's events, by start.
    static func monthAgenda(_ day: CivilDate, _ data: Dataset) -> [AgendaItem] {
        let first = day.startOfMonth
        let last = first.adding(days: CivilDate.daysIn(month: first.month, year: first.year) - 1)
        return Agenda.items(data, from: first, to: last)
    }

    /// The same day of the month `n` months on (the last day when that month is shorter).
    static func addMonths(_ d: CivilDate, _ n: Int) -> CivilDate {
        let index = d.year * 12 + (d.month - 1) + n
        let year = index / 12, month = index % 12 + 1
        return CivilDate(year: year, month: month, day: min(d.day, CivilDate.daysIn(month: month, year: year)))!
    }

    /// The month grid (11 cells a day: fits 80 columns) and the month's agenda under it.
    public func render(_ shared: Shared, into grid: inout Grid, area: Rect) {
        let (lang, today) = (shared.lang, shared.today)
        let items = Self.monthAgenda(day, shared.data)
        grid.put(" " + day.monthYear(lang), x: area.x, y: area.y, role: .header, limit: area.width)
        let cell = min(16, max(10, (area.width - 2) / 7))
        let left = area.x + max(0, (area.width - cell * 7) / 2)
        // Weekday names, Monday first.
        for i in 0..<7 {
            let name = CivilDate(dayNumber: Self.monday(today).dayNumber + i).weekdayName(lang)
            grid.put(" " + String(name.prefix(cell - 2)), x: left + i * cell, y: area.y + 1, role: .muted, limit: cell)
        }
        // "!" on the days someone is booked twice, not on every day of an event with a clash.
        let clashDays = items.reduce(into: Set<CivilDate>()) { $0.formUnion($1.clashDays) }
        let start = Self.gridStart(day)
        let weekRows = 6, top = area.y + 2
        for w in 0..<weekRows {
            for d in 0..<7 {
                let date = start.adding(days: w * 7 + d)
                let x = left + d * cell, y = top + w * 2
                let on = items.filter { $0.start <= date && $0.end >= date }
                let inMonth = date.month == day.month
                let role: Role = date == day ? .selected : date == today ? .tabActive : inMonth ? .normal : .muted
                if date == day || date == today { grid.fill(Rect(x: x, y: y, width: cell - 1, height: 2), role: role) }
                // Day number, then a mark per event: B a session, P an exhibition, ! someone booked twice.
                var marks = on.prefix(3).map { $0.kind == .session ? "B" : "P" }.joined()
                if clashDays.contains(date) { marks += "!" }
                grid.put(DisplayWidth.pad(String(date.day), toCells: 2, alignRight: true) + " " + marks, x: x, y: y, role: role, limit: cell - 1)
                if let first = on.first, inMonth {
                    grid.put(DisplayWidth.truncate(TerminalSafe.text(first.title), toCells: cell - 1), x: x, y: y + 1,
                             role: date == day ? .selected : first.kind == .session ? .success : .warning, limit: cell - 1)
                }
            }
        }
        // The agenda: the month's events, those on the cursor's day first marked ▶.
        var y = top + weekRows * 2
        guard y < area.y + area.height else { return }
        if items.isEmpty { grid.put("  " + shared.t(.uiScheduleNone), x: area.x, y: y, role: .muted, limit: area.width); return }
        for item in items where y < area.y + area.height {
            let here = item.start <= day && item.end >= day
            let when = shared.when(item.start, item.end)
            let dates = item.start == item.end ? item.start.numeric
                : "\(item.start.day)/\(item.start.month)–\(item.end.day)/\(item.end.month)/\(item.end.year)"
            let kind = item.kind == .session ? "B" : "P"
            var line = (here ? "▶ " : "  ") + kind + " " + DisplayWidth.pad(dates, toCells: 18) + " "
                + DisplayWidth.pad(TerminalSafe.text(item.title), toCells: max(16, area.width - 59)) + " "
                + DisplayWidth.pad(when, toCells: 12, alignRight: true)
            if !item.conflicts.isEmpty { line += "  " + shared.t(.cConflictFlag, item.conflicts.count) }
            grid.put(line, x: area.x, y: y, role: here ? .header : !item.conflicts.isEmpty ? .warning : .normal, limit: area.width)
            y += 1
        }
    }

    /// Data changed elsewhere: nothing to redo. The month's agenda is worked out from the data each time it is drawn.
    public mutating func dataChanged(_ shared: Shared) {}
}
