#if canImport(Glibc)
import Glibc
#endif
import KriyaCore
import KriyaPostgres
import KriyaStore

extension DoctorCommand {
    /// `kriya doctor --data postgres://…`: what a desk on a shared registry needs: a password
    /// file libpq will read, the connection (encrypted when it leaves the machine), Kriya's
    /// tables, this login's role, and whether the offices' roles exist at all.
    static func examine(database address: DatabaseAddress, env: [String: String], lang: Lang) -> [Finding] {
        let t = { (key: CLIKey, args: [CustomStringConvertible]) in CLIText.text(key, lang, arguments: args) }
        var out = [Finding(level: .ok, text: t(.drProgramDatabase, [PostgresStore.schemaVersion]))]
        // libpq skips a password file others can read, and then says only that the password failed.
        let pgpass = env["PGPASSFILE"] ?? (env["HOME"] ?? ".") + "/.pgpass"
        var info = stat()
        if stat(pgpass, &info) == 0, info.st_mode & 0o077 != 0 {
            out.append(Finding(level: .fix, text: t(.drPgpassOpen, [pgpass, String(info.st_mode & 0o777, radix: 8)])))
        }
        do {
            let store = try PostgresStore(address: address)
            out.append(Finding(level: .ok, text: t(.drDatabase, [address.short, store.serverVersion, PostgresStore.schemaVersion,
                                                                  store.data.artisans.count, store.login, L10n.value(store.access.role, lang)])))
            if store.encrypted {
                out.append(Finding(level: .ok, text: t(.drTLS, [])))
            } else if ["", "localhost", "127.0.0.1", "::1"].contains(store.host) || store.host.hasPrefix("/") {
                out.append(Finding(level: .ok, text: t(.drLocalConnection, [])))
            } else {
                out.append(Finding(level: .fix, text: t(.drNoTLS, [store.host])))
            }
            if store.access.reason == .noFile { out.append(Finding(level: .note, text: t(.drNoRoles, []))) }
            for writer in store.directWriters() { out.append(Finding(level: .fix, text: t(.drDirectWriter, [writer]))) }
            if !store.issues.isEmpty { out.append(Finding(level: .fix, text: t(.drDamaged, [store.issues.count]))) }
        } catch {
            // Said as the server said it: nothing was being saved.
            let why: String
            if case .database(let place, let reason) = error { why = place + ": " + reason } else { why = error.message(lang) }
            out.append(Finding(level: .fix, text: t(.drCannotOpen, [why])))
        }
        return out + workplace(env: env, lang: lang)
    }
}
