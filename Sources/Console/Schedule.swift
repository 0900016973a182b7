import KriyaCore
import TextUI

/// The month view: a calendar of Bimtek sessions and exhibitions, a cursor on one day, and
/// the month's agenda under it with days until each event and who is booked twice.
public struct ScheduleView: Equatable, Sendable {
    /// The day the cursor is on.
    public var day: CivilDate
    public var returnPane: ConsoleState.Pane
}

extension ConsoleState {
    mutating func openSchedule() {
        schedule = ScheduleView(day: today, returnPane: pane)
        mode = .schedule
    }

    /// Monday of the week `day` is in (Indonesian calendars start on Monday).
    static func monday(_ day: CivilDate) -> CivilDate { day.adding(days: -((day.weekday + 6) % 7)) }

    /// The six weeks the month grid shows.
    static func gridStart(_ month: CivilDate) -> CivilDate { monday(month.startOfMonth) }

    /// The month's events, by start.
    func monthAgenda(_ day: CivilDate) -> [AgendaItem] {
        let first = day.startOfMonth
        let last = first.adding(days: CivilDate.daysIn(month: first.month, year: first.year) - 1)
        return Agenda.items(data, from: first, to: last)
    }

    mutating func updateSchedule(_ key: Key) -> Effect {
        guard var view = schedule else { mode = .list; return .none }
        switch key {
        case .left, .char("h"): view.day = view.day.adding(days: -1)
        case .right, .char("l"): view.day = view.day.adding(days: 1)
        case .up, .char("k"): view.day = view.day.adding(days: -7)
        case .down, .char("j"): view.day = view.day.adding(days: 7)
        case .pageUp, .char("["): view.day = Self.addMonths(view.day, -1)
        case .pageDown, .char("]"): view.day = Self.addMonths(view.day, 1)
        case .home, .char("t"): view.day = today
        case .enter:
            // The first event on the day, opened in its pane.
            guard let item = monthAgenda(view.day).first(where: { $0.start <= view.day && $0.end >= view.day }) else { break }
            let target: Pane = item.kind == .session ? .sessions : .exhibitions
            pane = target
            query[target] = ""
            refilter(target)
            if let at = rows[target]?.firstIndex(where: { recordID(target, $0) == item.id }) { selected[target] = at }
            schedule = nil
            mode = .detail
            detailOffset = 0
            return .none
        case .escape, .char("q"), .char("m"):
            pane = view.returnPane
            schedule = nil
            mode = .list
            return .none
        default: break
        }
        schedule = view
        return .none
    }

    /// The same day of the month `n` months on (the last day when that month is shorter).
    static func addMonths(_ d: CivilDate, _ n: Int) -> CivilDate {
        let index = d.year * 12 + (d.month - 1) + n
        let year = index / 12, month = index % 12 + 1
        return CivilDate(year: year, month: month, day: min(d.day, CivilDate.daysIn(month: month, year: year)))!
    }
}
