import KriyaCore
import TextUI

/// What the open form is for.
public enum FormSubject: Equatable, Sendable {
    case artisan, session, exhibition
    /// What an artisan sold at an exhibition (opened from its delegation).
    case sales(exhibition: EntityID, artisan: EntityID)
    /// Someone at the check-in door who is not in Kriya yet: saved, then checked in.
    case walkIn(session: EntityID, day: CivilDate)
}

/// The forms: checked field by field as the user leaves each one, all at once on F2/Ctrl-S
/// (nothing is saved while anything is wrong), Esc asks before dropping work.
extension ConsoleState {
    /// A new record of the kind the pane shows (the reports pane registers an artisan).
    mutating func openNewForm() {
        switch pane {
        case .sessions: open(SessionForm.make(lang, today: today), .session, editing: nil)
        case .exhibitions: open(ExhibitionForm.make(lang), .exhibition, editing: nil)
        case .artisans, .reports:
            pane = .artisans
            open(ArtisanForm.make(lang), .artisan, editing: nil)
        }
    }

    /// The selected record in its form, remembering the version it was opened at: a save
    /// after someone else changed it goes through the conflict view, never overwrites.
    mutating func openEditForm() {
        guard let id = selectedID(pane) else { return }
        switch id.kind {
        case .artisan: if let a = data.artisans[id] { open(ArtisanForm.make(lang, editing: a), .artisan, editing: (id, a.rev)) }
        case .session: if let s = data.sessions[id] { open(SessionForm.make(lang, today: today, editing: s), .session, editing: (id, s.rev)) }
        case .exhibition: if let e = data.exhibitions[id] { open(ExhibitionForm.make(lang, editing: e), .exhibition, editing: (id, e.rev)) }
        }
    }

    mutating func openSalesForm(_ exhibition: EntityID, _ artisan: EntityID) {
        guard let e = data.exhibitions[exhibition], let a = data.artisans[artisan] else { return }
        open(SalesForm.make(lang, exhibition: e, artisan: a), .sales(exhibition: exhibition, artisan: artisan), editing: nil)
    }

    /// The short form for a walk-in at the check-in door.
    mutating func openWalkIn(_ session: EntityID, _ day: CivilDate) {
        var form = ArtisanForm.make(lang, only: ArtisanForm.walkIn)
        form.title = L10n.text(.uiFormWalkIn, lang, data.title(of: session) ?? session.description)
        open(form, .walkIn(session: session, day: day), editing: nil)
    }

    private mutating func open(_ new: Form, _ subject: FormSubject, editing: (id: EntityID, rev: Int)?) {
        formReturn = mode == .participants || mode == .checkIn ? mode : .list
        form = new
        form?.listHelp = L10n.text(.uiListKeys, lang)
        formSubject = subject
        self.editing = editing
        editingBase = editing.flatMap { storedValues(of: $0.id) }
        discardPending = false
        mode = .form
    }

    /// A stored record's values as its form shows them, and its revision and name.
    func storedValues(of id: EntityID) -> [String: String]? { stored(id)?.values }

    func stored(_ id: EntityID) -> (values: [String: String], rev: Int, name: String)? {
        switch id.kind {
        case .artisan: return data.artisans[id].map { (ArtisanForm.values(of: $0, lang), $0.rev, $0.name) }
        case .session: return data.sessions[id].map { (SessionForm.values(of: $0, lang), $0.rev, $0.title) }
        case .exhibition: return data.exhibitions[id].map { (ExhibitionForm.values(of: $0, lang), $0.rev, $0.name) }
        }
    }

