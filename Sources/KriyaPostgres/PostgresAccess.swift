import KriyaCore
import KriyaStore

/// Roles on PostgreSQL are database roles (docs/postgres.md): a login that is a superuser or
/// owns the database is admin (as a folder's owner is); otherwise the highest of the
/// `kriya_admin`, `kriya_editor`, `kriya_clerk` and `kriya_viewer` roles it belongs to. When
/// none of those roles exists, everyone who may log in edits (as a folder without an access
/// file); when they exist and the login has none, it only reads. The database's own grants
/// (docs/postgres.md) hold the same line for anyone who goes around Kriya.
enum PostgresAccess {
    static func decide(_ db: PGConnection) throws(StoreError) -> AccessDecision {
        // The database's own answer (`kriya_access`, PostgresRules): the one its rules act on.
        let row = try db.exec("SELECT role, reason FROM kriya_access()")
        guard row.count == 1, let role = row.string(0, 0).flatMap(StaffRole.init(rawValue:)) else {
            return AccessDecision(role: .viewer, reason: .notListed)
        }
        switch row.string(0, 1) {
        case "owner": return AccessDecision(role: .admin, reason: .owner)
        case "group": return AccessDecision(role: role, reason: .group("kriya_" + role.rawValue))
        case "none": return AccessDecision(role: role, reason: .noFile)
        default: return AccessDecision(role: .viewer, reason: .notListed)
        }
    }
}

extension PostgresStore {
    /// Roles other than the tables' owner that may write Kriya's tables directly (a GRANT made
    /// by hand after `kriya migrate` took them all back): around `kriya_save`, so around the roles.
    public func directWriters() -> [String] {
        let rows = try? db.exec("""
            SELECT DISTINCT CASE a.grantee WHEN 0 THEN 'PUBLIC' ELSE pg_get_userbyid(a.grantee) END
            FROM pg_class c, aclexplode(c.relacl) a
            WHERE c.relnamespace = current_schema()::regnamespace
              AND c.relname IN ('kriya_schema', 'kriya_record', 'kriya_change', 'kriya_last_id', 'kriya_audit', 'kriya_note', 'kriya_command_role')
              AND a.privilege_type IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE') AND a.grantee <> c.relowner
            ORDER BY 1
            """)
        guard let rows else { return [] }
        return (0..<rows.count).compactMap { rows.string($0, 0) }
    }
}
