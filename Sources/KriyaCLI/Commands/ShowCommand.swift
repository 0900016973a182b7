import ArgumentParser
import KriyaCore
import KriyaStore
import KriyaViews

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one record: an artisan (A-…), a Bimtek session (B-…), an exhibition (P-…), a board term (T-…), a board member (M-…) or a partner (R-…)."
    )

    @Argument(help: "The id, e.g. A-000123, B-000004, P-000002, T-000002, M-000031, R-000001.") var id: String
    @Flag(help: "Print JSON for scripts.") var json = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        var entity = try global.id(id)
        let today = SystemInfo.now().today
        if entity.kind == .artisan {
            // An artisan's page needs their record, the one they were merged into, and the
            // sessions and exhibitions: with the index, no other artisan is read.
            let store = try global.openRecords(create: false, lookup: .records)
            // A card from a door away from the office: the person's record here.
            entity = store.data.officeID(ofWalkIn: entity) ?? entity
            let found = try store.artisans([entity])[entity]
            let data = try store.data(with: [entity] + (found?.mergedInto.map { [$0] } ?? []))
            if !store.issues.isEmpty { Output.error(L10n.text(.cLoadWarnings, lang, store.issues.count)) }
            guard let a = found else { return try notFound(entity, lang) }
            if json { return Output.line(try JSONOutput.encode(ArtisanDetailJSON(a, data))) }
            return Output.lines(DetailView(data: data, lang: lang, today: today, width: Output.width()).artisan(a))
        }
        let store = try global.openRecords(create: false)
        let data = store.data
        let details = DetailView(data: data, lang: lang, today: today, width: Output.width())
        switch entity.kind {
        case .artisan:
            return
        case .session:
            guard let s = data.sessions[entity] else { return try notFound(entity, lang) }
            if json { return Output.line(try JSONOutput.encode(SessionJSON(s, data))) }
            Output.lines(details.session(s))
        case .exhibition:
            guard let e = data.exhibitions[entity] else { return try notFound(entity, lang) }
            if json { return Output.line(try JSONOutput.encode(e)) }
            Output.lines(details.exhibition(e))
        case .term:
            guard let t = data.terms[entity] else { return try notFound(entity, lang) }
            if json { return Output.line(try JSONOutput.encode(BoardJSON(term: t, in: data, today: today))) }
            Output.lines(details.term(t))
        case .member:
            guard let m = data.members[entity] else { return try notFound(entity, lang) }
            if json { return Output.line(try JSONOutput.encode(MemberJSON(member: m, term: data.terms[m.term]?.name, taught: data.sessionsTaught(by: m.id).map(\.id)))) }
            Output.lines(details.member(m))
        case .partner:
            guard let p = data.partners[entity] else { return try notFound(entity, lang) }
            if json { return Output.line(try JSONOutput.encode(PartnerJSON(partner: p, sessions: data.sessions(withPartner: p.id).map(\.id),
                                                                           exhibitions: data.exhibitions(withPartner: p.id).map(\.id)))) }
            Output.lines(details.partner(p))
        }
    }

    private func notFound(_ id: EntityID, _ lang: Lang) throws {
        Output.error(CLIText.text(.cUnknownID, lang, id))
        throw ExitCode(EX_NOINPUT)
    }
}

/// An artisan with their history, for `show --json`.
struct ArtisanDetailJSON: Encodable {
    let artisan: ArtisanJSON
    let sessions: [History]
    let exhibitions: [History]

    struct History: Encodable {
        let id: EntityID
        let title: String
        let start: CivilDate
        let end: CivilDate
        let status: String
        let attendance: [Attendance]?
        let certificate: String?
        let curation: Curation?
        let booth: String?
        let sales: Int64?
    }

    init(_ a: Artisan, _ data: Dataset) {
        artisan = ArtisanJSON(a)
        sessions = data.sessions(of: a.id).map { s in
            let p = s.participant(a.id)
            return History(id: s.id, title: s.title, start: s.start, end: s.end, status: s.status(on: SystemInfo.now().today).rawValue,
                           attendance: p?.attendance, certificate: p?.certificate, curation: nil, booth: nil, sales: nil)
        }
        exhibitions = data.exhibitions(of: a.id).map { e in
            let p = e.participant(a.id)
            return History(id: e.id, title: e.name, start: e.start, end: e.end, status: e.status(on: SystemInfo.now().today).rawValue,
                           attendance: nil, certificate: nil, curation: p?.curation, booth: p?.booth, sales: p?.sales)
        }
    }
}

/// A session for `show --json`: its stored fields, plus its partners and trainers by name (the
/// stored `partners` and `trainerRefs` are ids).
struct SessionJSON: Encodable {
    let session: BimtekSession
    let partnersNamed: [Named]
    let trainersNamed: [Named]

    struct Named: Encodable {
        let id: EntityID?
        let name: String
    }

    init(_ s: BimtekSession, _ data: Dataset) {
        session = s
        partnersNamed = s.partners.map { Named(id: $0, name: data.partners[$0]?.name ?? "?") } + (s.partner.map { [Named(id: nil, name: $0)] } ?? [])
        trainersNamed = s.trainerRefs.map { Named(id: $0, name: data.title(of: $0) ?? "?") } + s.trainers.map { Named(id: nil, name: $0) }
    }

    private enum Extra: String, CodingKey { case partnersNamed, trainersNamed }

    /// The session's own members and the two lists side by side, in one object.
    func encode(to encoder: Encoder) throws {
        try session.encode(to: encoder)
        var c = encoder.container(keyedBy: Extra.self)
        try c.encode(partnersNamed, forKey: .partnersNamed)
        try c.encode(trainersNamed, forKey: .trainersNamed)
    }
}

struct MemberJSON: Encodable {
    let member: BoardMember
    let term: String?
    let taught: [EntityID]
}
