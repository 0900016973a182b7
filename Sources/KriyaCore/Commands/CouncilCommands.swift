import KriyaText

/// Planning the council's own records: board terms, board members and partners. Same rules
/// as the other records: new ids under the lock, a stale `baseRev` is a conflict, every field
/// checked, references to other records checked against the data.
extension Dataset {
    func plan(council command: Command, into change: inout Change, audit: Bool, office: Int) throws(CommandError) {
        switch command {
        case .addTerm(let t):
            change.terms = [try versioned(t, baseRev: nil, in: terms, kind: .term, audit: audit, office: office, into: &change) { (t: inout Term) throws(CommandError) in try check(t) }]
        case .updateTerm(let t, let baseRev):
            change.terms = [try versioned(t, baseRev: baseRev, in: terms, kind: .term, audit: audit, office: office, into: &change) { (t: inout Term) throws(CommandError) in try check(t) }]
        case .addMember(let m):
            change.members = [try versioned(m, baseRev: nil, in: members, kind: .member, audit: audit, office: office, into: &change, prepare: prepare)]
        case .updateMember(let m, let baseRev):
            change.members = [try versioned(m, baseRev: baseRev, in: members, kind: .member, audit: audit, office: office, into: &change, prepare: prepare)]
        case .addPartner(let p):
            change.partners = [try versioned(p, baseRev: nil, in: partners, kind: .partner, audit: audit, office: office, into: &change, prepare: prepare)]
        case .updatePartner(let p, let baseRev):
            change.partners = [try versioned(p, baseRev: baseRev, in: partners, kind: .partner, audit: audit, office: office, into: &change, prepare: prepare)]
        default:
            preconditionFailure("not a council command: \(command.name)")
        }
        // A seat is also about its term and the artisan it is.
        if let m = change.members.first { change.targets += [m.term] + (m.artisan.map { [$0] } ?? []) }
    }

    /// A new record (`baseRev` nil: the next id, rev 1) or a change to one (a stale `baseRev` is
    /// a conflict), checked, with its audit diff and target.
    private func versioned<R: Record>(_ record: R, baseRev: Int?, in table: RecordTable<R>, kind: EntityID.Kind, audit: Bool, office: Int,
                                      into change: inout Change,
                                      prepare: (inout R) throws(CommandError) -> Void) throws(CommandError) -> R {
        var r = record
        let old: R?
        if let baseRev {
            guard let stored = table[r.id] else { throw .notFound(r.id) }
            guard stored.rev == baseRev else { throw .conflict(r.id, base: baseRev, current: stored.rev) }
            (r.rev, old) = (stored.rev + 1, stored)
        } else {
            (r.id, r.rev, old) = (EntityID(kind, table.maxNumber + 1, office: office), 1, nil)
        }
        try prepare(&r)
        change.targets = [r.id]
        if audit { change.fields = FieldDiff.between(old, r) }
        return r
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
        // Universities and offices answer on landlines (0341-551312): taken, and kept as typed
        // (an area code's grouping is the office's to say); a mobile is shown the usual way.
        switch Phone.normalise(text, allowingLandline: true) {
        case .success(let normalised):
            let asTyped = typed ?? text
            phone = normalised
            typed = normalised.hasPrefix("+628") || asTyped == normalised ? nil : asTyped
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
