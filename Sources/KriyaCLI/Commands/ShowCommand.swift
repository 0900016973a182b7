import ArgumentParser
import KriyaCore
import KriyaStore
import KriyaViews

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one record: an artisan (A-…), a Bimtek session (B-…) or an exhibition (P-…)."
    )

    @Argument(help: "The id, e.g. A-000123, B-000004, P-000002.") var id: String
    @Flag(help: "Print JSON for scripts.") var json = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        let entity = try global.id(id)
        let store = try global.openStore(create: false)
        let data = store.data
        let today = SystemInfo.now().today
        let details = DetailView(data: data, lang: lang, today: today, width: Output.width())
        switch entity.kind {
        case .artisan:
            guard let a = data.artisans[entity] else { return try notFound(entity, lang) }
            if json { return Output.line(try JSONOutput.encode(ArtisanDetailJSON(a, data))) }
            Output.lines(details.artisan(a))
        case .session:
            guard let s = data.sessions[entity] else { return try notFound(entity, lang) }
            if json { return Output.line(try JSONOutput.encode(s)) }
            Output.lines(details.session(s))
        case .exhibition:
            guard let e = data.exhibitions[entity] else { return try notFound(entity, lang) }
            if json { return Output.line(try JSONOutput.encode(e)) }
            Output.lines(details.exhibition(e))
        }
    }

    private func notFound(_ id: EntityID, _ lang: Lang) throws {
        Output.error(L10n.text(.cUnknownID, lang, id))
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
            return History(id: e.id, title: e.name, start: e.start, end: e.end, status: e.status.rawValue,
                           attendance: nil, certificate: nil, curation: p?.curation, booth: p?.booth, sales: p?.sales)
        }
    }
}
