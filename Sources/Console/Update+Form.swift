import KriyaCore
import TextUI

/// The form for a new artisan: checked field by field as the user leaves each one, all at
/// once on F2/Ctrl-S (nothing is saved while anything is wrong), Esc asks before dropping work.
extension ConsoleState {
    mutating func openArtisanForm() {
        form = ArtisanForm.make(lang)
        editing = nil
        editingBase = nil
        discardPending = false
        mode = .form
    }

    /// The selected artisan in the form, remembering the revision it was opened at: a save
    /// after someone else changed the record is refused as a conflict, never overwritten.
    mutating func openEditForm() {
        guard pane == .artisans, let id = selectedID(.artisans), let a = data.artisans[id] else { return }
        form = ArtisanForm.make(lang, editing: a)
        editing = (a.id, a.rev)
        editingBase = a
        discardPending = false
        mode = .form
    }

    mutating func updateForm(_ key: Key) -> Effect {
        guard var open = form else { mode = .list; return .none }
        if discardPending {
            discardPending = false
            if key == .char("y") || key == .char("Y") { closeForm(); return .none }
            return .none
        }
        switch open.handle(key) {
        case .none: break
        case .left(let index):
            // A value typed and left is checked at once; an empty field only on saving.
            let field = open.fields[index]
            let problems = ArtisanForm.errors(ArtisanForm.text(open).checked().problems, lang)
            open.show(error: field.value.isEmpty ? nil : problems[field.key], for: index)
        case .save:
            let checked = ArtisanForm.text(open).checked()
            if !checked.problems.isEmpty {
                let errors = ArtisanForm.errors(checked.problems, lang)
                open.show(errors: errors)
                form = open
                message = L10n.text(.uiFormNotSaved, lang, errors.count)
                return .none
            }
            form = open
            guard let (id, rev) = editing, let current = data.artisans[id] else { return .save(.addArtisan(checked.artisan)) }
            var changed = current
            changed.take(checked.artisan, fields: ArtisanForm.edited(open))
            return .save(.updateArtisan(changed, baseRev: rev))
        case .cancel:
            if open.isDirty {
                discardPending = true
                message = L10n.text(.uiFormDiscard, lang)
            } else {
                closeForm()
                return .none
            }
        }
        form = open
        return .none
    }

    mutating func closeForm() {
        form = nil
        editing = nil
        editingBase = nil
        conflict = nil
        discardPending = false
        mode = .list
    }

    /// The store refused the save: show why beside the fields (another process's rules may
    /// differ from ours only through the data, e.g. a stale record).
    public mutating func formRefused(_ problems: [FieldError], otherwise text: String) {
        guard var open = form, !problems.isEmpty else { message = text; return }
        open.show(errors: ArtisanForm.errors(problems, lang))
        form = open
        message = L10n.text(.uiFormNotSaved, lang, problems.count)
    }

    /// A saved change, whichever screen made it.
    public mutating func saved(_ change: Change) {
        if mode == .picker, let session = picker?.session, let id = change.targets.last {
            pickerSaved(session: session, artisan: id)
        } else if mode != .form {
            removed(change, name: change.artisans.first?.name ?? "")
        } else {
            formSaved(change.targets.first ?? EntityID(.artisan, 0), name: change.artisans.first?.name ?? "")
        }
    }

    /// Saved: back to the list, on the new record.
    public mutating func formSaved(_ id: EntityID, name: String) {
        closeForm()
        pane = .artisans
        query[.artisans] = ""
        refilter(.artisans)
        if let at = rows[.artisans]?.firstIndex(where: { recordID(.artisans, $0) == id }) { selected[.artisans] = at }
        message = L10n.text(.uiFormSaved, lang, id, name)
    }
}
