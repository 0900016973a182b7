import KriyaCore
import KriyaText
import TextUI

/// The forms of the council's own records: a board term, a seat on its board, a partner.
/// Same rules as the other forms (checked as each field is left, all at once on saving).
enum TermForm {
    static func values(of t: Term) -> [String: String] {
        ["name": t.name, "start": t.start.numeric, "end": t.end.numeric, "inaugurated": t.inaugurated?.numeric ?? "",
         "decree": t.decree ?? "", "notes": t.notes ?? ""]
    }

    static func make(_ lang: Lang, editing term: Term? = nil) -> Form {
        let current = term.map(values) ?? [:]
        let title = term.map { UIText.text(.uiFormEdit, lang, $0.id) } ?? UIText.text(.uiFormNewTerm, lang)
        return Form(title: title, fields: [
            CouncilField.make("name", .fName, TextKind(), .uiHintTermName, 60, current, lang, required: true),
            CouncilField.make("start", .fStart, DateKind(lang: lang), .uiHintDate, 20, current, lang, required: true),
            CouncilField.make("end", .fEnd, DateKind(lang: lang), .uiHintDate, 20, current, lang, required: true),
            CouncilField.make("inaugurated", .fInaugurated, DateKind(lang: lang), .uiHintDate, 20, current, lang),
            CouncilField.make("decree", .fDecree, TextKind(), .uiHintDecree, 160, current, lang),
            CouncilField.make("notes", .fNotes, TextKind(), nil, 4000, current, lang),
        ])
    }

    static func read(_ form: Form, onto base: Term?, _ lang: Lang) -> (term: Term, problems: [FieldError]) {
        var r = FormReader(form, lang)
        let start = r.date("start"), end = r.date("end")
        for (key, value) in [("start", start), ("end", end)] where value == nil && r.text(key) == nil { r.add(FieldError(key, .required)) }
        let day = start ?? base?.start ?? CivilDate(year: 2000, month: 1, day: 1)!
        var t = base ?? Term(id: EntityID(.term, 1), name: "", start: day, end: day)
        t.name = r.text("name") ?? ""
        t.start = day
        t.end = end ?? t.start
        t.inaugurated = r.date("inaugurated")
        t.decree = r.text("decree")
        t.notes = r.text("notes")
        return (t, r.finished(CouncilField.basicProblems(["name": t.name])))
    }
}

enum MemberForm {
    static func values(of m: BoardMember, _ data: Dataset) -> [String: String] {
        ["term": data.terms[m.term]?.name ?? m.term.description, "name": m.name, "position": m.position, "field": m.field ?? "",
         "phone": m.phoneShown ?? "", "artisan": m.artisan?.description ?? "", "from": m.from?.numeric ?? "",
         "until": m.until?.numeric ?? "", "notes": m.notes ?? ""]
    }

    /// The positions offered: the usual ones, then any other the office has used.
    static func positions(_ data: Dataset) -> ChoiceKind {
        var seen = Set(BoardPosition.known.map(Fold.string))
        let used = data.members.items.map(\.position).filter { seen.insert(Fold.string($0)).inserted }
        return ChoiceKind(BoardPosition.known + used.sorted())
    }

    static func make(_ lang: Lang, data: Dataset, term: Term?, editing member: BoardMember? = nil) -> Form {
        let current = member.map { values(of: $0, data) } ?? ["term": term?.name ?? ""]
        let title = member.map { UIText.text(.uiFormEdit, lang, $0.id) } ?? UIText.text(.uiFormNewMember, lang)
        let terms = ChoiceKind(data.terms.items.sorted { $0.start > $1.start }.map(\.name))
        return Form(title: title, fields: [
            CouncilField.make("name", .fName, TextKind(), nil, 120, current, lang, required: true),
            CouncilField.make("position", .fPosition, positions(data), .uiHintPosition, 60, current, lang, required: true),
            CouncilField.make("field", .fBidang, TextKind(), .uiHintBidang, 80, current, lang),
            CouncilField.make("term", .fTerm, terms, nil, 60, current, lang, required: true),
            CouncilField.make("phone", .fPhone, PhoneKind(landline: true), nil, 20, current, lang),
            CouncilField.make("artisan", .fArtisanRecord, TextKind(), .uiHintArtisanID, 12, current, lang),
            CouncilField.make("from", .fFrom, DateKind(lang: lang), .uiHintFrom, 20, current, lang),
            CouncilField.make("until", .fUntil, DateKind(lang: lang), .uiHintUntil, 20, current, lang),
            CouncilField.make("notes", .fNotes, TextKind(), nil, 4000, current, lang),
        ])
    }

