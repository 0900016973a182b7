#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Foundation
import KriyaCore
import KriyaStore
import KriyaText

struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring in records from a spreadsheet.",
        subcommands: [ImportArtisansCommand.self, ImportUndoCommand.self]
    )
}

struct ImportArtisansCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "artisans",
        abstract: "Import artisans from a CSV file as Excel, LibreOffice or Google Sheets save it.",
        discussion: """
            Headings in Indonesian or English are recognised (Nama, No HP/WA, Kelurahan, Nama Usaha, \
            Kategori…); --map names the others. UTF-8 (with or without BOM) and Windows-1252 files, comma, \
            semicolon or tab separated. Rows that match an artisan already stored by id, phone or NIB are \
            skipped, or updated with --on-duplicate update (empty cells keep what is stored). All good \
            rows are saved as one step, or none: with bad rows nothing is saved unless --skip-bad.
            Exit status: 0 saved (or dry run without bad rows), 65 bad rows or unreadable file.
            """
    )

    @Argument(help: "The CSV file.") var file: String
    @Flag(help: "Show what would happen; save nothing.") var dryRun = false
    @Option(help: "skip or update artisans already stored (matched by id, phone or NIB).") var onDuplicate: ImportPlan.OnDuplicate = .skip
    @Flag(help: "Save the good rows and write the bad ones to a file to fix and import again.") var skipBad = false
    @Option(help: "Where --skip-bad writes the bad rows (default: FILE-bad.csv beside the file).") var badRows: String?
    @Option(name: .customLong("map"), help: "HEADING=FIELD for a column not recognised, or HEADING=ignore. Repeatable.") var maps: [String] = []
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        let shownFile = TerminalSafe.text(file)
        let progress = ProgressBar(label: CLIText.text(.iProgress, lang) + " " + shownFile)
        var onProgress: (@Sendable (Int, Int) -> Void)? = nil
        if let progress { onProgress = { done, total in progress.show(done, of: total) } }
        var source: ArtisanImport
        do throws(ArtisanImport.Problem) {
            source = try ArtisanImport(path: file, overrides: maps, progress: onProgress)
        } catch {
            progress?.finish()
            Output.error(ImportReport.message(error, lang: lang))
            throw ExitCode(EX_DATAERR)
        }
        progress?.finish()
        let rowCount = source.rows.count
        Output.lines(ImportReport.describe(source, file: file, rows: rowCount, lang: lang))
        guard !source.rows.isEmpty else {
            Output.error(CLIText.text(.iNothing, lang, shownFile))
            throw ExitCode(EX_DATAERR)
        }

        // A dry run into a data directory that does not exist yet plans against nothing and
        // creates nothing.
        let store = dryRun && !global.isDatabase && !FileManager.default.fileExists(atPath: global.dataDirectory) ? nil : try global.openRecords(create: true)
        let now = SystemInfo.now()
        let plan = ImportPlan(rows: source.rows, against: store?.data ?? Dataset(), onDuplicate: onDuplicate,
                              context: CommandContext(user: store?.user ?? SystemInfo.userName(), today: now.today, time: now.time))
        source.rows = []   // the plan holds what is saved; let the rows go before saving
        Output.lines(ImportReport.details(plan, source, lang: lang, updates: dryRun))
        if !plan.skipped.isEmpty { Output.line(CLIText.text(.iSkippedHint, lang, plan.skipped.count)) }
        if dryRun {
            Output.line(ImportReport.summary(plan, lang: lang, saved: false))
            Output.line(CLIText.text(.iDryRun, lang))
            if !plan.bad.isEmpty { throw ExitCode(EX_DATAERR) }
            return
        }
        if !plan.bad.isEmpty && !skipBad {
            Output.line(ImportReport.summary(plan, lang: lang, saved: false))
            Output.error(CLIText.text(.iRefusedBad, lang, plan.bad.count, plan.rowsRead - plan.bad.count))
            throw ExitCode(EX_DATAERR)
        }
        guard let store else { return }
        if plan.changeCount > 0 {
            let detail = "\(file): \(plan.adds.count) added, \(plan.updates.count) updated"
            let saved = Result { () throws(StoreError) in try store.save(plan, detail: detail) }
            if case .failure(let failure) = saved {
                // A colleague changed one of these artisans meanwhile: say which, save nothing.
                guard case .command(let box) = failure else { throw failure }
                Output.error(L10n.text(.iConflict, lang, box.error.message(lang)))
                throw ExitCode(EX_TEMPFAIL)
            }
        }
        Output.line(ImportReport.summary(plan, lang: lang, saved: true))
        if plan.changeCount > 0 { Output.line(CLIText.text(.iSaved, lang, store.data.artisans.count)) }
        if !plan.bad.isEmpty {
            let path = badRows ?? ImportReport.badRowsPath(for: file)
            let written = try ImportReport.writeBadRows(plan, source, lang: lang, to: path)
            Output.line(L10n.text(.iBadFile, lang, written, TerminalSafe.text(path)))
        }
    }

}

extension ImportPlan.OnDuplicate: ExpressibleByArgument {}
