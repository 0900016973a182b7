import Foundation
import Testing

/// Issue 17: `kriya` as a restricted account's login command (a door laptop). Started as a
/// login shell (argv[0] "-kriya"), Ctrl-Z does not suspend it: there would be no shell to come
/// back to. There is no shell escape to test for: the console runs no commands.
@Suite(.serialized) struct LoginCommandTests {
    @Test(.enabled(if: ConsoleEndToEndTests.hasTmux)) func ctrlZDoesNotSuspendALoginConsole() throws {
        let data = TempFolder("login")
        #expect(try Kriya.run(["demo", "--data", data.path, "--artisans", "40"]).status == 0)
        let t = try TmuxSession(term: "xterm-256color", width: 80, height: 24)
        t.send("exec -a -kriya \(Kriya.binary) --data \(data.path) --lang id", enter: true)
        #expect(t.waitFor("1 Pelaku IKM"), "\(t.screen)")
        t.key("C-z")
        #expect(t.waitFor("Ctrl-Z tidak aktif"), "\(t.screen)")
        // Still the console, still taking keys.
        t.send("2")
        #expect(t.waitFor("2 Bimtek"), "\(t.screen)")
    }
}
