import Testing
@testable import Console
@testable import KriyaCore
import TextUI

/// The month view: a calendar that fits 80 columns, moved by day, week and month.
@Suite struct ScheduleScreenTests {
    @Test func theMonthMovesAndOpensAnEvent() throws {
        var state = makeState()
        _ = state.update(.char("m"))
        #expect(state.topKind == .schedule && state.schedule?.day == today)
        // Next month, where the demo has its sessions and fairs.
        _ = state.update(.pageDown)
        try assertSnapshot(state.render(width: 80, height: 24), "schedule-80x24")
        _ = state.update(.pageUp)
        _ = state.update(.down)
        _ = state.update(.right)
        #expect(state.schedule?.day == today.adding(days: 8))
        _ = state.update(.pageDown)
        #expect(state.schedule?.day.month == today.adding(days: 8).month % 12 + 1)
        _ = state.update(.home)
        #expect(state.schedule?.day == today)
        #expect(ScheduleScreen.addMonths(CivilDate(year: 2026, month: 1, day: 31)!, 1) == CivilDate(year: 2026, month: 2, day: 28)!)
        #expect(ScheduleScreen.addMonths(CivilDate(year: 2026, month: 12, day: 5)!, 1) == CivilDate(year: 2027, month: 1, day: 5)!)
        // To the first day with an event this month or later, and Enter opens it.
        var day = today
        while ScheduleScreen.monthAgenda(day, state.data).first(where: { $0.start <= day && $0.end >= day }) == nil { day = day.adding(days: 1) }
        while state.schedule!.day < day { _ = state.update(.right) }
        let event = try #require(ScheduleScreen.monthAgenda(day, state.data).first { $0.start <= day && $0.end >= day })
        _ = state.update(.enter)
        #expect(state.topKind == .detail && state.selectedID(state.pane) == event.id)
    }
}

/// `f` on the Bimtek and exhibition panes: by status.
@Suite struct EventFilterTests {
    @Test func sessionsAndExhibitionsFilterByStatus() {
        var state = makeState()
        _ = state.update(.char("2"))
        let all = state.rows[.sessions]!.count
        _ = state.update(.char("f"))
        #expect(state.topKind == .menu(.sessionStatus))
        let done = SessionStatus.allCases.firstIndex(of: .done)! + 1
        for _ in 0..<done { _ = state.update(.down) }
        _ = state.update(.enter)
        let shown = state.rows[.sessions]!.map { state.data.sessions.items[$0].status }
        #expect(state.pane == .sessions && !shown.isEmpty && shown.count < all && shown.allSatisfy { $0 == .done })
        #expect(state.render(width: 80, height: 24).lines[22].contains("Status: done"))
        _ = state.update(.char("3"))
        _ = state.update(.char("f"))
        #expect(state.topKind == .menu(.exhibitionStatus))
        _ = state.update(.escape)
        _ = state.browse.perform(.clearFilters, key: .enter, &state.shared)
        #expect(state.rows[.sessions]!.count == all && state.sessionStatus == nil)
    }
}
