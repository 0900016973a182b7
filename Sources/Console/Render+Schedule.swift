import KriyaCore
import KriyaText
import TextUI

/// The month grid (11 cells a day: fits 80 columns) and the month's agenda under it.
extension ConsoleState {
    func renderSchedule(_ grid: inout Grid, _ area: Rect) {
        guard let view = schedule else { return }
        let t = { (k: TextKey, a: [CustomStringConvertible]) in L10n.text(k, self.lang, arguments: a) }
        let items = monthAgenda(view.day)
        grid.put(" " + view.day.monthYear(lang), x: area.x, y: area.y, role: .header, limit: area.width)
        let cell = min(16, max(10, (area.width - 2) / 7))
        let left = area.x + max(0, (area.width - cell * 7) / 2)
        // Weekday names, Monday first.
        for i in 0..<7 {
            let name = CivilDate(dayNumber: Self.monday(today).dayNumber + i).weekdayName(lang)
            grid.put(" " + String(name.prefix(cell - 2)), x: left + i * cell, y: area.y + 1, role: .muted, limit: cell)
        }
        let clashes = Set(items.filter { !$0.conflicts.isEmpty }.map(\.id))
        let start = Self.gridStart(view.day)
        let weekRows = 6, top = area.y + 2
        for w in 0..<weekRows {
            for d in 0..<7 {
                let date = start.adding(days: w * 7 + d)
                let x = left + d * cell, y = top + w * 2
                let on = items.filter { $0.start <= date && $0.end >= date }
                let inMonth = date.month == view.day.month
                let role: Role = date == view.day ? .selected : date == today ? .tabActive : inMonth ? .normal : .muted
                if date == view.day || date == today { grid.fill(Rect(x: x, y: y, width: cell - 1, height: 2), role: role) }
                // Day number, then a mark per event: B a session, P an exhibition, ! someone booked twice.
                var marks = on.prefix(3).map { $0.kind == .session ? "B" : "P" }.joined()
                if on.contains(where: { clashes.contains($0.id) }) { marks += "!" }
                grid.put(DisplayWidth.pad(String(date.day), toCells: 2, alignRight: true) + " " + marks, x: x, y: y, role: role, limit: cell - 1)
                if let first = on.first, inMonth {
                    grid.put(DisplayWidth.truncate(TerminalSafe.text(first.title), toCells: cell - 1), x: x, y: y + 1,
                             role: date == view.day ? .selected : first.kind == .session ? .success : .warning, limit: cell - 1)
                }
            }
        }
        // The agenda: the month's events, those on the cursor's day first marked ▶.
        var y = top + weekRows * 2
        guard y < area.y + area.height else { return }
        if items.isEmpty { grid.put("  " + t(.uiScheduleNone, []), x: area.x, y: y, role: .muted, limit: area.width); return }
        for item in items where y < area.y + area.height {
            let here = item.start <= view.day && item.end >= view.day
            let when = self.when(item.start, item.end)
            let dates = item.start == item.end ? item.start.numeric
                : "\(item.start.day)/\(item.start.month)–\(item.end.day)/\(item.end.month)/\(item.end.year)"
            let kind = item.kind == .session ? "B" : "P"
            var line = (here ? "▶ " : "  ") + kind + " " + DisplayWidth.pad(dates, toCells: 18) + " "
                + DisplayWidth.pad(TerminalSafe.text(item.title), toCells: max(16, area.width - 59)) + " "
                + DisplayWidth.pad(when, toCells: 12, alignRight: true)
            if !item.conflicts.isEmpty { line += "  " + t(.cConflictFlag, [item.conflicts.count]) }
            grid.put(line, x: area.x, y: y, role: here ? .header : !item.conflicts.isEmpty ? .warning : .normal, limit: area.width)
            y += 1
        }
    }
}
