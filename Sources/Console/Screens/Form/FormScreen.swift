import KriyaCore
import KriyaText
import TextUI

/// What the open form is for.
public enum FormSubject: Equatable, Sendable {
    case artisan, session, exhibition
    /// The council's own records.
    case term, member, partner
    /// What an artisan sold at an exhibition (opened from its delegation).
    case sales(exhibition: EntityID, artisan: EntityID)
    /// Someone at the check-in door who is not in Kriya yet: saved, then checked in.
    case walkIn(session: EntityID, day: CivilDate)
}

/// A record's form: checked field by field as the user leaves each one, all at once on
/// F2/Ctrl-S (nothing is saved while anything is wrong); Esc asks before dropping work. A save
/// refused because someone else changed the record opens the conflict view over it.
public struct FormScreen: Screen {
    public var form: Form
    public let subject: FormSubject
    /// The record the form changes and the revision it was opened at (nil: a new one).
    public var editing: (id: EntityID, rev: Int)?
    /// The record's values as the form showed them when it opened (for the conflict view);
    /// nil when not known (a draft restored after the record changed).
    public var editingBase: [String: String]?
    /// Trainers chosen in the picker (folded name → record): an artisan picked stays linked.
    public var picked: [String: EntityID] = [:]

    init(_ form: Form, _ subject: FormSubject, editing: (id: EntityID, rev: Int)?, _ shared: Shared) {
        self.form = form
        self.form.listHelp = shared.t(.uiListKeys)
        self.subject = subject
        self.editing = editing
        editingBase = editing.flatMap { shared.stored($0.id)?.values }
    }

    /// A new record of the kind the pane shows.
    static func new(for pane: Pane, _ shared: Shared) -> FormScreen {
        switch pane {
        case .sessions: return FormScreen(SessionForm.make(shared.lang, today: shared.today, data: shared.data), .session, editing: nil, shared)
        case .exhibitions: return FormScreen(ExhibitionForm.make(shared.lang, data: shared.data), .exhibition, editing: nil, shared)
        case .organisation: return newCouncil(1, term: nil, shared)
        case .artisans, .reports: return FormScreen(ArtisanForm.make(shared.lang), .artisan, editing: nil, shared)
        }
    }

    /// A new board member (of `term`), partner or term: `BrowseScreen.newCouncilChoices`' order.
    static func newCouncil(_ choice: Int, term: Term?, _ shared: Shared) -> FormScreen {
        switch choice {
        case 0 where shared.data.terms.count > 0:
            return FormScreen(MemberForm.make(shared.lang, data: shared.data, term: term), .member, editing: nil, shared)
        case 1: return FormScreen(PartnerForm.make(shared.lang), .partner, editing: nil, shared)
        default: return FormScreen(TermForm.make(shared.lang), .term, editing: nil, shared)
        }
    }

    /// A stored record in its form, remembering the version it was opened at: a save after
    /// someone else changed it goes through the conflict view, never overwrites.
    static func edit(_ id: EntityID, _ shared: Shared) -> FormScreen? {
        let lang = shared.lang
        switch id.kind {
        case .artisan:
            return shared.data.artisans[id].map { FormScreen(ArtisanForm.make(lang, editing: $0), .artisan, editing: (id, $0.rev), shared) }
        case .session:
            return shared.data.sessions[id].map {
                FormScreen(SessionForm.make(lang, today: shared.today, data: shared.data, editing: $0), .session, editing: (id, $0.rev), shared)
            }
        case .exhibition:
            return shared.data.exhibitions[id].map { FormScreen(ExhibitionForm.make(lang, data: shared.data, editing: $0), .exhibition, editing: (id, $0.rev), shared) }
        case .term:
            return shared.data.terms[id].map { FormScreen(TermForm.make(lang, editing: $0), .term, editing: (id, $0.rev), shared) }
        case .member:
            return shared.data.members[id].map {
                FormScreen(MemberForm.make(lang, data: shared.data, term: shared.data.terms[$0.term], editing: $0), .member, editing: (id, $0.rev), shared)
            }
        case .partner:
            return shared.data.partners[id].map { FormScreen(PartnerForm.make(lang, editing: $0), .partner, editing: (id, $0.rev), shared) }
        }
    }

    static func sales(_ exhibition: EntityID, _ artisan: EntityID, _ shared: Shared) -> FormScreen? {
        guard let e = shared.data.exhibitions[exhibition], let a = shared.data.artisans[artisan] else { return nil }
        return FormScreen(SalesForm.make(shared.lang, exhibition: e, artisan: a), .sales(exhibition: exhibition, artisan: artisan), editing: nil, shared)
    }