    static func read(_ form: Form, onto base: BoardMember?, _ lang: Lang, data: Dataset) -> (member: BoardMember, problems: [FieldError]) {
        var r = FormReader(form, lang)
        let termText = r.text("term")
        let term = termText.flatMap { data.term(named: $0) }
        if termText == nil { r.add(FieldError("term", .required)) }
        else if term == nil { r.add(FieldError("term", .invalidChoice(termText!, allowed: data.terms.items.map(\.name)))) }
        var m = base ?? BoardMember(id: EntityID(.member, 1), term: term?.id ?? EntityID(.term, 1), name: "", position: "")
        if let term { m.term = term.id }
        m.name = r.text("name") ?? ""
        m.position = r.text("position") ?? ""
        m.field = r.text("field")
        m.phone = r.text("phone")
        m.phoneTyped = nil
        m.artisan = nil
        if let text = r.text("artisan") {
            if let id = EntityID(text), id.kind == .artisan, data.artisans[id] != nil { m.artisan = id }
            else { r.add(FieldError("artisan", .unknownReference(EntityID(text) ?? EntityID(.artisan, 1)))) }
        }
        m.from = r.date("from")
        m.until = r.date("until")
        m.notes = r.text("notes")
        var problems = CouncilField.basicProblems(["name": m.name, "position": m.position])
        if let p = m.phone, case .failure(let problem) = Phone.normalise(p, allowingLandline: true) { problems.append(FieldError("phone", .phone(problem))) }
        if let term {
            for (key, day) in [("from", m.from), ("until", m.until)] { if let day, !term.holds(day) { problems.append(FieldError(key, .dayOutsideRange(day))) } }
            if let f = m.from, let u = m.until, u < f { problems.append(FieldError("until", .endBeforeStart)) }
        }
        return (m, r.finished(problems))
    }
}

enum PartnerForm {
    static func values(of p: Partner, _ lang: Lang) -> [String: String] {
        ["name": p.name, "kind": L10n.value(p.kind, lang), "contact": p.contact ?? "", "phone": p.phoneShown ?? "",
         "people": p.people.joined(separator: "; "), "notes": p.notes ?? ""]
    }

    static func make(_ lang: Lang, editing partner: Partner? = nil) -> Form {
        let current = partner.map { values(of: $0, lang) } ?? [:]
        let title = partner.map { UIText.text(.uiFormEdit, lang, $0.id) } ?? UIText.text(.uiFormNewPartner, lang)
        return Form(title: title, fields: [
            CouncilField.make("name", .fName, TextKind(), .uiHintPartner, 160, current, lang, required: true),
            CouncilField.make("kind", .fKind, Choices.of(PartnerKind.self, lang), nil, 30, current, lang, required: true),
            CouncilField.make("contact", .fContact, TextKind(), nil, 120, current, lang),
            CouncilField.make("phone", .fPhone, PhoneKind(landline: true), nil, 20, current, lang),
            CouncilField.make("people", .fPeople, TextKind(), .uiHintPeople, 600, current, lang),
            CouncilField.make("notes", .fNotes, TextKind(), nil, 4000, current, lang),
        ])
    }

    static func read(_ form: Form, onto base: Partner?, _ lang: Lang) -> (partner: Partner, problems: [FieldError]) {
        var r = FormReader(form, lang)
        let kind = r.choice("kind", PartnerKind.self)
        if kind == nil && r.text("kind") == nil { r.add(FieldError("kind", .required)) }
        var p = base ?? Partner(id: EntityID(.partner, 1), name: "", kind: .lainnya)
        p.name = r.text("name") ?? ""
        p.kind = kind ?? p.kind
        p.contact = r.text("contact")
        p.phone = r.text("phone")
        p.phoneTyped = nil
        p.people = ListCell.names(form.value("people"))
        p.notes = r.text("notes")
        var problems = CouncilField.basicProblems(["name": p.name])
        if let phone = p.phone, case .failure(let problem) = Phone.normalise(phone, allowingLandline: true) { problems.append(FieldError("phone", .phone(problem))) }
        return (p, r.finished(problems))
    }
}

/// What the three forms share: a field from its parts, and the required names.
enum CouncilField {
    static func make(_ key: String, _ label: TextKey, _ kind: any FieldKind, _ hint: UIKey?, _ max: Int,
                     _ current: [String: String], _ lang: Lang, required: Bool = false) -> FormField {
        FormField(key: key, label: L10n.text(label, lang), value: current[key] ?? "", required: required, kind: kind,
                  hint: hint.map { UIText.text($0, lang) } ?? "", maxLength: max)
    }

    static func basicProblems(_ required: [String: String]) -> [FieldError] {
        required.sorted { $0.key < $1.key }.compactMap { key, value in value.trimmingSpaces.isEmpty ? FieldError(key, .required) : nil }
    }
}
