import KriyaCore
import KriyaViews
import TextUI

/// Undo, archive and delete from the lists: each goes through a command (checked and audited
/// like any save); archive and delete ask first, saying what is affected.
extension ConsoleState {
    /// How many of this user's changes `u` can undo, newest last.
    static let undoDepth = 50

    /// Keeps how to undo a change this console saved.
    public mutating func remember(_ undo: Reversal) {
        undoStack.append(undo)
        if undoStack.count > Self.undoDepth { undoStack.removeFirst(undoStack.count - Self.undoDepth) }
    }

    /// `u`: undo the newest change still on the stack.
    mutating func undoLast() -> Effect {
        guard let last = undoStack.last else {
            // This console's import is one step of its own, taken back after asking.
            if importedAt != nil { return .askUndoImport }
            message = L10n.text(.uiNothingToUndo, lang)
            return .none
        }
        return .save(.undo(last))
    }

    /// The undo was saved (or refused): either way it leaves the stack.
    public mutating func undone(_ change: Change?, refused: String? = nil) {
        guard let last = undoStack.popLast() else { return }
        if let refused {
            message = L10n.text(.uiUndoRefused, lang, refused)
            return
        }
        let ids = (change?.targets ?? []).map(\.description).joined(separator: ", ")
        message = L10n.text(.uiUndone, lang, last.command, ids)
    }

    /// `D`: archive the selected artisan when anything refers to them, delete otherwise; ask first.
    mutating func askToRemove() {
        guard pane == .artisans, let id = selectedID(.artisans), let a = data.artisans[id] else { return }
        let sessions = data.sessions(of: id).count, exhibitions = data.exhibitions(of: id).count
        let lang = self.lang
        let t = { (k: TextKey, args: [CustomStringConvertible]) in L10n.text(k, lang, arguments: args) }
        let dialog: Dialog
        let command: Command
        if sessions + exhibitions > 0 {
            dialog = Dialog(title: t(.uiArchiveTitle, [a.name]), text: t(.uiArchiveText, [a.name, id, sessions, exhibitions]),
                            keys: t(.uiConfirmKeys, []))
            command = .archiveArtisan(id, archived: true, baseRev: a.rev)
        } else {
            dialog = Dialog(title: t(.uiDeleteTitle, [a.name]), text: t(.uiDeleteText, [a.name, id]), keys: t(.uiConfirmKeys, []))
            command = .delete(id, baseRev: a.rev)
        }
        confirmation = (dialog, .save(command))
        mode = .confirm
    }

    mutating func updateConfirm(_ key: Key) -> Effect {
        let pending = confirmation
        confirmation = nil
        mode = .list
        guard let pending, key == .char("y") || key == .char("Y") else { return .none }
        return pending.effect
    }

    /// Asks before taking back this console's import, saying what it would do.
    public mutating func askUndoImport(file: String, removes: Int, restores: Int, keeps: Int) {
        let lang = self.lang
        confirmation = (Dialog(title: L10n.text(.uiUndoImportTitle, lang, file),
                               text: L10n.text(.uiUndoImportText, lang, removes, restores, keeps),
                               keys: L10n.text(.uiConfirmKeys, lang)), .undoImport)
        mode = .confirm
    }

    /// An archive or a delete was saved.
    mutating func removed(_ change: Change, name: String) {
        guard let id = change.targets.first else { return }
        message = L10n.text(change.deleted.isEmpty ? .uiArchived : .uiDeleted, lang, id, name)
    }
}

extension ConsoleState {
    /// Shows a record's audit trail, from the list or from its detail.
    public mutating func showHistory(_ entries: [AuditEntry], of id: EntityID, width: Int) {
        historyLines = HistoryText.lines(entries, of: id, title: data.title(of: id) ?? "", lang: lang, width: width - 2)
        historyReturn = mode == .detail ? .detail : .list
        detailOffset = 0
        mode = .history
    }
}
