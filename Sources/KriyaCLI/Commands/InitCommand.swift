#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Foundation
import KriyaCore
import KriyaPostgres
import KriyaStore
import KriyaText

/// `kriya init --data WHERE [--office 3573]`: sets this desk up. The data is made ready (a
/// folder created, a database's tables set up or checked) and the choice kept in the config
/// file, so that plain `kriya` uses it from then on; with `--office`, the records this desk
/// registers get ids naming its office (`A-3573-000123`, for councils sharing one registry).
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Set this desk up: the data it uses (a folder or postgres://…) and, in a shared registry, its office code.",
        discussion: """
            Writes data = … and office = … to ~/.config/kriya/config.toml (other settings are kept). \
            Example: kriya init --data postgres://meja_klojen@db.example/kriya --office 3573
            """
    )

    @Option(help: "Kota Malang's code is 3573: the regency's or city's four-digit code that new ids name.") var office: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        var code: Int?
        if let office {
            guard let n = EntityID.office(office) else {
                Output.error(CLIText.text(.cInitBadOffice, lang, TerminalSafe.text(office)))
                throw ExitCode(EX_USAGE)
            }
            code = n
        }
        let place = global.dataDirectory
        if global.isDatabase {
            // Set up when missing (needs the owner's rights); at once when it already is.
            let address = try global.databaseAddress()
            do { _ = try PostgresStore.migrate(address) } catch { throw global.refusal(error, at: address.text) }
        }
        let store = try global.openRecords(create: true)
        let file = Config.directory + "/config.toml"
        var settings: [(String, String)] = []
        if global.data != nil { settings.append(("data", place)) }
        if let code { settings.append(("office", String(code))) }
        do {
            try Config.set(settings, in: file)
        } catch {
            Output.error(CLIText.text(.cInitConfigUnwritable, lang, TerminalSafe.text(file), "\(error)"))
            throw ExitCode(EX_CANTCREAT)
        }
        Output.line(CLIText.text(.cInitDone, lang, TerminalSafe.text(store.location), TerminalSafe.text(file)))
        if let code { Output.line(CLIText.text(.cInitOffice, lang, code)) }
    }
}
