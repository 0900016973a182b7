import Foundation
import PostgresTestServer

/// The real binary in tmux, as a person would use it (DESIGN.md §5): a private tmux server,
/// keys sent with send-keys, the screen read with capture-pane, polling, never fixed sleeps.
final class TmuxSession {
    let socket = "kriya-test-\(UUID().uuidString.prefix(8))"
    let home: TempFolder

    init(term: String, width: Int = 100, height: Int = 30, env: [String: String] = [:]) throws {
        home = TempFolder("home")
        try FileManager.default.createDirectory(atPath: home.path, withIntermediateDirectories: true)
        var vars = ["HOME": home.path, "XDG_DATA_HOME": "", "LANG": "C.UTF-8", "LC_ALL": "", "TERM": term,
                    "NCURSES_NO_UTF8_ACS": "1", "SWIFT_BACKTRACE": "enable=no"]
        for (k, v) in env { vars[k] = v }
        let exports = vars.map { "\($0.key)='\($0.value)'" }.joined(separator: " ")
        try tmux(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", "env \(exports) bash --norc --noprofile"])
        try tmux(["set-option", "-s", "escape-time", "10"])
        send("export PS1='$ '", enter: true)
    }

    deinit { _ = try? tmux(["kill-server"]) }

    @discardableResult
    func tmux(_ args: [String]) throws -> String {
        // Through system(3), not Process: the tmux server inherits the descriptors that
        // Foundation watches to see a child exit, so Process never sees `tmux new-session` end.
        let outFile = NSTemporaryDirectory() + "kriya-tmux-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: outFile) }
        // The tmux server lives on: it must not keep another test's pipe open (see `closingOtherDescriptors`).
        let quoted = (["bash", "-c", closingOtherDescriptors, "tmux", "-L", socket] + args).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        _ = system(quoted.joined(separator: " ") + " > '\(outFile)' 2>/dev/null < /dev/null")
        return (try? String(contentsOfFile: outFile, encoding: .utf8)) ?? ""
    }

    func send(_ keys: String..., enter: Bool = false) {
        for k in keys { _ = try? tmux(["send-keys", "-l", "--", k]) }   // "--": text may start with "-"
        if enter { _ = try? tmux(["send-keys", "Enter"]) }
    }

    func key(_ name: String) { _ = try? tmux(["send-keys", name]) }

    /// The process this session's shell started whose command line begins with `prefix`: the
    /// test's own child, found by parentage (`/proc/N/stat`), never by name across the machine
    /// (another test, or a person at the same machine, may run the same command).
    func child(_ prefix: String) -> pid_t? {
        guard let shell = pid_t((try? tmux(["display-message", "-p", "#{pane_pid}"]))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "")
        else { return nil }
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? [] {
            guard let pid = pid_t(entry), let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { continue }
            // After "pid (comm)": state, then the parent's pid.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 1, pid_t(fields[1]) == shell,
                  let raw = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { continue }
            let line = raw.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }.joined(separator: " ")
            if line.hasPrefix(prefix) { return pid }
        }
        return nil
    }

    /// Sends `signal` to that child (a dropped connection: SIGHUP; a kill: SIGKILL). False when
    /// there is no such child.
    @discardableResult
    func signal(_ signal: Int32, child prefix: String) -> Bool {
        guard let pid = child(prefix) else { return false }
        return kill(pid, signal) == 0
    }

    var screen: String { (try? tmux(["capture-pane", "-p"])) ?? "" }

    /// Waits up to `seconds` for `text` to leave the screen.
    @discardableResult
    func waitForGone(_ text: String, seconds: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if !screen.contains(text) { return true }
            usleep(50_000)
        }
        return false
    }

    /// Waits up to `seconds` for `text` to be on screen.
    @discardableResult
    func waitFor(_ text: String, seconds: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if screen.contains(text) { return true }
            usleep(50_000)
        }
        return false
    }

    /// Waits up to `seconds` until the screen stops changing (the same on two looks 150 ms
    /// apart): a frame drawn whole, rather than a fixed sleep.
    @discardableResult
    func waitForStill(seconds: Double = 5) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        var last = screen
        while Date() < deadline {
            usleep(150_000)
            let now = screen
            if now == last { return true }
            last = now
        }
        return false
    }
}
