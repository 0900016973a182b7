import ArgumentParser
import Foundation
import KriyaCore
import KriyaStore
import KriyaText

/// `kriya merge KEEP DUPLICATE`: two records of one person made one (what `kriya check` lists
/// as likely duplicates).
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Make two records of one person one: the duplicate's sessions and exhibitions move to the record kept.",
        discussion: """
            The record kept takes the duplicate's values only where it has none (email, NIB, certifications…). \
            The duplicate is archived with a pointer to the record kept, so its id and history still lead \
            somewhere. One step: the console's u takes it back, and the audit keeps it.
            """
    )

    @Argument(help: "The record to keep, e.g. A-000001.") var keep: String
    @Argument(help: "The duplicate, e.g. A-000014.") var duplicate: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        let store = try global.openRecords(create: false)
        let (kept, other) = (try global.id(keep, of: .artisan), try global.id(duplicate, of: .artisan))
        guard let a = store.data.artisans[kept], let b = store.data.artisans[other] else {
            Output.error(CLIText.text(.cUnknownID, lang, store.data.artisans[kept] == nil ? keep : duplicate))
            throw ExitCode(EX_NOINPUT)
        }
        switch Result(catching: { () throws(StoreError) in try store.apply(.mergeArtisans(keep: kept, other: other, keepRev: a.rev, otherRev: b.rev)) }) {
        case .success:
            Output.line(TerminalSafe.text(CLIText.text(.cMergeDone, lang, "\(other) \(b.name)", "\(kept) \(a.name)")))
        case .failure(.command(let box)):
            Output.error(TerminalSafe.text(box.error.message(lang), keepNewlines: true))
            throw ExitCode(EX_DATAERR)
        case .failure(let other):
            throw other
        }
    }
}
