import KriyaCore

/// The council's own records as JSON: board terms (`T-…`), board members (`M-…`) and partners
/// (`R-…`). Few lines, same rules as the others: optional members left out when empty,
/// members of a newer Kriya kept word for word.
enum TermCodec {
    static func write(_ t: Term, _ w: inout JSONWriter) {
        w.member("id", t.id.description)
        w.member("rev", t.rev as Int?)
        w.member("name", t.name)
        w.member("start", t.start.iso)
        w.member("end", t.end.iso)
        w.member("inaugurated", t.inaugurated?.iso)
        w.member("decree", t.decree)
        w.member("notes", t.notes)
        w.members(raw: t.unknownMembers)
    }

    static func read(_ r: inout JSONReader) throws(JSONReader.Failure) -> Term {
        let K = CouncilKeys.shared
        var id: EntityID?, rev = 0, name: String?, start: CivilDate?, end: CivilDate?
        var t = Term(id: EntityID(.term, 1), name: "", start: CivilDate(dayNumber: 0), end: CivilDate(dayNumber: 0))
        try r.object { r, key throws(JSONReader.Failure) in
            if r.null() { return }
            switch key {
            case K.id: id = try r.entityID()
            case K.rev: rev = try r.revision()
            case K.name: name = try r.string()
            case K.start: start = try r.date()
            case K.end: end = try r.date()
            case K.inaugurated: t.inaugurated = try r.date()
            case K.decree: t.decree = try r.string()
            case K.notes: t.notes = try r.string()
            default: try r.keepUnknown(key, in: &t.unknownMembers)
            }
        }
        guard let id, id.kind == .term else { throw r.fail("missing or wrong term id") }
        guard let name, let start, let end else { throw r.fail("\(id): missing one of name, start, end") }
        guard rev >= 1 else { throw r.fail("\(id): no revision (\"rev\":1 or more)") }
        (t.id, t.rev, t.name, t.start, t.end) = (id, rev, name, start, end)
        return t
    }
}

enum MemberCodec {
    static func write(_ m: BoardMember, _ w: inout JSONWriter) {
        w.member("id", m.id.description)
        w.member("rev", m.rev as Int?)
        w.member("term", m.term.description)
        w.member("name", m.name)
        w.member("position", m.position)
        w.member("field", m.field)
        w.member("phone", m.phone)
        w.member("phoneTyped", m.phoneTyped)
        w.member("artisan", m.artisan?.description)
        w.member("from", m.from?.iso)
        w.member("until", m.until?.iso)
        w.member("notes", m.notes)
        w.members(raw: m.unknownMembers)
    }

    static func read(_ r: inout JSONReader) throws(JSONReader.Failure) -> BoardMember {
        let K = CouncilKeys.shared
        var id: EntityID?, rev = 0, term: EntityID?, name: String?, position: String?
        var m = BoardMember(id: EntityID(.member, 1), term: EntityID(.term, 1), name: "", position: "")
        try r.object { r, key throws(JSONReader.Failure) in
            if r.null() { return }
            switch key {
            case K.id: id = try r.entityID()
            case K.rev: rev = try r.revision()
            case K.term: term = try r.entityID()
            case K.name: name = try r.string()
            case K.position: position = try r.string()
            case K.field: m.field = try r.string()
            case K.phone: m.phone = try r.string()
            case K.phoneTyped: m.phoneTyped = try r.string()
            case K.artisan: m.artisan = try r.entityID()
            case K.from: m.from = try r.date()
            case K.until: m.until = try r.date()
            case K.notes: m.notes = try r.string()
            default: try r.keepUnknown(key, in: &m.unknownMembers)
            }
        }
        guard let id, id.kind == .member else { throw r.fail("missing or wrong board member id") }
        guard let term, term.kind == .term, let name, let position else { throw r.fail("\(id): missing one of term, name, position") }
        guard rev >= 1 else { throw r.fail("\(id): no revision (\"rev\":1 or more)") }
        (m.id, m.rev, m.term, m.name, m.position) = (id, rev, term, name, position)
        return m
    }
}

enum PartnerCodec {
    static func write(_ p: Partner, _ w: inout JSONWriter) {
        w.member("id", p.id.description)
        w.member("rev", p.rev as Int?)
        w.member("name", p.name)
        w.member("kind", p.kind as PartnerKind?)
        w.member("contact", p.contact)
        w.member("phone", p.phone)
        w.member("phoneTyped", p.phoneTyped)
        w.member("people", strings: p.people)
        w.member("notes", p.notes)
        w.members(raw: p.unknownMembers)
    }

    static func read(_ r: inout JSONReader) throws(JSONReader.Failure) -> Partner {
        let K = CouncilKeys.shared
        var id: EntityID?, rev = 0, name: String?, kind: PartnerKind?
        var p = Partner(id: EntityID(.partner, 1), name: "", kind: .lainnya)
        try r.object { r, key throws(JSONReader.Failure) in
            if r.null() { return }
            switch key {
            case K.id: id = try r.entityID()
            case K.rev: rev = try r.revision()
            case K.name: name = try r.string()
            case K.kind: kind = try r.choice(K.partnerKindValues)
            case K.contact: p.contact = try r.string()
            case K.phone: p.phone = try r.string()
            case K.phoneTyped: p.phoneTyped = try r.string()
            case K.people: p.people = try r.strings()
            case K.notes: p.notes = try r.string()
            default: try r.keepUnknown(key, in: &p.unknownMembers)
            }
        }
        guard let id, id.kind == .partner else { throw r.fail("missing or wrong partner id") }
        guard let name, let kind else { throw r.fail("\(id): missing one of name, kind") }
        guard rev >= 1 else { throw r.fail("\(id): no revision (\"rev\":1 or more)") }
        (p.id, p.rev, p.name, p.kind) = (id, rev, name, kind)
        return p
    }
}

extension JSONReader {
    /// A list of ids, each checked to be of `kind`.
    mutating func entityIDs(of kind: EntityID.Kind, field: String) throws(Failure) -> [EntityID] {
        var ids: [EntityID] = []
        try array { r throws(Failure) in
            let id = try r.entityID()
            guard id.kind == kind || (kind == .member && id.kind == .artisan) else { throw r.fail("\(field): not a \(kind) id: \(id)") }
            ids.append(id)
        }
        return ids
    }
}

private final class CouncilKeys: Sendable {
    let artisan: JSONKey = "artisan"
    let contact: JSONKey = "contact"
    let decree: JSONKey = "decree"
    let end: JSONKey = "end"
    let field: JSONKey = "field"
    let from: JSONKey = "from"
    let id: JSONKey = "id"
    let inaugurated: JSONKey = "inaugurated"
    let kind: JSONKey = "kind"
    let name: JSONKey = "name"
    let notes: JSONKey = "notes"
    let people: JSONKey = "people"
    let phone: JSONKey = "phone"
    let phoneTyped: JSONKey = "phoneTyped"
    let position: JSONKey = "position"
    let rev: JSONKey = "rev"
    let start: JSONKey = "start"
    let term: JSONKey = "term"
    let until: JSONKey = "until"
    let partnerKindValues = ChoiceTable(PartnerKind.self)
    static let shared = CouncilKeys()
}
