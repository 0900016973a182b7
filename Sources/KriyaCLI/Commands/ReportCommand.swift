import ArgumentParser
import Foundation
import KriyaCore
import KriyaStore
import KriyaText
import KriyaViews

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Reports for the council: coverage, training, certification, exhibitions.",
        discussion: """
            coverage: artisans per kecamatan and craft, empty cells marked, each kecamatan's top and \
            signature crafts. training: sessions and participants per year and topic, attendance, who was \
            never trained. certification: counts per kind, and who to call before theirs runs out (90 days). \
            exhibitions: sales, transactions and participants per fair, level and craft, year over year.
            --format html writes one self-contained file that prints on A4.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, md, html }

    @Argument(help: "coverage, training, certification or exhibitions.") var name: String
    @Option(help: "text, csv, md or html.") var format: Format = .text
    @Option(help: "The file to write (default: standard output).") var out: String?
    @OptionGroup var csvSeparator: CSVSeparatorOption
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        guard let which = ReportName(rawValue: name.lowercased()) else {
            Output.error(CLIText.text(.rUnknown, lang, TerminalSafe.text(name), ReportName.allCases.map(\.rawValue).joined(separator: ", ")))
            throw ExitCode(EX_USAGE)
        }
        let store = try global.openRecords(create: false)
        let report = Report.make(which, data: store.data, today: SystemInfo.now().today, lang: lang)
        let bytes: [UInt8]
        switch format {
        case .text:
            bytes = Array((ReportText.plain(report, width: out == nil ? (Output.width() ?? 100) : 100,
                                            unicode: SystemInfo.localeIsUTF8()).joined(separator: "\n") + "\n").utf8)
        case .md: bytes = Array(ReportDocument.markdown(report).utf8)
        case .html: bytes = Array(ReportDocument.html(report, lang: lang).utf8)
        case .csv: bytes = Self.csv(report, forTerminal: out == nil && Output.isTerminal, delimiter: csvSeparator.character(lang))
        }
        guard let out else {
            FileHandle.standardOutput.write(Data(format == .csv && Output.isTerminal ? Array(bytes.dropFirst(3)) : bytes))
            return
        }
        try PrivateFile.write(bytes, to: out)
        Output.error(TerminalSafe.text(out))
    }

    /// Every table of the report one after another, each under its heading, for a spreadsheet.
    /// On a terminal the cells are made safe (names come from the data); in a file they stay as stored.
    static func csv(_ report: Report, forTerminal: Bool = false, delimiter: Character = ",") -> [UInt8] {
        var rows: [[String]] = [[report.subtitle]]
        for section in report.sections {
            guard let table = section.table else { continue }
            rows.append([])
            rows.append([section.heading])
            rows.append(table.columns)
            for (r, row) in table.rows.enumerated() {
                rows.append(row.enumerated().map { c, cell in table.highlighted.contains(.init(r, c)) ? "0" : cell })
            }
        }
        if forTerminal { rows = rows.map { $0.map { TerminalSafe.text($0) } } }
        return SpreadsheetFile.csv(headings: [report.title], rows: rows, delimiter: delimiter)
    }
}
