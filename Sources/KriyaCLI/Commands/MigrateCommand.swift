#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import KriyaCore
import KriyaPostgres
import KriyaStore
import KriyaText

/// `kriya migrate --data postgres://…`: sets up Kriya's tables in a database, or brings them
/// up to this program's version (docs/postgres.md). A database newer than the program is
/// refused and left as it is.
struct MigrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Set up or update Kriya's tables in a PostgreSQL database (--data postgres://user@host/db).",
        discussion: "The password comes from ~/.pgpass or PGPASSWORD, never from the address."
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        let target = global.dataDirectory
        let address: DatabaseAddress
        do {
            guard let a = try DatabaseAddress(target) else {
                Output.error(L10n.text(.cMigrateNeedsDatabase, lang, TerminalSafe.text(target)))
                throw ExitCode(EX_USAGE)
            }
            address = a
        } catch DatabaseAddress.Problem.passwordInAddress {
            Output.error(L10n.text(.cPasswordInAddress, lang))
            throw ExitCode(EX_USAGE)
        }
        do {
            let (from, to) = try PostgresStore.migrate(address)
            Output.line(L10n.text(.cMigrated, lang, TerminalSafe.text(address.text), to, from))
        } catch StoreError.newerFormat(let p, let found, let supported) {
            Output.error(L10n.text(.cStoreNewer, lang, TerminalSafe.text(p), found, supported))
            throw ExitCode(EX_DATAERR)
        } catch StoreError.database(_, let reason) {
            Output.error(L10n.text(.cStoreOpenFailed, lang, TerminalSafe.text(address.text), TerminalSafe.text(reason)))
            throw ExitCode(EX_IOERR)
        } catch {
            Output.error(L10n.text(.cStoreOpenFailed, lang, TerminalSafe.text(address.text), TerminalSafe.text("\(error)")))
            throw ExitCode(EX_IOERR)
        }
    }
}
