import ArgumentParser
import KriyaCore
import KriyaStore
import KriyaText

/// `kriya import undo`: takes the last import back (a wrong file, or the right one twice).
struct ImportUndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Take the last import back: remove the artisans it added, put back those it updated.",
        discussion: """
            Artisans changed since the import, or now taking part in a Bimtek session or an \
            exhibition, are kept and listed. The last import can be taken back once.
            """
    )

    @Flag(help: "Show what would happen; change nothing.") var dryRun = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        let store = try global.openRecords(create: false)
        guard let (undo, outcome) = try store.takeBackLastImport(dryRun: dryRun) else {
            Output.line(CLIText.text(.uUndoNone, lang, TerminalSafe.text(global.dataDirectory)))
            return
        }
        // Names of the kept ones: they are all still stored.
        Output.lines(ImportReport.undoLines(undo, outcome, done: !dryRun, lang: lang) { store.data.artisans[$0]?.name ?? "" })
        if dryRun { Output.line(CLIText.text(.iDryRun, lang)) }
    }
}
