import ArgumentParser
import KriyaCore
import KriyaStore
import KriyaText

/// `kriya repair`: an admin's way on after a journal was emptied, cut short or reordered
/// (issue 31, finding 5): what is left is kept as a new generation, every id the audit trail
/// has seen is reserved, and the lost changes are listed from the trail so they can be
/// entered again.
struct RepairCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repair",
        abstract: "After a journal was emptied or cut short: carry on from what is left, reserving every id the audit trail has seen, and list what was lost (admin)."
    )
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        let store = try global.openStore(create: false, repairing: true)
        let report = try store.repair()
        if report.lost.isEmpty {
            Output.line(CLIText.text(.cRepairSound, lang, report.kept))
        } else {
            Output.line(CLIText.text(.cRepairLost, lang, report.kept, report.recorded, report.lost.count))
            for entry in report.lost {
                let targets = entry.targets.map(\.description).joined(separator: " ")
                Output.line(TerminalSafe.text("  \(entry.when)  \(entry.user)  \(ChangeWords.command(entry.command, lang))  \(targets)"))
            }
        }
        if !report.reserved.isEmpty {
            Output.line(CLIText.text(.cRepairReserved, lang, report.reserved.map(\.description).joined(separator: ", ")))
        }
        Output.line(CLIText.text(.cRepairDone, lang, report.generation))
    }
}
