import Foundation
import Testing
import PostgresTestServer

/// Issue 32: tests that cannot run must not pass for having run nothing. On a developer's
/// machine a test whose tool is missing is skipped, saying why; in CI (`CI=true`), where
/// `.ci/run` installs every one of them, this test fails naming each one that is missing, so a
/// green run means every end-to-end test (tmux, sshd, strace, real accounts, PostgreSQL) ran.
@Suite struct MachineTests {
    @Test func inCIEveryToolTheTestsNeedIsThere() {
        guard ProcessInfo.processInfo.environment["CI"] == "true" else { return }
        let needed: [(what: String, ok: Bool)] = [
            ("tmux (the console's end-to-end tests)", ConsoleEndToEndTests.hasTmux && PostgresConsoleTests.hasTmux),
            ("strace (fault injection at the commit point)", StraceFaultTests.hasStrace),
            ("root with useradd and setpriv (the installed deployment's accounts)", InstalledDeploymentTests.usable),
            ("root with sshd, ssh and tmux (the SSH path)", SSHEndToEndTests.usable),
            ("a PostgreSQL server (initdb, pg_ctl): \(PostgresServer.shared.reason ?? "")", PostgresServer.shared.reason == nil),
        ]
        for need in needed { #expect(need.ok, "missing in CI: \(need.what)") }
    }
}
