import Console
import KriyaCore
import TextUI

/// The check-in door: each key typed in its search box to the redrawn 80×24 screen, for the
/// first letters of participants' names (what staff type on a Bimtek morning), and the save
/// of a check-in followed by the redraw.
enum CheckInBench {
    static func measure(_ console: ConsoleState) -> [Double] {
        var state = console
        _ = state.update(.escape)
        _ = state.update(.char("2"))
        _ = state.update(.char("c"))
        guard let session = state.screen(CheckInScreen.self).flatMap({ state.data.sessions[$0.session] }) else { return [] }
        let names = session.participants.prefix(20).compactMap { state.data.artisans[$0.artisan]?.name.lowercased() }
        var times: [Double] = []
        for name in names {
            for c in name.prefix(3) {
                let t = nowNanos()
                _ = state.update(.char(c))
                _ = state.render(width: 80, height: 24)
                times.append(millis(since: t))
            }
            _ = state.update(.escape)
        }
        return times
    }
}
