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
        subcommands: [ImportArtisansCommand.self]
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
        let progress = ProgressBar(label: L10n.text(.iProgress, lang) + " " + shownFile)
        var onProgress: (@Sendable (Int, Int) -> Void)? = nil
        if let progress { onProgress = { done, total in progress.show(done, of: total) } }
        var source: ArtisanImport
        do throws(ArtisanImport.Problem) {
            source = try ArtisanImport(path: file, overrides: maps, progress: onProgress)
        } catch {
            progress?.finish()
            Output.error(Self.message(error, lang: lang))
            throw ExitCode(EX_DATAERR)
        }
        progress?.finish()
        let rowCount = source.rows.count
        describe(source, lang, rowCount)
        guard !source.rows.isEmpty else {
            Output.error(L10n.text(.iNothing, lang, shownFile))
            throw ExitCode(EX_DATAERR)
        }

        // A dry run into a data directory that does not exist yet plans against nothing and
        // creates nothing.
        let store = dryRun && !FileManager.default.fileExists(atPath: global.dataDirectory) ? nil : try global.openStore(create: true)
        let now = SystemInfo.now()
        let plan = ImportPlan(rows: source.rows, against: store?.data ?? Dataset(), onDuplicate: onDuplicate,
                              context: CommandContext(user: store?.user ?? SystemInfo.userName(), today: now.today, time: now.time))
        source.rows = []   // the plan holds what is saved; let the rows go before saving
        report(plan, source, lang)
        let counts = [plan.adds.count, plan.updates.count, plan.unchanged.count, plan.skipped.count, plan.repeats.count, plan.bad.count]
        if dryRun {
            Output.line(L10n.text(.iSummaryDry, lang, arguments: counts))
            Output.line(L10n.text(.iDryRun, lang))
            if !plan.bad.isEmpty { throw ExitCode(EX_DATAERR) }
            return
        }
        if !plan.bad.isEmpty && !skipBad {
            Output.line(L10n.text(.iSummaryDry, lang, arguments: counts))
            Output.error(L10n.text(.iRefusedBad, lang, plan.bad.count, plan.rowsRead - plan.bad.count))
            throw ExitCode(EX_DATAERR)
        }
        guard let store else { return }
        if !plan.commands.isEmpty {
            let detail = "\(file): \(plan.adds.count) added, \(plan.updates.count) updated"
            let saved = Result { () throws(StoreError) in try store.apply(batch: plan.commands, as: "import", detail: detail) }
            if case .failure(let failure) = saved {
                // A colleague changed one of these artisans meanwhile: say which, save nothing.
                guard case .command(let box) = failure else { throw failure }
                Output.error(L10n.text(.iConflict, lang, box.error.message(lang)))
                throw ExitCode(EX_TEMPFAIL)
            }
        }
        Output.line(L10n.text(.iSummaryDone, lang, arguments: counts))
        if !plan.commands.isEmpty { Output.line(L10n.text(.iSaved, lang, store.data.artisans.count)) }
        if !plan.bad.isEmpty { try writeBadRows(plan, source, lang) }
    }

    private func describe(_ source: ArtisanImport, _ lang: Lang, _ rowCount: Int) {
        let separator = source.table.delimiter == "\t" ? "tab" : "\"\(source.table.delimiter)\""
        let encoding = source.file.encoding.rawValue
        Output.line(L10n.text(.iRead, lang, TerminalSafe.text(file), encoding, separator, rowCount))
        if source.file.encoding == .windows1252 { Output.line(L10n.text(.iConverted, lang)) }
        let used = zip(source.table.headings, source.map.fields).compactMap { heading, field in
            field.map { "\(TerminalSafe.text(heading)) → \($0.rawValue)" }
        }
        Output.line(L10n.text(.iColumns, lang, used.joined(separator: ", ")))
        if !source.map.ignored.isEmpty {
            let names = source.map.ignored.map { "\"\(TerminalSafe.text($0.heading))\"" }.joined(separator: ", ")
            Output.line(L10n.text(.iIgnored, lang, names, ArtisanField.allCases.map(\.rawValue).joined(separator: " ")))
        }
    }

    private func report(_ plan: ImportPlan, _ source: ArtisanImport, _ lang: Lang) {
        var lines: [String] = []
        for bad in plan.bad {
            let line = bad.line != bad.row ? L10n.text(.iLine, lang, bad.line) : ""
            for e in bad.errors {
                lines.append("  " + L10n.text(.iBadRow, lang, bad.row, line, heading(for: e.field, source), TerminalSafe.text(L10n.problem(e.problem, lang))))
            }
        }
        for r in plan.repeats { lines.append("  " + L10n.text(.iRepeat, lang, r.row, r.firstRow, matchName(r.match, lang))) }
        for s in plan.skipped { lines.append("  " + L10n.text(.iSkipped, lang, s.row, s.id, matchName(s.match, lang))) }
        if dryRun {
            for u in plan.updates { lines.append("  " + L10n.text(.iUpdate, lang, u.row, u.artisan.id)) }
        }
        Output.lines(lines)
    }

    /// The file's own heading for an error's field, with the item for list fields.
    private func heading(for errorField: String, _ source: ArtisanImport) -> String {
        guard let field = ArtisanField.of(errorField: errorField), let column = source.map.column(of: field) else { return errorField }
        let item = errorField.drop { $0 != "[" }
        return TerminalSafe.text(source.table.headings[column]) + (item.isEmpty ? "" : String(item))
    }

    private func matchName(_ match: ImportPlan.Match, _ lang: Lang) -> String {
        switch match {
        case .id: return L10n.text(.fID, lang)
        case .phone: return L10n.text(.fPhone, lang).lowercased()
        case .nib: return L10n.text(.fNIB, lang)
        }
    }

    /// The bad rows as they were in the file, plus a column saying what is wrong.
    private func writeBadRows(_ plan: ImportPlan, _ source: ArtisanImport, _ lang: Lang) throws {
        var problems: [Int: String] = [:]
        for bad in plan.bad {
            problems[bad.row] = bad.errors.map { "\(heading(for: $0.field, source)): \(L10n.problem($0.problem, lang))" }.joined(separator: "; ")
        }
        let wanted = problems
        let rows = source.table.map { record -> [String]? in
            guard let problem = wanted[record.row] else { return nil }
            return record.cells + Array(repeating: "", count: max(0, source.table.headings.count - record.cells.count)) + [problem]
        }.compactMap { $0 }
        let path = badRows ?? Self.badRowsPath(for: file)
        let bytes = SpreadsheetFile.csv(headings: source.table.headings + [L10n.text(.xProblem, lang)], rows: rows,
                                        delimiter: source.table.delimiter)
        try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        Output.line(L10n.text(.iBadFile, lang, rows.count, TerminalSafe.text(path)))
    }

    static func badRowsPath(for file: String) -> String {
        let stem = file.lowercased().hasSuffix(".csv") ? String(file.dropLast(4)) : file
        return stem + "-bad.csv"
    }

    static func message(_ error: ArtisanImport.Problem, lang: Lang) -> String {
        let safe = { (s: String) in TerminalSafe.text(s) }
        switch error {
        case .file(.unreadable(let path, let reason)): return L10n.text(.iUnreadable, lang, safe(path), reason)
        case .file(.empty(let path)): return L10n.text(.iEmpty, lang, safe(path))
        case .file(.workbook(let path, let kind)): return L10n.text(.iWorkbook, lang, safe(path), kind)
        case .file(.unknownEncoding(let path, let line)): return L10n.text(.iUnknownEncoding, lang, safe(path), line)
        case .csv(let path, .unclosedQuote(let row, let line)): return L10n.text(.iUnclosedQuote, lang, safe(path), row, line)
        case .map(.malformed(let text)): return L10n.text(.iMapMalformed, lang, safe(text))
        case .map(.noSuchColumn(let text)): return L10n.text(.iMapNoColumn, lang, safe(text))
        case .map(.noSuchField(let text)): return L10n.text(.iMapNoField, lang, safe(text), ArtisanField.allCases.map(\.rawValue).joined(separator: " "))
        case .missingColumns(let fields, let headings):
            return L10n.text(.iMissing, lang, "", fields.map(\.rawValue).joined(separator: ", "),
                             headings.map { "\"\(safe($0))\"" }.joined(separator: ", ")).trimmingSpaces
        }
    }
}

extension ImportPlan.OnDuplicate: ExpressibleByArgument {}
