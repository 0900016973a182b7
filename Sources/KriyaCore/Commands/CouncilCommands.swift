import KriyaText

/// Planning the council's own records: board terms, board members and partners. Same rules
/// as the other records: new ids under the lock, a stale `baseRev` is a conflict, every field
/// checked, references to other records checked against the data.
extension Dataset {
    func plan(council command: Command, into change: inout Change, audit: Bool) throws(CommandError) {
        let diff: (Any?, Any) -> [FieldChange] = { old, new in audit ? FieldDiff.between(old, new) : [] }
        switch command {
        case .addTerm(var t):
            t.id = EntityID(.term, terms.maxNumber + 1)
            t.rev = 1
            try check(t)
            change.terms = [t]
            change.targets = [t.id]
            change.fields = diff(nil, t)
        case .updateTerm(var t, let baseRev):
            let current = try current(t.id, terms[t.id]?.rev, baseRev)
            t.rev = current + 1
            try check(t)
            change.terms = [t]
            change.targets = [t.id]
            change.fields = diff(terms[t.id], t)
        case .addMember(var m):
            m.id = EntityID(.member, members.maxNumber + 1)
            m.rev = 1
            try prepare(&m)
            change.members = [m]
            change.targets = [m.id, m.term] + (m.artisan.map { [$0] } ?? [])
            change.fields = diff(nil, m)
        case .updateMember(var m, let baseRev):
            let current = try current(m.id, members[m.id]?.rev, baseRev)
            m.rev = current + 1
            try prepare(&m)
            change.members = [m]
            change.targets = [m.id, m.term] + (m.artisan.map { [$0] } ?? [])
            change.fields = diff(members[m.id], m)
        case .addPartner(var p):
            p.id = EntityID(.partner, partners.maxNumber + 1)
            p.rev = 1
            try prepare(&p)
            change.partners = [p]
            change.targets = [p.id]
            change.fields = diff(nil, p)
        case .updatePartner(var p, let baseRev):
            let current = try current(p.id, partners[p.id]?.rev, baseRev)
            p.rev = current + 1
            try prepare(&p)
            change.partners = [p]
            change.targets = [p.id]
            change.fields = diff(partners[p.id], p)
        default:
            preconditionFailure("not a council command: \(command.name)")
        }
    }

    private func current(_ id: EntityID, _ rev: Int?, _ baseRev: Int) throws(CommandError) -> Int {
        guard let rev else { throw .notFound(id) }
        guard rev == baseRev else { throw .conflict(id, base: baseRev, current: rev) }
        return rev
    }

    private func check(_ t: Term) throws(CommandError) {
        var c = Checker()
        c.required("name", t.name, max: 60)
        c.range("start", t.start, "end", t.end)
        if let day = t.inaugurated, day > t.end { c.fail("inaugurated", .dayOutsideRange(day)) }
        c.optional("decree", t.decree, max: 160)
        c.optional("notes", t.notes, max: 4000)
        if terms.items.contains(where: { $0.id != t.id && Self.termKey($0.name) == Self.termKey(t.name) }) {
            c.fail("name", .duplicate(t.name))
        }
        if !c.errors.isEmpty { throw .invalid(c.errors) }
    }

    private func prepare(_ m: inout BoardMember) throws(CommandError) {
        m.name = m.name.trimmingSpaces
        m.position = m.position.trimmingSpaces
        m.field = m.field?.trimmingSpaces.nonEmpty
        var c = Checker()
        c.required("name", m.name, max: 120)
        c.required("position", m.position, max: 60)
        c.optional("field", m.field, max: 80)
        c.optional("notes", m.notes, max: 4000)
        Self.preparePhone(&m.phone, typed: &m.phoneTyped, &c)
        if let term = terms[m.term] {
            for (field, day) in [("from", m.from), ("until", m.until)] {
                if let day, !term.holds(day) { c.fail(field, .dayOutsideRange(day)) }
            }
            c.range("from", m.from, "until", m.until)
        } else {
            c.fail("term", .unknownReference(m.term))
        }
        if let a = m.artisan, a.kind != .artisan || artisans[a] == nil { c.fail("artisan", .unknownReference(a)) }
        if !c.errors.isEmpty { throw .invalid(c.errors) }
    }

    private func prepare(_ p: inout Partner) throws(CommandError) {
        p.name = p.name.trimmingSpaces
        p.contact = p.contact?.trimmingSpaces.nonEmpty
        p.people = p.people.map(\.trimmingSpaces).filter { !$0.isEmpty }
        var c = Checker()
        c.required("name", p.name, max: 160)
        c.optional("contact", p.contact, max: 120)
        for (i, person) in p.people.enumerated() { c.optional("people[\(i + 1)]", person, max: 120) }
        c.optional("notes", p.notes, max: 4000)
        Self.preparePhone(&p.phone, typed: &p.phoneTyped, &c)
        // One record per partner: "Universitas Brawijaya" twice splits its sessions in two.
        if let same = partners.items.first(where: { $0.id != p.id && $0.name.compactFolded == p.name.compactFolded }) {
            c.fail("name", .duplicate("\(same.name) (\(same.id))"))
        }
        if !c.errors.isEmpty { throw .invalid(c.errors) }
    }

    /// An optional phone, normalised as an artisan's is (kept as typed beside it).
    private static func preparePhone(_ phone: inout String?, typed: inout String?, _ c: inout Checker) {
        guard let text = phone?.trimmingSpaces, !text.isEmpty else { phone = nil; typed = nil; return }
        switch Phone.normalise(text) {
        case .success(let normalised):
            let asTyped = typed ?? text
            phone = normalised
            typed = asTyped == normalised ? nil : asTyped
        case .failure(let problem): c.fail("phone", .phone(problem))
        }
    }

    /// The references a session or exhibition makes to the council's records.
    func councilReferenceErrors(partners ids: [EntityID], trainers: [EntityID] = []) -> [FieldError] {
        var errors: [FieldError] = []
        for (i, id) in ids.enumerated() where id.kind != .partner || partners[id] == nil {
            errors.append(FieldError("partners[\(i + 1)]", .unknownReference(id)))
        }
        for (i, id) in trainers.enumerated() {
            let known = id.kind == .member ? members[id] != nil : id.kind == .artisan ? artisans[id] != nil : false
            if !known { errors.append(FieldError("trainerRefs[\(i + 1)]", .unknownReference(id))) }
        }
        if Set(ids).count != ids.count { errors.append(FieldError("partners", .duplicate(""))) }
        if Set(trainers).count != trainers.count { errors.append(FieldError("trainerRefs", .duplicate(""))) }
        return errors
    }
}

extension String {
    /// nil for an empty string (a blank optional field).
    var nonEmpty: String? { isEmpty ? nil : self }
    /// For telling two names of one thing apart from two things: case, accents, spaces and
    /// dots do not count ("Univ. Brawijaya" is not caught, "universitas  brawijaya" is).
    var compactFolded: String { Fold.compact(self) }
}
