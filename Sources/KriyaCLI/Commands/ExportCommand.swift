#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Foundation
import KriyaCore
import KriyaStore
import KriyaText

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write records as CSV (for Excel, LibreOffice, Google Sheets) or JSON.",
        discussion: """
            CSV has a UTF-8 byte-order mark and headings in the interface language (--lang); exported \
            artisans import again unchanged with `kriya import artisans`. NIK is masked unless \
            --include-sensitive. Without --out the file goes to standard output.
            """
    )

    enum What: String, ExpressibleByArgument, CaseIterable { case artisans, sessions, exhibitions, attendance, delegation }
    enum Format: String, ExpressibleByArgument, CaseIterable { case csv, json }

    @Argument(help: "artisans, sessions, exhibitions, attendance, or delegation (with the exhibition, e.g. P-000002).") var what: What
    @Argument(help: "delegation: the exhibition.") var exhibition: String?
    @Option(help: "csv or json.") var format: Format = .csv
    @Option(help: "The file to write (replaced atomically).") var out: String?
    @Option(help: "attendance: only this Bimtek session (e.g. B-000003).") var session: String?
    @Flag(help: "Write NIK in full (keep such a file safe).") var includeSensitive = false
    @OptionGroup var csvSeparator: CSVSeparatorOption
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        let store = try global.openRecords(create: false)
        let data = store.data
        var sessions = data.sessions.items.sorted { $0.id < $1.id }
        if let session {
            guard let id = EntityID(session), let found = data.sessions[id] else {
                Output.error(CLIText.text(.cUnknownID, lang, TerminalSafe.text(session)))
                throw ExitCode(EX_DATAERR)
            }
            sessions = [found]
        }
        // The delegation of one exhibition: its people, booths, missing certifications, sales.
        var fair: Exhibition?
        if what == .delegation {
            guard let exhibition, let id = EntityID(exhibition), let found = data.exhibitions[id] else {
                Output.error(CLIText.text(exhibition == nil ? .cDelegationNeedsExhibition : .cUnknownID, lang, TerminalSafe.text(exhibition ?? "")))
                throw ExitCode(EX_USAGE)
            }
            fair = found
        }
        let toTerminal = out == nil && isatty(STDOUT_FILENO) != 0
        let bytes: [UInt8]
        let count: Int
        switch format {
        case .csv:
            var table: ExportTables.Table
            switch what {
            case .artisans: table = ExportTables.artisans(data.artisans.items.sorted { $0.id < $1.id }, lang: lang, includeSensitive: includeSensitive)
            case .sessions: table = ExportTables.sessions(sessions, data: data, lang: lang, today: SystemInfo.now().today)
            case .exhibitions: table = ExportTables.exhibitions(data.exhibitions.items.sorted { $0.id < $1.id }, lang: lang)
            case .attendance: table = ExportTables.attendance(sessions, artisans: data.artisans, lang: lang)
            case .delegation: table = ExportTables.delegation(fair!, artisans: data.artisans, lang: lang)
            }
            if toTerminal { table.rows = table.rows.map { $0.map { TerminalSafe.text($0) } } }
            count = table.rows.count
            let csv = SpreadsheetFile.csv(headings: table.headings, rows: table.rows, delimiter: csvSeparator.character(lang))
            bytes = toTerminal ? Array(csv.dropFirst(SpreadsheetFile.byteOrderMark.count)) : csv
        case .json:
            let json: String
            switch what {
            case .artisans:
                let list = data.artisans.items.sorted { $0.id < $1.id }
                count = list.count
                json = try JSONOutput.encode(list.map { ArtisanJSON($0, masked: !includeSensitive) })
            case .sessions:
                count = sessions.count
                json = try JSONOutput.encode(sessions)
            case .exhibitions:
                let list = data.exhibitions.items.sorted { $0.id < $1.id }
                count = list.count
                json = try JSONOutput.encode(list)
            case .attendance:
                let table = ExportTables.attendance(sessions, artisans: data.artisans, lang: .en)
                count = table.rows.count
                let keys = ["session", "title", "day", "artisan", "name", "business", "phone", "role", "enrolment",
                            "mark", "time", "recordedBy", "note", "certificate"]
                json = try JSONOutput.encode(table.rows.map { Dictionary(uniqueKeysWithValues: zip(keys, $0)) })
            case .delegation:
                // Stable English keys for scripts, values as stored (curation, sales in rupiah).
                let e = fair!
                count = e.participants.count
                json = try JSONOutput.encode(e.participants.map { p in
                    DelegationJSON(exhibition: e.id, artisan: p.artisan, name: data.artisans[p.artisan]?.name, booth: p.booth,
                                   curation: p.curation.rawValue, curationNote: p.curationNote,
                                   missingCertifications: data.artisans[p.artisan].map { e.missingCertifications($0).map(\.rawValue) } ?? [],
                                   sales: p.sales, transactions: p.transactions, leads: p.leads)
                })
            }
            bytes = Array((json + "\n").utf8)
        }
        guard let out else {
            FileHandle.standardOutput.write(Data(bytes))
            return
        }
        // Names and phones (and with --include-sensitive full NIKs): only the owner (or the
        // staff group, in its folder) may read the file, from its first byte on.
        do { try PrivateFile.write(bytes, to: out) } catch {
            Output.error(L10n.text(.cStoreOpenFailed, lang, TerminalSafe.text(out), TerminalSafe.text("\(error)")))
            throw ExitCode(EX_CANTCREAT)
        }
        Output.error(CLIText.text(.xWritten, lang, count, TerminalSafe.text(out)))
    }
}

/// One person of a delegation in `--format json`.
struct DelegationJSON: Encodable {
    let exhibition: EntityID, artisan: EntityID, name: String?, booth: String?, curation: String, curationNote: String?
    let missingCertifications: [String], sales: Int64?, transactions: Int?, leads: Int?
}
