import KriyaStore

/// Where the data lives when it is on PostgreSQL: `postgres://user@host:port/db` (or
/// `postgresql://…`), as `--data`, `KRIYA_DATA` or the config's `data` give it. Any libpq
/// option may follow (`?sslmode=verify-full`). The password is never part of it: libpq reads
/// it from `~/.pgpass` or `PGPASSWORD`, so it shows in no process list, message or log.
public struct DatabaseAddress: Sendable, Equatable {
    public let text: String

    public enum Problem: Error, Equatable {
        /// `postgres://user:secret@host/db`
        case passwordInAddress
    }

    /// Whether `data` names a database rather than a folder.
    public static func isDatabase(_ data: String) -> Bool {
        data.hasPrefix("postgres://") || data.hasPrefix("postgresql://")
    }

    /// nil when `data` is a folder.
    public init?(_ data: String) throws(Problem) {
        guard Self.isDatabase(data) else { return nil }
        let rest = data.drop { $0 != "/" }.dropFirst(2)
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        if let at = authority.lastIndex(of: "@"), authority[..<at].contains(":") { throw .passwordInAddress }
        if data.contains("password=") { throw .passwordInAddress }
        text = data
    }

    /// What libpq is given: the address, with limits on waiting that a desk needs when the
    /// network drops (unless the address sets them): give up connecting after 10 s, notice a
    /// dead connection within about a minute instead of TCP's quarter of an hour, and have the
    /// server give up waiting for a lock after 30 s (the writers' lock held by a stuck desk, a
    /// table locked in psql) rather than freeze the desk; a long read over a slow link is not
    /// limited. Named `kriya` in the server's list of sessions.
    public var connectionString: String {
        let defaults = ["connect_timeout": "10", "keepalives_idle": "30", "keepalives_interval": "10",
                        "keepalives_count": "3", "tcp_user_timeout": "30000", "application_name": "kriya",
                        "options": "-c%20lock_timeout%3D30s"]
        let query = text.split(separator: "?", maxSplits: 1).dropFirst().first ?? ""
        let given = Set(query.split(separator: "&").map { String($0.prefix { $0 != "=" }) })
        let added = defaults.keys.sorted().filter { !given.contains($0) }.map { "\($0)=\(defaults[$0]!)" }
        guard !added.isEmpty else { return text }
        return text + (text.contains("?") ? "&" : "?") + added.joined(separator: "&")
    }

    /// `db@host`, where a screen has little room for the whole address.
    public var short: String {
        let rest = text.drop { $0 != "/" }.dropFirst(2)
        let authority = rest.prefix { $0 != "/" && $0 != "?" }
        let host = authority.split(separator: "@").last.map(String.init) ?? ""
        let database = rest.dropFirst(authority.count).dropFirst().prefix { $0 != "?" }
        return database.isEmpty ? host : database + "@" + host
    }
}
