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
        let names = StaffRole.allCases.map { "kriya_" + $0.rawValue }
        let row = try db.exec("""
            SELECT r.rolsuper OR pg_has_role(current_user, d.datdba, 'MEMBER'),
                   array_to_string(ARRAY(SELECT k.rolname FROM pg_roles k
                                         WHERE k.rolname = ANY($1::text[]) AND pg_has_role(current_user, k.oid, 'MEMBER')), ','),
                   EXISTS (SELECT 1 FROM pg_roles k WHERE k.rolname = ANY($1::text[]))
            FROM pg_roles r, pg_database d
            WHERE r.rolname = current_user AND d.datname = current_database()
            """, [PGArray.text(names.map { Array($0.utf8) })])
        guard row.count == 1 else { return AccessDecision(role: .viewer, reason: .notListed) }
        if row.string(0, 0) == "t" { return AccessDecision(role: .admin, reason: .owner) }
        let held = (row.string(0, 1) ?? "").split(separator: ",").compactMap { StaffRole(rawValue: String($0.dropFirst(6))) }
        if let best = held.max() { return AccessDecision(role: best, reason: .group("kriya_" + best.rawValue)) }
        if row.string(0, 2) == "f" { return AccessDecision(role: .editor, reason: .noFile) }
        return AccessDecision(role: .viewer, reason: .notListed)
    }
}
