import Foundation

/// Whole processes timed from start to exit, as a person at the shell meets them: the real
/// `kriya find` (built beside this binary) and its peers on the same files, grep over the
/// artisans' snapshot and sqlite3's CSV import, where they are installed (issue 18).
enum PeerBench {
    /// Wall time of one run of `program` in milliseconds, its output read and thrown away
    /// (not sent to /dev/null: GNU grep then stops at the first match); nil when it cannot
    /// be started or fails.
    static func time(_ program: String, _ arguments: [String]) -> Double? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        let t = nowNanos()
        guard (try? p.run()) != nil else { return nil }
        _ = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return p.terminationStatus == 0 ? millis(since: t) : nil
    }

    /// The first of `names` found on PATH (or beside this binary for `kriya`).
    static func program(_ name: String) -> String? {
        let here = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().path
        let dirs = (name == "kriya" ? [here] : []) + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        return dirs.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// `kriya find sri wijaya --limit 20` and `grep -ci wijaya` on the artisans' snapshot,
    /// alternating; milliseconds of each run.
    static func coldFind(in dir: String, runs: Int) -> (find: [Double], grep: [Double]) {
        guard let kriya = program("kriya"), let grep = program("grep"),
              let snapshot = (try? FileManager.default.contentsOfDirectory(atPath: dir))?.first(where: { $0.hasPrefix("artisans.") && $0.hasSuffix(".jsonl") })
        else { return ([], []) }
        var find: [Double] = [], greps: [Double] = []
        for _ in 0..<runs {
            if let t = time(kriya, ["--data", dir, "find", "sri", "wijaya", "--limit", "20"]) { find.append(t) }
            if let t = time(grep, ["-ci", "wijaya", dir + "/" + snapshot]) { greps.append(t) }
        }
        return (find, greps)
    }

    /// sqlite3's `.import` of the same sheet into a new database file; milliseconds.
    static func sqliteImport(_ sheet: String, runs: Int) -> [Double] {
        guard let sqlite = program("sqlite3") else { return [] }
        var out: [Double] = []
        for k in 0..<runs {
            let db = NSTemporaryDirectory() + "kriya-bench-sqlite-\(k).db"
            try? FileManager.default.removeItem(atPath: db)
            if let t = time(sqlite, [db, "-cmd", ".separator ;", ".import \(sheet) artisans"]) { out.append(t) }
            try? FileManager.default.removeItem(atPath: db)
        }
        return out
    }
}
