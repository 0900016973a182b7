import Foundation
import Testing

/// Issue 31, finding 8: a console whose terminal goes away without a SIGHUP (the pseudo-terminal
/// is not its controlling terminal, as under `su -c` when the tmux server is killed) ends at
/// once, as after a hang-up, instead of spinning on a dead terminal for ever. (Foundation's
/// Process starts the child with SIGHUP blocked, as some launchers do: the end must not depend
/// on a signal either.)
@Suite struct OrphanedConsoleTests {
    let data = TempFolder("orphan")

    @Test func aConsoleWithoutATerminalEnds() throws {
        // A pseudo-terminal the child gets as stdin/stdout but not as its controlling terminal:
        // closing our end sends it no signal, only a hang-up on its reads.
        // (/dev/ptmx by hand: Glibc's module leaves posix_openpt out. Linux's TIOCSPTLCK and
        // TIOCGPTN: unlock the pair, then ask its number.)
        // Close-on-exec: a child holding our end too would keep its own terminal alive.
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
        var unlock: Int32 = 0, number: UInt32 = 0
        try #require(master >= 0 && ioctl(master, 0x4004_5431, &unlock) == 0 && ioctl(master, 0x8004_5430, &number) == 0)
        let slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        try #require(slave >= 0)
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(slave, UInt(TIOCSWINSZ), &size)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: Kriya.binary)
        process.arguments = ["--data", data.path, "--demo", "--lang", "en"]
        var env = ProcessInfo.processInfo.environment
        (env["TERM"], env["LANG"], env["LC_ALL"]) = ("xterm-256color", "C.UTF-8", "C.UTF-8")
        env["XDG_DATA_HOME"] = data.path + "-xdg"
        process.environment = env
        let end = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
        (process.standardInput, process.standardOutput, process.standardError) = (end, end, end)
        try process.run()
        close(slave)
        // SIGKILL: the child may hold its other signals blocked (as Foundation starts it).
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) }; try? FileManager.default.removeItem(atPath: data.path + "-xdg") }

        // Wait for the key bar (reading what it draws, so it never blocks on a full terminal).
        var screen = ""
        let deadline = Date().addingTimeInterval(30)
        while !screen.contains("F10") && Date() < deadline && process.isRunning {
            var fds = [pollfd(fd: master, events: Int16(POLLIN), revents: 0)]
            guard poll(&fds, 1, 200) > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 65536)
            let n = read(master, &buffer, buffer.count)
            if n > 0 { screen += String(decoding: buffer[0..<n], as: UTF8.self) }
        }
        try #require(screen.contains("F10"), "the console never drew its key bar")

        // The terminal goes away, and nobody says so.
        close(master)
        let gone = Date().addingTimeInterval(5)
        while process.isRunning && Date() < gone { usleep(50_000) }
        #expect(!process.isRunning, "the console still runs on a terminal that is gone")
        if !process.isRunning { #expect(process.terminationStatus == 128 + SIGHUP || process.terminationReason == .uncaughtSignal) }
    }
}