    /// The short form for a walk-in at the check-in door.
    static func walkIn(_ session: EntityID, _ day: CivilDate, _ shared: Shared) -> FormScreen {
        var form = ArtisanForm.make(shared.lang, only: ArtisanForm.walkIn)
        form.title = shared.t(.uiFormWalkIn, shared.data.title(of: session) ?? session.description)
        return FormScreen(form, .walkIn(session: session, day: day), editing: nil, shared)
    }

    public var kind: ScreenKind { .form }

    public func bindings(_ shared: Shared) -> [Binding] {
        if form.list != nil {
            // A table of values (products, certifications) open inside a field: its keys
            // (`ListEditor.handle`), all of them.
            return [Binding([.tab], .nextField, help: .uiHelpListNext, bar: .uiKeyNext),
                    Binding([.backTab], .previousField, help: .uiHelpListPrevious),
                    Binding([(.up, .up), (.down, .down)], help: .uiHelpListRows, barKeys: "↑↓"),
                    Binding([.ctrl("n")], .add, help: .uiHelpListAdd, bar: .uiKeyAdd),
                    Binding([.ctrl("r")], .remove, help: .uiHelpListRemove, bar: .uiKeyRemoveRow),
                    Binding([.enter], .done, help: .uiHelpListDone, bar: .uiKeyDone),
                    Binding([.f(2), .ctrl("s")], .save, help: .uiHelpListSave),
                    Binding([.escape], .cancel, help: .uiHelpListUndo, bar: .uiKeyCancel)]
                .typing(into: .uiHelpTypeCell)
        }
        let onTrainers = subject == .session && form.fields[safe: form.focus]?.key == "trainers"
        let save = Binding([.f(2), .ctrl("s")], .save, help: .uiHelpFormSave, bar: .uiKeySave)
        let pick = Binding([.f(5)], .pick, help: .uiHelpPickTrainer, bar: onTrainers ? .uiKeyPick : nil, enabled: onTrainers)
        let cancel = Binding([.escape], .cancel, help: .uiHelpFormCancel, bar: .uiKeyCancel)
        // A choice list open under the field (text typed that is no option yet) takes ↑↓ and
        // Tab/Enter (`Form.handleChoice`).
        if form.offered?.choosing == true {
            return [save, pick,
                    Binding([(.up, .up), (.down, .down)], help: .uiHelpChoiceMove, barKeys: "↑↓"),
                    Binding([.tab, .enter], .nextField, help: .uiHelpChoiceTake, bar: .uiKeyNext, barKeys: "Tab"),
                    Binding([.backTab], .previousField, help: .uiHelpFormPrevious),
                    cancel]
                .typing(into: .uiHelpChoiceFilter)
        }
        // A field of ticks (`Form.handleMultiChoice`): ↑↓ move among its options, Space ticks.
        if form.fields[safe: form.focus]?.kind is MultiChoiceKind {
            return [save, pick,
                    Binding([(.up, .up), (.down, .down)], help: .uiHelpMultiMove, barKeys: "↑↓"),
                    Binding([.char(" ")], .toggle, help: .uiHelpMultiToggle),
                    Binding.characters(.type, help: .uiHelpMultiJump),
                    Binding([.ctrl("u"), .backspace, .delete], .clearFilters, help: .uiHelpMultiClear),
                    Binding([.tab, .enter], .nextField, help: .uiHelpFormNext, bar: .uiKeyNext, barKeys: "Tab"),
                    Binding([.backTab], .previousField, help: .uiHelpFormPrevious),
                    cancel]
        }
        return [save, pick,
                Binding([.tab, .down, .enter], .nextField, help: .uiHelpFormNext, bar: .uiKeyNext, barKeys: "Tab"),
                Binding([.backTab, .up], .previousField, help: .uiHelpFormPrevious),
                cancel]
            .typing(into: .uiHelpTypeField)
    }

    /// The bindings describe the keys; the form widget itself handles them (a choice list
    /// open under a field takes ↑↓ and Enter first).
    public mutating func perform(_ action: Action, key: Key, _ shared: inout Shared) -> Step {
        if action == .pick { return .push(TrainerPickerScreen(for: form.value("title"), shared)) }
        return handle(key, &shared)
    }

    /// A trainer chosen in the picker joins the list (once); a partner's person brings the
    /// partner along, ticked.
    mutating func add(_ choice: TrainerChoice, _ shared: inout Shared) {
        guard let at = form.index(of: "trainers") else { return }
        var names = ListCell.names(form.fields[at].value)
        if !names.contains(where: { Fold.string($0) == Fold.string(choice.name) }) { names.append(choice.name) }
        form.fields[at].set(names.joined(separator: "; "))
        if let ref = choice.ref { picked[Fold.string(choice.name)] = ref }
        if let partner = choice.partner.flatMap({ shared.data.partners[$0] }), let p = form.index(of: "partners"),
           let multi = form.fields[p].kind as? MultiChoiceKind, !multi.chosen(form.fields[p].value).contains(partner.name) {
            form.fields[p].set(multi.toggling(partner.name, in: form.fields[p].value))
        }
        shared.message = shared.t(.uiTrainerAdded, TerminalSafe.text(choice.name))
    }

