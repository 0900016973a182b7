import Foundation
import KriyaCore
import KriyaText

/// What an import found and would do, as lines for a person: the CLI prints them and the
/// console shows them on its preview screen. Text from the file is made terminal-safe here.
public enum ImportReport {
    /// The file as read: encoding, separator, rows, which column became which field.
    public static func describe(_ source: ArtisanImport, file: String, rows: Int, lang: Lang) -> [String] {
        let separator = source.table.delimiter == "\t" ? "tab" : "\"\(source.table.delimiter)\""
        var lines = [L10n.text(.iRead, lang, TerminalSafe.text(file), source.file.encoding.rawValue, separator, rows)]
        if source.file.encoding == .windows1252 { lines.append(L10n.text(.iConverted, lang)) }
        if source.table.headingRow > 1 { lines.append(L10n.text(.iHeadingRow, lang, source.table.headingRow, source.table.headingRow - 1)) }
        let used = zip(source.table.headings, source.map.fields).compactMap { heading, field in
            field.map { "\(TerminalSafe.text(heading)) → \($0.label(lang))" }
        }
        lines.append(L10n.text(.iColumns, lang, used.joined(separator: ", ")))
        if !source.map.extraPhones.isEmpty {
            let names = source.map.extraPhones.map { "\"\(TerminalSafe.text(source.table.headings[$0]))\"" }.joined(separator: ", ")
            lines.append(L10n.text(.iExtraPhones, lang, names))
        }
        if !source.map.ignored.isEmpty {
            let names = source.map.ignored.map { "\"\(TerminalSafe.text($0.heading))\"" }.joined(separator: ", ")
            lines.append(L10n.text(.iIgnored, lang, names, ArtisanField.allCases.map(\.rawValue).joined(separator: " ")))
        }
        return lines
    }

    /// Every bad row (row, line, column, reason), every repeat and skip; updates when asked.
    public static func details(_ plan: ImportPlan, _ source: ArtisanImport, lang: Lang, updates: Bool) -> [String] {
        var lines: [String] = []
        for bad in plan.bad {
            let line = bad.line != bad.row ? L10n.text(.iLine, lang, bad.line) : ""
            let who = bad.name.trimmingSpaces.isEmpty ? "" : ", " + TerminalSafe.text(bad.name.trimmingSpaces)
            for e in bad.errors {
                let problem = L10n.problem(e.problem, lang)
                // The refused value, unless the reason already quotes it.
                let cell = ArtisanField.of(errorField: e.field).flatMap { bad.cells[$0] }.map { $0.trimmingSpaces }
                let value = cell.map { problem.contains($0) ? "" : L10n.text(.iCellValue, lang, $0) } ?? ""
                lines.append("  " + TerminalSafe.text(L10n.text(.iBadRow, lang, bad.row, line + who, heading(for: e.field, source), problem, value)))
            }
        }
        for f in plan.foreignIDs {
            lines.append("  " + L10n.text(.iForeignID, lang, f.row, f.id, TerminalSafe.text(f.storedName)))
        }
        for r in plan.repeats { lines.append("  " + L10n.text(.iRepeat, lang, r.row, r.firstRow, matchName(r.match, lang))) }
        for s in plan.skipped { lines.append("  " + L10n.text(.iSkipped, lang, s.row, s.id, matchName(s.match, lang))) }
        if updates {
            for u in plan.updates {
                lines.append("  " + L10n.text(.iUpdate, lang, u.row, u.artisan.id))
                // What changes, as the history will show it.
                for c in u.changes where c.isShown {
                    let label = ArtisanField(rawValue: c.field).map { $0.label(lang) } ?? c.field
                    lines.append("      \(label): \(TerminalSafe.text(FieldChange.shown(c.field, c.from, lang))) → \(TerminalSafe.text(FieldChange.shown(c.field, c.to, lang)))")
                }
            }
        }
        return lines
    }

