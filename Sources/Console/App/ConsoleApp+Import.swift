import Foundation
import KriyaCore
import KriyaStore
import KriyaText

/// The import effects: reading and planning the file, then saving it as one step. Planned
/// against the data as it is now; the store checks every row again under its lock on save.
extension ConsoleApp {
    static let previewDetailLimit = 1_000

    func previewImport(_ typed: String, onDuplicate: ImportPlan.OnDuplicate) -> Effect? {
        let lang = state.shared.lang
        let file = Self.expandingHome(typed)
        showBusy(UIText.text(.uiImportReading, lang, file))
        defer { showBusy(nil) }
        let source: ArtisanImport
        do throws(ArtisanImport.Problem) { source = try ArtisanImport(path: file) } catch {
            return state.deliver(.importUnreadable(ImportReport.message(error, lang: lang)))
        }
        let now = SystemInfo.now()
        let plan = ImportPlan(rows: source.rows, against: store.data, onDuplicate: onDuplicate,
                              context: CommandContext(user: store.user, today: now.today, time: now.time))
        var lines = ImportReport.describe(source, file: file, rows: source.rows.count, lang: lang) + [""]
        lines.append(ImportReport.summary(plan, lang: lang, saved: false))
        // A sheet of 100k rows already stored has a line for each; the screen shows the first
        // ones (every bad row also goes to FILE-bad.csv) and says where to see them all.
        let details = ImportReport.details(plan, source, lang: lang, updates: true)
        lines += details.prefix(Self.previewDetailLimit)
        if details.count > Self.previewDetailLimit {
            lines.append(UIText.text(.uiImportMore, lang, details.count - Self.previewDetailLimit, file))
        }
        if !plan.bad.isEmpty { lines += ["", L10n.text(.iBadFileWill, lang, plan.bad.count, ImportReport.badRowsPath(for: file))] }
        var light = source
        light.rows = []
        pendingImport = (file, light, plan)
        return state.deliver(.importPreview(ImportPreview(file: typed, lines: lines, ready: plan.changeCount,
                                                          existing: plan.skipped.count + plan.updates.count + plan.unchanged.count,
                                                          updates: onDuplicate == .update)))
    }

    func confirmImport() -> Effect? {
        guard let pending = pendingImport else { return nil }
        pendingImport = nil
        let lang = state.shared.lang
        showBusy(UIText.text(.uiImportSaving, lang, pending.plan.changeCount))
        defer { showBusy(nil) }
        do {
            try store.save(pending.plan, detail: "\(pending.file): \(pending.plan.adds.count) added")
            var outcome = ImportReport.summary(pending.plan, lang: lang, saved: true)
            if !pending.plan.bad.isEmpty {
                let path = ImportReport.badRowsPath(for: pending.file)
                let written = try ImportReport.writeBadRows(pending.plan, pending.source, lang: lang, to: path)
                outcome += " " + L10n.text(.iBadFile, lang, written, path)
            }
            state.replaceData(store.data)
            // An import is one step that `u` does not take back; what came before it stays
            // as it is too (undoing under it would surprise more than help).
            state.shared.undoStack.removeAll()
            state.shared.importedAt = pending.file
            return state.deliver(.imported(outcome))
        } catch StoreError.command(let box) {
            return state.deliver(.imported(L10n.text(.iConflict, lang, box.error.message(lang))))
        } catch {
            return state.deliver(.imported(L10n.text(.iConflict, lang, (error as? StoreError)?.message(lang) ?? "\(error)")))
        }
    }

    /// `daftar.csv` for `/home/budi/Unduhan/daftar.csv`: what fits a dialog's title.
    static func baseName(_ path: String) -> String { path.split(separator: "/").last.map(String.init) ?? path }

    /// `u` after this console's import: what taking it back would do, asked first.
    func askUndoImport() -> Effect? {
        let lang = state.shared.lang
        do {
            // Only while the last import is still this console's own.
            guard let file = state.shared.importedAt, let (undo, outcome) = try store.takeBackLastImport(dryRun: true),
                  undo.file.hasPrefix(file) else {
                state.shared.importedAt = nil
                state.shared.message = UIText.text(.uiNothingToUndo, lang)
                return nil
            }
            return state.deliver(.undoPlan(file: Self.baseName(file), removes: outcome.removed.count,
                                           restores: outcome.restored.count, keeps: outcome.kept.count))
        } catch {
            state.shared.message = L10n.text(.iConflict, lang, error.message(lang))
            return nil
        }
    }

    func undoImport() {
        let lang = state.shared.lang
        let file = Self.baseName(state.shared.importedAt ?? "")
        showBusy(UIText.text(.uiImportTakingBack, lang, file))
        defer { showBusy(nil) }
        do {
            if let (_, outcome) = try store.takeBackLastImport() {
                state.replaceData(store.data)
                state.shared.message = UIText.text(.uiImportTakenBack, lang, file, outcome.removed.count, outcome.restored.count, outcome.kept.count)
            }
            state.shared.importedAt = nil
        } catch {
            state.shared.message = L10n.text(.iConflict, lang, error.message(lang))
        }
    }

    /// Tab in the file prompt: complete the name from the folder's files.
    static func complete(_ typed: String) -> Msg {
        let (folder, _) = PathCompletion.split(typed)
        let expanded = expandingHome(folder)
        let fm = FileManager.default
        let names = (try? fm.contentsOfDirectory(atPath: expanded.isEmpty ? "." : expanded)) ?? []
        let entries = names.map { name -> (name: String, folder: Bool) in
            var isFolder: ObjCBool = false
            _ = fm.fileExists(atPath: (expanded.isEmpty ? "" : expanded) + name, isDirectory: &isFolder)
            return (name, isFolder.boolValue)
        }
        let result = PathCompletion.complete(typed, entries: entries)
        return .completed(path: result.path, candidates: result.candidates)
    }

    /// `~/x` as `$HOME/x`, as the shell would.
    static func expandingHome(_ path: String) -> String {
        path.hasPrefix("~/") ? (ProcessInfo.processInfo.environment["HOME"] ?? "") + path.dropFirst(1) : path
    }
}