    public mutating func type(_ key: Key, _ shared: inout Shared) -> Step {
        handle(key, &shared)
    }

    private mutating func handle(_ key: Key, _ shared: inout Shared) -> Step {
        switch form.handle(key) {
        case .none: return .stay
        case .left(let index):
            // A value typed and left is checked at once; an empty field only on saving.
            let field = form.fields[index]
            if case .failure(let problems) = command(shared) {
                form.show(error: field.value.isEmpty ? nil : problems.byField[field.key], for: index)
            } else {
                form.show(error: nil, for: index)
            }
            return .stay
        case .save:
            return save(&shared)
        case .cancel:
            guard form.isDirty else { return .pop(.closed) }
            return shared.confirm(.discardForm, title: form.title, text: shared.t(.uiFormDiscard))
        }
    }

    /// Checks every field; saves when all is well, otherwise shows what is wrong.
    mutating func save(_ shared: inout Shared, allowDuplicate: Bool = false) -> Step {
        switch command(shared) {
        case .success(.addArtisan(let a, _)):
            // The same name with the same kelurahan or business: that person is offered first
            // (at the door: checked in), a new record only when asked for (a).
            if !allowDuplicate, let (same, field) = shared.data.samePerson(as: a) {
                return Self.askSamePerson(same, field, subject, &shared)
            }
            return .run(.save(.addArtisan(a, allowDuplicate: allowDuplicate)))
        case .success(let command) where SalesRules.needsConfirmation(command):
            return Self.askLargeSales(command, &shared)
        case .success(let command): return .run(.save(command))
        case .failure(let problems):
            form.show(errors: problems.byField)
            shared.message = shared.t(.uiFormNotSaved, problems.byField.count)
            return .stay
        }
    }

    /// A registered person who may be the one being typed: y takes them (checks them in at the
    /// door, opens their record elsewhere), n goes back to the form, a registers anyway.
    static func askSamePerson(_ same: Artisan, _ field: String, _ subject: FormSubject, _ shared: inout Shared) -> Step {
        let name = TerminalSafe.text(same.name)
        let place = Wilayah.kelurahan(code: same.kelurahan)?.name ?? ""
        let what = subject == .artisan ? shared.t(.uiDuplicateOpen, name) : shared.t(.uiDuplicateCheckIn, name)
        return shared.confirm(.duplicate(existing: same.id), title: shared.t(.uiSamePersonTitle),
                              text: shared.t(.uiSamePersonText, name, same.id, TerminalSafe.text(same.business), place,
                                             L10n.text(CommandError.fieldLabel(field), shared.lang)) + "\n" + what)
    }

    /// Sales far above what one artisan sells at a fair: the figure is asked about first.
    static func askLargeSales(_ command: Command, _ shared: inout Shared) -> Step {
        guard case .recordSales(_, let artisan, let sales, let transactions, _) = command else { return .stay }
        let name = shared.data.artisans[artisan]?.name ?? artisan.description
        return shared.confirm(.save(command), title: shared.t(.uiLargeSalesTitle),
                              text: shared.t(.uiLargeSalesAsk, TerminalSafe.text(name), sales.map(Rupiah.format) ?? "–", transactions ?? 0))
    }

