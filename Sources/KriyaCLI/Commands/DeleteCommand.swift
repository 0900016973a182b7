import ArgumentParser
import KriyaCore
import KriyaStore
import KriyaText

/// `kriya delete ID`: removes a record nothing refers to, for good (an admin's; issue 17). A
/// record others name is refused, saying what names it (an artisan with a history is archived
/// in the console instead).
struct DeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a record nothing refers to (an admin's): an artisan, session, exhibition, term, board member or partner.",
        discussion: "Refused, saying what refers to it, while a session, exhibition or board seat names the record. Audited."
    )

    @Argument(help: "The id, e.g. A-000123 or R-000002.") var id: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        let store = try global.openRecords(create: false)
        let entity = try global.id(id)
        // The role first: whether an id exists is no answer for someone who may not delete.
        try store.authorize(Command.delete(entity, baseRev: 0).requiredRole, "delete")
        guard let name = store.data.title(of: entity), let rev = store.data.currentRev(entity) else {
            Output.error(CLIText.text(.cUnknownID, lang, TerminalSafe.text(id)))
            throw ExitCode(EX_NOINPUT)
        }
        switch Result(catching: { () throws(StoreError) in try store.apply(.delete(entity, baseRev: rev)) }) {
        case .success: Output.line(TerminalSafe.text(CLIText.text(.cDeleted, lang, "\(entity) \(name)")))
        case .failure(.command(let box)):
            Output.error(TerminalSafe.text(box.error.message(lang), keepNewlines: true))
            throw ExitCode(EX_DATAERR)
        case .failure(let other): throw other
        }
    }
}
