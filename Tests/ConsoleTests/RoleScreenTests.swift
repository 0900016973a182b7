import Testing
@testable import Console
@testable import KriyaCore
import TextUI

/// Issue 17 in the console: what the user's role cannot do is greyed (not in the key bar, off in
/// the menus) and says which role it needs when tried; the door is a clerk's.
@Suite struct RoleScreenTests {
    @Test func aViewerLooksAroundAndIsToldWhatNeedsARole() throws {
        var state = makeState(.id)
        state.shared.role = .viewer
        // A new artisan is a clerk's (a walk-in at the door); a viewer is told so.
        _ = state.update(.char("n"))
        #expect(state.topKind == .list && state.shared.message?.contains("memerlukan peran petugas") == true, "\(state.shared.message ?? "")")
        #expect(!state.render(width: 80, height: 24).lines.last!.contains("F7"))
        // Looking up, opening and searching still work.
        _ = state.update(.enter)
        #expect(state.topKind == .detail)
        _ = state.update(.escape)
        // The menu greys it too, and says why when chosen.
        _ = state.update(.f(9))
        let menu = try #require(state.menu)
        #expect(menu.disabled.contains(0))
        _ = state.update(.enter)
        #expect(state.shared.message?.contains("petugas") == true)
        _ = state.update(.escape)
        _ = state.update(.char("2"))
        _ = state.update(.char("c"))
        #expect(state.topKind == .list && state.shared.message?.contains("petugas") == true)
    }

    @Test func aClerkRunsTheDoorButDoesNotEditRecords() throws {
        var state = makeState()
        state.shared.role = .clerk
        // A walk-in is registered by the clerk (as the command line and the store allow): F7 on
        // the artisans pane opens the form and is in the key bar; on the sessions pane it is an editor's.
        #expect(state.render(width: 80, height: 24).lines.last!.contains("F7"))
        _ = state.update(.f(7))
        #expect(state.topKind == .form, "\(state.topKind) \(state.shared.message ?? "")")
        _ = state.update(.escape)
        if state.topKind != .list { _ = state.update(.char("y")) }
        #expect(state.topKind == .list)
        _ = state.update(.char("2"))
        _ = state.update(.f(7))
        #expect(state.topKind == .list && state.shared.message?.contains("editor") == true, "\(state.shared.message ?? "")")
        _ = state.update(.char("e"))
        #expect(state.topKind == .list && state.shared.message?.contains("editor") == true)
        // Today's session: the door opens.
        let rows = state.browse.rows[.sessions] ?? []
        let today = try #require(rows.firstIndex { state.shared.data.sessions.items[$0].start == state.shared.today })
        for _ in 0..<today { _ = state.update(.down) }
        _ = state.update(.char("c"))
        #expect(state.topKind == .checkIn)
    }
}

@Suite struct SuspendTests {
    @Test func ctrlZSuspendsUnlessTurnedOff() {
        var state = makeState()
        #expect(state.update(.ctrl("z")) == .suspend)
        state.shared.allowSuspend = false
        #expect(state.update(.ctrl("z")) == nil && state.shared.message?.contains("Ctrl-Z is off") == true)
    }
}