    /// The command that saves the form, or the problems by field key.
    func command(_ shared: Shared) -> Result<Command, FormProblems> {
        let (data, lang) = (shared.data, shared.lang)
        let current = editing.map(\.id)
        switch subject {
        case .artisan, .walkIn:
            let checked = ArtisanForm.text(form).checked()
            guard checked.problems.isEmpty else { return .failure(FormProblems(checked.problems, lang)) }
            guard let (id, rev) = editing, let stored = data.artisans[id] else { return .success(.addArtisan(checked.artisan)) }
            var changed = stored
            changed.take(checked.artisan, fields: ArtisanForm.edited(form))
            return .success(.updateArtisan(changed, baseRev: rev))
        case .session:
            let (s, problems) = SessionForm.read(form, onto: current.flatMap { data.sessions[$0] }, lang, data: data, picked: picked)
            guard problems.isEmpty else { return .failure(FormProblems(problems, lang)) }
            return .success(editing.map { .updateSession(s, baseRev: $0.rev) } ?? .addSession(s))
        case .exhibition:
            let (e, problems) = ExhibitionForm.read(form, onto: current.flatMap { data.exhibitions[$0] }, lang, data: data)
            guard problems.isEmpty else { return .failure(FormProblems(problems, lang)) }
            return .success(editing.map { .updateExhibition(e, baseRev: $0.rev) } ?? .addExhibition(e))
        case .term:
            let (t, problems) = TermForm.read(form, onto: current.flatMap { data.terms[$0] }, lang)
            guard problems.isEmpty else { return .failure(FormProblems(problems, lang)) }
            return .success(editing.map { .updateTerm(t, baseRev: $0.rev) } ?? .addTerm(t))
        case .member:
            let (m, problems) = MemberForm.read(form, onto: current.flatMap { data.members[$0] }, lang, data: data)
            guard problems.isEmpty else { return .failure(FormProblems(problems, lang)) }
            return .success(editing.map { .updateMember(m, baseRev: $0.rev) } ?? .addMember(m))
        case .partner:
            let (p, problems) = PartnerForm.read(form, onto: current.flatMap { data.partners[$0] }, lang)
            guard problems.isEmpty else { return .failure(FormProblems(problems, lang)) }
            return .success(editing.map { .updatePartner(p, baseRev: $0.rev) } ?? .addPartner(p))
        case .sales(let exhibition, let artisan):
            return SalesForm.command(form, exhibition: exhibition, artisan: artisan, lang)
        }
    }

    public mutating func receive(_ msg: Msg, _ shared: inout Shared) -> Step {
        switch msg {
        case .saved(let change):
            return .pop(.saved(change))
        case .refused(.conflict) where editing != nil:
            // Someone saved the same record meanwhile: theirs and ours field by field.
            return showConflict(&shared)
        case .refused(.duplicate(let id, let name, let field)):
            // Someone already has this phone, NIB or NIK: offer that person, never a second copy unasked.
            let label = L10n.text(CommandError.fieldLabel(field), shared.lang)
            let what = subject == .artisan ? shared.t(.uiDuplicateOpen, name) : shared.t(.uiDuplicateCheckIn, name)
            return shared.confirm(.duplicate(existing: id), title: shared.t(.uiDuplicateTitle),
                                  text: shared.t(.uiDuplicateText, name, id, label) + "\n" + what)
        case .refused(.invalid(let problems)) where !problems.isEmpty:
            form.show(errors: FormProblems(problems, shared.lang).byField)
            shared.message = shared.t(.uiFormNotSaved, problems.count)
            return .stay
        default:
            return shared.report(msg)
        }
    }

    public mutating func resume(_ outcome: Outcome, _ shared: inout Shared) -> Step {
        switch outcome {
        case .answered(.discardForm, yes: true): return .pop(.closed)
        case .answered(.duplicate(let id), yes: true):
            // At the door the person found is checked in; elsewhere their record opens.
            if case .walkIn = subject { return .pop(.useExisting(id)) }
            return .pop(.show(id))
        case .anyway(.duplicate): return save(&shared, allowDuplicate: true)
        case .pickedTrainer(let choice):
            add(choice, &shared)
            return .stay
        case .answered(.save(let command), yes: true): return .run(.save(command))
        case .merged(let resolution):
            // Their version is the starting point now; the merged values are saved on it.
            for i in form.fields.indices {
                if let v = resolution.values[form.fields[i].key] { form.fields[i].set(v) }
                form.fields[i].rebase(resolution.theirs[form.fields[i].key] ?? "")
            }
            editing = (resolution.id, resolution.rev)
            editingBase = resolution.theirs
            return save(&shared)
        default: return .stay
        }
    }

    /// The conflict view for this form against the newest stored version. When no field of
    /// the form changed on their side (an enrolment changed a session, say), there is nothing
    /// to show: the save goes ahead on their version at once.
    mutating func showConflict(_ shared: inout Shared) -> Step {
        guard let (id, _) = editing, let theirs = shared.stored(id) else { return .stay }
        var mine: [String: String] = [:]
        for f in form.fields { mine[f.key] = f.value }
        let merge = ThreeWayMerge(fields: form.fields.map(\.key), base: editingBase, theirs: theirs.values, mine: mine)
        let view = ConflictScreen(merge: merge, id: id, name: theirs.name, theirs: theirs.values, theirsRev: theirs.rev,
                                  labels: Dictionary(uniqueKeysWithValues: form.fields.map { ($0.key, $0.label) }))
        if merge.conflicts.isEmpty && merge.takenFromTheirs.isEmpty { return resume(.merged(view.resolution), &shared) }
        return .push(view)
    }

    public func render(_ shared: Shared, into grid: inout Grid, area: Rect) {
        form.render(into: &grid, area: area)
    }

    /// Data changed elsewhere: nothing to redo. Saved against the revision it started from: a colleague's save meanwhile opens the conflict view, never overwritten.
    public mutating func dataChanged(_ shared: Shared) {}
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
