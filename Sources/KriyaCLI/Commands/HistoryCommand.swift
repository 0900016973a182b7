import ArgumentParser
import KriyaCore
import KriyaStore
import KriyaViews

struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show who changed a record, when, and each field from what to what (newest first)."
    )

    @Argument(help: "The id, e.g. A-000123, B-000004, P-000002.") var id: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        let entity = try global.id(id)
        let store = try global.openRecords(create: false)
        let entries = store.history(of: entity)
        let title = store.data.title(of: entity) ?? ""
        // A deleted record still has its history; an id never used has none.
        if title.isEmpty && entries.isEmpty {
            Output.error(CLIText.text(.cUnknownID, lang, id))
            throw ExitCode(EX_NOINPUT)
        }
        let data = store.data
        Output.lines(HistoryText.lines(entries, of: entity, title: title, lang: lang, width: Output.width() ?? 200, name: { data.title(of: $0) }))
    }
}
