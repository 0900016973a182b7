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
}