    /// The command that saves `form`, or the problems by field key.
    func command(for form: Form) -> Result<Command, FormProblems> {
        let current = editing.map(\.id)
        switch formSubject {
        case .artisan, .walkIn:
            let checked = ArtisanForm.text(form).checked()
            guard checked.problems.isEmpty else { return .failure(FormProblems(checked.problems, lang)) }
            guard let (id, rev) = editing, let stored = data.artisans[id] else { return .success(.addArtisan(checked.artisan)) }
            var changed = stored
            changed.take(checked.artisan, fields: ArtisanForm.edited(form))
            return .success(.updateArtisan(changed, baseRev: rev))
        case .session:
            let (s, problems) = SessionForm.read(form, onto: current.flatMap { data.sessions[$0] }, lang)
            guard problems.isEmpty else { return .failure(FormProblems(problems, lang)) }
            return .success(editing.map { .updateSession(s, baseRev: $0.rev) } ?? .addSession(s))
        case .exhibition:
            let (e, problems) = ExhibitionForm.read(form, onto: current.flatMap { data.exhibitions[$0] }, lang)
            guard problems.isEmpty else { return .failure(FormProblems(problems, lang)) }
            return .success(editing.map { .updateExhibition(e, baseRev: $0.rev) } ?? .addExhibition(e))
        case .sales(let exhibition, let artisan):
            return SalesForm.command(form, exhibition: exhibition, artisan: artisan, lang)
        }
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
            if case .failure(let problems) = command(for: open) {
                open.show(error: field.value.isEmpty ? nil : problems.byField[field.key], for: index)
            } else {
                open.show(error: nil, for: index)
            }
        case .save:
            form = open
            switch command(for: open) {
            case .success(let command): return .save(command)
            case .failure(let problems):
                open.show(errors: problems.byField)
                form = open
                message = L10n.text(.uiFormNotSaved, lang, problems.byField.count)
                return .none
            }
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
        mode = formReturn
        formReturn = .list
    }

    /// The store refused the save: show why beside the fields (another process's rules may
    /// differ from ours only through the data, e.g. a stale record).
    public mutating func formRefused(_ problems: [FieldError], otherwise text: String) {
        guard var open = form, mode == .form, !problems.isEmpty else {
            // Not from a form (a booth given twice, say): the reasons on the status line.
            message = problems.isEmpty ? text : problems.map { L10n.problem($0.problem, lang) }.joined(separator: "; ")
            return
        }
        let byField = FormProblems(problems, lang).byField
        open.show(errors: byField)
        form = open
        message = L10n.text(.uiFormNotSaved, lang, problems.count)
    }

    /// A saved change, whichever screen made it; a command to save next when one is due (a
    /// walk-in is checked in once registered).
    @discardableResult
    public mutating func saved(_ change: Change) -> Command? {
        if mode == .form, case .walkIn(let session, let day) = formSubject, let id = change.targets.first {
            closeForm()
            return .checkIn(session: session, artisan: id, day: day, time: now, enrol: true)
        }
        if mode == .checkIn {
            checkInSaved(change)
        } else if mode == .salesGrid {
            salesRowSaved(change)
        } else if mode == .picker, let event = picker?.event, let id = change.targets.last {
            pickerSaved(event: event, artisan: id)
        } else if mode == .participants || (mode == .form && formReturn == .participants) {
            if mode == .form { closeForm() }
            participantSaved(change)
        } else if mode != .form {
            removed(change, name: change.artisans.first?.name ?? "")
        } else {
            let id = change.targets.first ?? EntityID(.artisan, 0)
            formSaved(id, name: stored(id)?.name ?? "")
        }
        return nil
    }

    /// Saved: back to the list of its kind, on the record.
    public mutating func formSaved(_ id: EntityID, name: String) {
        closeForm()
        let target: Pane = id.kind == .artisan ? .artisans : id.kind == .session ? .sessions : .exhibitions
        pane = target
        query[target] = ""
        refilter(target)
        if let at = rows[target]?.firstIndex(where: { recordID(target, $0) == id }) { selected[target] = at }
        message = L10n.text(.uiFormSaved, lang, id, name)
    }
}

/// A form's problems, one message per field key (several joined with "; ").
public struct FormProblems: Error, Equatable {
    public let byField: [String: String]
    init(_ problems: [FieldError], _ lang: Lang) {
        var out: [String: String] = [:]
        for e in problems {
            let key = String(e.field.prefix { $0 != "[" && $0 != "." })
            let message = L10n.problem(e.problem, lang)
            out[key] = out[key].map { $0 + "; " + message } ?? message
        }
        byField = out
    }
}