    /// "Would add 3, update 0; …" or, once saved, "Added 3, …".
    public static func summary(_ plan: ImportPlan, lang: Lang, saved: Bool) -> String {
        let counts = [plan.adds.count, plan.updates.count, plan.unchanged.count, plan.skipped.count, plan.repeats.count, plan.bad.count]
        return L10n.text(saved ? .iSummaryDone : .iSummaryDry, lang, arguments: counts)
    }

    /// The message for a file that cannot be imported at all.
    public static func message(_ error: ArtisanImport.Problem, lang: Lang) -> String {
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
        case .missingColumns(let path, let fields, let headings):
            return L10n.text(.iMissing, lang, safe(path), fields.map(\.rawValue).joined(separator: ", "),
                             headings.map { "\"\(safe($0))\"" }.joined(separator: ", ")).trimmingSpaces
        }
    }

    /// `daftar.csv` → `daftar-bad.csv`.
    public static func badRowsPath(for file: String) -> String {
        let stem = file.lowercased().hasSuffix(".csv") ? String(file.dropLast(4)) : file
        return stem + "-bad.csv"
    }

    /// Writes the bad rows as they were in the file, plus a column saying what is wrong, so the
    /// user can fix them there and import that file. Returns how many rows it wrote.
    @discardableResult
    public static func writeBadRows(_ plan: ImportPlan, _ source: ArtisanImport, lang: Lang, to path: String) throws -> Int {
        var problems: [Int: String] = [:]
        for bad in plan.bad {
            problems[bad.row] = bad.errors.map { "\(heading(for: $0.field, source)): \(L10n.problem($0.problem, lang))" }.joined(separator: "; ")
        }
        let wanted = problems
        let width = source.table.headings.count
        let rows = source.table.map { record -> [String]? in
            guard let problem = wanted[record.row] else { return nil }
            return record.cells + Array(repeating: "", count: max(0, width - record.cells.count)) + [problem]
        }.compactMap { $0 }
        let bytes = SpreadsheetFile.csv(headings: source.table.headings + [L10n.text(.xProblem, lang)], rows: rows,
                                        delimiter: source.table.delimiter)
        try PrivateFile.write(bytes, to: path)
        return rows.count
    }

    /// The file's own heading for an error's field, with the item for list fields.
    static func heading(for errorField: String, _ source: ArtisanImport) -> String {
        guard let field = ArtisanField.of(errorField: errorField), let column = source.map.column(of: field) else { return errorField }
        let item = errorField.drop { $0 != "[" }
        return TerminalSafe.text(source.table.headings[column]) + (item.isEmpty ? "" : String(item))
    }

    static func matchName(_ match: ImportPlan.Match, _ lang: Lang) -> String {
        switch match {
        case .id: return L10n.text(.fID, lang)
        case .phone: return L10n.text(.fPhone, lang).lowercased()
        case .nib: return L10n.text(.fNIB, lang)
        }
    }
}

extension ImportReport {
    /// What taking the last import back does (or would do), and each artisan it keeps and why.
    public static func undoLines(_ undo: ImportUndo, _ outcome: ImportUndo.Outcome, done: Bool, lang: Lang,
                                 name: (EntityID) -> String) -> [String] {
        var lines = [L10n.text(.uUndoWhat, lang, TerminalSafe.text(undo.file), SystemInfo.local(utcStamp: undo.at), TerminalSafe.text(undo.user))]
        lines.append(L10n.text(done ? .uUndoDone : .uUndoWould, lang, outcome.removed.count, outcome.restored.count))
        for (id, why) in outcome.kept {
            switch why {
            case .changedSince: lines.append(L10n.text(.uUndoKeptChanged, lang, id, TerminalSafe.text(name(id))))
            case .takingPart(let s, let e): lines.append(L10n.text(.uUndoKeptTaking, lang, id, TerminalSafe.text(name(id)), s, e))
            }
        }
        return lines
    }
}
