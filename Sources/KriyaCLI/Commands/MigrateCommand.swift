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
        let address = try global.databaseAddress()
        do {
            let (from, to) = try PostgresStore.migrate(address)
            Output.line(CLIText.text(.cMigrated, global.language, TerminalSafe.text(address.text), to, from))
        } catch {
            throw global.refusal(error, at: address.text)
        }
    }
}
