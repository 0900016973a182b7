import Foundation
import Testing
@testable import KriyaCore
@testable import KriyaStore

/// Issue 34: the console opens on what is on today when anything happens within a week — the
/// real binary in tmux at 80×24, in Indonesian, on demo data (whose Bimtek meets today): Enter
/// opens the door, and a quick lookup is still `/` and a name.
@Suite(.serialized) struct TodayConsoleTests {
    let data = TempFolder("today")

    @Test func theConsoleOpensOnTodayItsDoorAndASearch() throws {
        #expect(try Kriya.run(["demo", "--data", data.path]).status == 0)
        let session = try #require(try Store(path: data.path).data.sessions.items.first { $0.days.contains(SystemInfo.now().today) })
        let t = try TmuxSession(term: "xterm-256color", width: 80, height: 24)
        func see(_ text: String) { #expect(t.waitFor(text, seconds: 10), "waiting for \(text):\n\(t.screen)") }
        t.send("\(Kriya.binary) --data \(data.path) --lang id; echo EXIT=$?", enter: true)
        see("Kegiatan hari ini")
        #expect(t.screen.contains(session.id.description) && t.screen.contains("diharapkan"), "\(t.screen)")
        #expect(t.screen.contains("Enter Pintu") && t.screen.contains("F10 Keluar"))
        // Enter: that session's door.
        t.key("Enter")
        see("Presensi peserta · \(session.title.prefix(20))")
        t.key("Escape")
        #expect(t.waitForGone("Presensi peserta ·"), "\(t.screen)")
        // Back on the lists; t shows the day again, and / searches at once from it.
        t.send("t")
        see("Kegiatan hari ini")
        t.send("/")
        t.send("agus")
        see("Cari: agus")
        #expect(!t.screen.contains("Kegiatan hari ini"))
        t.key("Escape")
        #expect(t.waitForGone("Cari: agus"), "\(t.screen)")
        t.send("q")
        see("EXIT=0")
    }
}
