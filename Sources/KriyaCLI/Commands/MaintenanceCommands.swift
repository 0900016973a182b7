import ArgumentParser
import Foundation
import KriyaCore
import KriyaStore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Verify the store: every damaged line, broken rule and missing reference, with file and line."
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        let report: CheckReport
        do {
            report = try Store.check(path: global.dataDirectory)
        } catch StoreError.newerFormat(let p, let found, let supported) {
            Output.error(CLIText.text(.cStoreNewer, lang, p, found, supported))
            throw ExitCode(EX_DATAERR)
        } catch {
            Output.error(L10n.text(.cStoreOpenFailed, lang, global.dataDirectory, "\(error)"))
            throw ExitCode(EX_IOERR)
        }
        for note in report.notes { Output.line(TerminalSafe.text(note.message(lang))) }
        for warning in report.warnings { Output.line(TerminalSafe.text(warning.message(lang))) }
        if !report.likelyDuplicates.isEmpty {
            Output.line(CLIText.text(.cDuplicatesHeader, lang, report.likelyDuplicates.count))
            for group in report.likelyDuplicates {
                Output.line("  " + CLIText.text(.cDuplicateLine, lang, L10n.text(CommandError.fieldLabel(group.field), lang),
                                             group.ids.map(\.description).joined(separator: ", ")))
            }
            Output.line(CLIText.text(.cDuplicatesMergeHint, lang))
        }
        if report.isSound {
            Output.line(CLIText.text(.cCheckOK, lang, report.artisans, report.sessions, report.exhibitions,
                                         report.members, report.terms, report.partners))
        } else {
            Output.line(CLIText.text(.cCheckProblems, lang, report.problems.count))
            Output.lines(report.problems.map { "  " + TerminalSafe.text($0) })
            throw ExitCode.failure
        }
    }
}

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a timestamped copy of the data directory (default: beside it, in <data>-backups/); of a database, a data folder."
    )

    @Option(help: "Folder to put the copy in.") var to: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        if global.isDatabase {
            // A database's backup is a data folder (readable with grep and jq, and with
            // `kriya --data FOLDER`), made by `kriya copy` into a new timestamped folder.
            let source = try global.openRecords(create: false)
            let parent = to ?? SystemInfo.defaultDataDirectory() + "-backups"
            var folder = parent + "/kriya-" + SystemInfo.fileStamp()
            var n = 1
            while FileManager.default.fileExists(atPath: folder) { n += 1; folder = parent + "/kriya-" + SystemInfo.fileStamp() + "-\(n)" }
            return try CopyCommand.copy(source, to: folder, global: global)
        }
        let store = try global.openStore(create: false)
        let path = try store.backup(to: to)
        Output.line(CLIText.text(.cBackupWritten, global.language, TerminalSafe.text(path)))
    }
}

struct CompactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compact",
        abstract: "Fold the journal into the snapshot files now (it also happens by itself)."
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store = try global.openStore(create: false)
        try store.compact()
        let d = store.data
        Output.line(CLIText.text(.cCompacted, global.language, TerminalSafe.text(store.path), d.artisans.count, d.sessions.count, d.exhibitions.count))
    }
}

import KriyaText
