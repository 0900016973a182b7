#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KriyaCore

/// The few facts the store asks the system: who is acting, what time it is, where files live.
public enum SystemInfo {
    /// The Unix user name for the audit trail.
    public static func userName() -> String {
        if let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name {
            return String(cString: name)
        }
        return getenv("USER").map { String(cString: $0) } ?? "uid\(geteuid())"
    }

    public struct Now: Sendable {
        /// UTC, ISO 8601, to the second: `2026-11-29T07:15:00Z`.
        public var timestamp: String
        /// Local calendar date and time of day (the office's time zone).
        public var today: CivilDate
        public var time: ClockTime
    }

    public static func now() -> Now {
        var t = time(nil)
        var utc = tm()
        var local = tm()
        gmtime_r(&t, &utc)
        localtime_r(&t, &local)
        let stamp = "\(utc.tm_year + 1900)-\(two(utc.tm_mon + 1))-\(two(utc.tm_mday))T\(two(utc.tm_hour)):\(two(utc.tm_min)):\(two(utc.tm_sec))Z"
        let today = CivilDate(year: Int(local.tm_year) + 1900, month: Int(local.tm_mon) + 1, day: Int(local.tm_mday))
            ?? CivilDate(dayNumber: t / 86_400)
        return Now(timestamp: stamp, today: today, time: ClockTime(hour: Int(local.tm_hour), minute: Int(local.tm_min))!)
    }

    /// `2026-11-29T07:05:12Z` as the office's local date and time, `29/11/2026 14:05`
    /// (the text itself when it is not such a stamp).
    public static func local(utcStamp: String) -> String {
        let parts = utcStamp.split(whereSeparator: { "-T:Z".contains($0) }).compactMap { Int32($0) }
        guard parts.count == 6 else { return utcStamp }
        var utc = tm()
        (utc.tm_year, utc.tm_mon, utc.tm_mday) = (parts[0] - 1900, parts[1] - 1, parts[2])
        (utc.tm_hour, utc.tm_min, utc.tm_sec) = (parts[3], parts[4], parts[5])
        var t = timegm(&utc)
        var local = tm()
        localtime_r(&t, &local)
        return "\(two(local.tm_mday))/\(two(local.tm_mon + 1))/\(local.tm_year + 1900) \(two(local.tm_hour)):\(two(local.tm_min))"
    }

    /// A compact local timestamp for file names: `20261129-071500`.
    public static func fileStamp() -> String {
        var t = time(nil)
        var local = tm()
        localtime_r(&t, &local)
        return "\(local.tm_year + 1900)\(two(local.tm_mon + 1))\(two(local.tm_mday))-\(two(local.tm_hour))\(two(local.tm_min))\(two(local.tm_sec))"
    }

    private static func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Whether the locale's character set is UTF-8 (block characters and "·" can be shown),
    /// from the variables in their order of precedence; the C locale is not.
    public static func localeIsUTF8() -> Bool {
        for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let value = environment(name), !value.isEmpty {
                let lower = value.lowercased()
                return lower.contains("utf-8") || lower.contains("utf8")
            }
        }
        return false
    }

    public static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// The data directory: `--data`, else `KRIYA_DATA`, else `$XDG_DATA_HOME/kriya`,
    /// else `~/.local/share/kriya`.
    public static func defaultDataDirectory() -> String {
        if let env = environment("KRIYA_DATA"), !env.isEmpty { return env }
        if let xdg = environment("XDG_DATA_HOME"), !xdg.isEmpty { return xdg + "/kriya" }
        let home = environment("HOME") ?? "."
        return home + "/.local/share/kriya"
    }

    /// A warning when `path` is on a network file system, where `flock` can be lost silently.
    /// Reads the mount table (`statfs` is not visible to Swift through Glibc).
    public static func networkFileSystemWarning(_ path: String, mounts: String? = nil) -> StoreWarning? {
        let table = mounts ?? readText("/proc/mounts") ?? ""
        var best: (point: String, type: String)?
        for line in table.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count >= 3 else { continue }
            let point = String(fields[1]), type = String(fields[2])
            let inside = path == point || path.hasPrefix(point == "/" ? "/" : point + "/")
            if inside, point.count >= (best?.point.count ?? -1) { best = (point, type) }
        }
        guard let type = best?.type else { return nil }
        let network = ["nfs", "nfs4", "cifs", "smb3", "smbfs", "fuse.sshfs", "9p", "afs", "ceph"]
        guard network.contains(type) else { return nil }
        return .networkFileSystem(path: path, type: type)
    }

    static func readText(_ path: String) -> String? {
        guard let f = fopen(path, "r") else { return nil }
        defer { fclose(f) }
        var out = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = fread(&buffer, 1, buffer.count, f)
            if n <= 0 { break }
            out.append(contentsOf: buffer[0..<n])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
