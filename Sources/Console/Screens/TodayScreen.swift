import KriyaCore
import KriyaText
import TextUI

/// What is on today (issue 34): today's sessions with their doors, the fairs running, the week
/// ahead and what is due. The console opens on it when anything happens within a week; `t` on
/// the lists opens it again. Enter opens the door of the session chosen; every other key of the
/// lists closes it and acts there, so a quick lookup is still `/` and a name.
public struct TodayScreen: Screen {
    var summary: TodaySummary
    var list = ListState()

    init(_ shared: Shared) {
        summary = TodaySummary(shared.data, today: shared.today)
    }

    public var kind: ScreenKind { .today }
    public var passesOtherKeys: Bool { true }

    public func bindings(_ shared: Shared) -> [Binding] {
        [Binding([.enter], .open, help: .uiHelpTodayOpen, bar: .uiKeyTodayDoor, enabled: !summary.sessions.isEmpty),
         Binding([(.up, .up), (.down, .down)], help: .uiHelpTodayMove, enabled: summary.sessions.count > 1),
         Binding([.escape], .back, help: .uiHelpTodayClose, bar: .uiKeyTodayLists),
         Binding([.f(10)], .quit, help: .uiHelpQuit, bar: .uiKeyQuit),
         Binding.otherKeys(.type, help: .uiHelpTodayOther)]
    }

    public mutating func perform(_ action: Action, key: Key, _ shared: inout Shared) -> Step {
        switch action {
        case .open:
            guard let s = summary.sessions[safe: list.selected], let door = CheckInScreen(session: s.session, shared) else { return .stay }
            // The door in its place: Esc there goes back to the lists.
            return .replace(door)
        case .back: return .pop(.closed)
        case .up, .down:
            list.move(action == .up ? .up : .down, count: summary.sessions.count, visible: summary.sessions.count)
            return .stay
        default: return .stay
        }
    }

    public mutating func dataChanged(_ shared: Shared) {
        summary = TodaySummary(shared.data, today: shared.today)
        list.clamp(count: summary.sessions.count, visible: summary.sessions.count)
    }

    public func title(_ shared: Shared) -> String? { shared.t(.uiTodayTitle) }

    public func render(_ shared: Shared, into grid: inout Grid, area: Rect) {
        grid.fill(area, role: .normal)
        let lang = shared.lang
        var lines: [(text: String, role: Role)] = [(" " + shared.t(.uiTodayHeading, summary.today.long(lang)), .header), ("", .normal)]
        lines.append((" " + shared.t(.uiTodaySessions), .header))
        if summary.sessions.isEmpty { lines.append(("   " + shared.t(.uiTodayNone), .muted)) }
        for (i, s) in summary.sessions.enumerated() {
            let when = [s.startTime?.description, s.days > 1 ? shared.t(.uiTodayDayOf, s.day, s.days) : nil].compactMap { $0 }.joined(separator: ", ")
            let head = "\(i == list.selected ? "›" : " ") \(s.session)  \(s.title) · \(s.venue)" + (when.isEmpty ? "" : " · \(when)")
            lines.append((" " + head, i == list.selected ? .selected : .normal))
            lines.append(("     " + s.doorLine(lang), .muted))
        }
        if !summary.exhibitions.isEmpty {
            lines.append(("", .normal))
            lines.append((" " + shared.t(.uiTodayExhibitions), .header))
            for e in summary.exhibitions { lines.append(("   \(e.id)  \(e.name) · " + shared.t(.uiTodayUntil, e.end.short(lang)), .normal)) }
        }
        if !summary.comingWeek.isEmpty {
            lines.append(("", .normal))
            lines.append((" " + shared.t(.uiTodayComing), .header))
            for item in summary.comingWeek { lines.append(("   \(item.start.short(lang))  \(item.id)  \(item.title)", .normal)) }
        }
        lines.append(("", .normal))
        lines.append((" " + shared.t(.uiTodayDue), .header))
        if summary.due.isEmpty { lines.append(("   " + shared.t(.uiTodayNothingDue), .muted)) }
        for d in summary.due {
            for (n, line) in Wrap.lines(d.message(lang), width: max(20, area.width - 4)).enumerated() {
                lines.append(((n == 0 ? "   " : "     ") + line, .normal))
            }
        }
        for (i, line) in lines.prefix(area.height).enumerated() {
            grid.put(TerminalSafe.text(line.text), x: area.x, y: area.y + i, role: line.role, limit: area.width)
        }
    }
}
