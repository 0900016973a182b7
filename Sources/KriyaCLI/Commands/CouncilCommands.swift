import ArgumentParser
import KriyaCore
import KriyaStore
import KriyaText
import KriyaViews

/// `kriya board`: the board of a term (the current one unless `--term`), in board order.
struct BoardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board",
        abstract: "The council's board (pengurus) of a term, and who signs documents.",
        discussion: "Without --term: the term whose dates hold today (else the latest)."
    )

    @Option(help: "A term by name (2018-2023) or id (T-000001).") var term: String?
    @Flag(help: "Print JSON for scripts.") var json = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        let store = try global.openRecords(create: false)
        let data = store.data
        let today = SystemInfo.now().today
        let chosen = try CouncilOptions.term(term, in: data, today: today, lang: lang)
        let board = data.board(of: chosen.id)
        if json { return Output.line(try JSONOutput.encode(BoardJSON(term: chosen, in: data, today: today))) }
        let details = DetailView(data: data, lang: lang, today: today, width: Output.width())
        let current = data.currentTerm(on: today)?.id == chosen.id
        var heading = CLIText.text(.cBoardHeader, lang, chosen.name, chosen.start.short(lang), chosen.end.short(lang))
        if let day = chosen.inaugurated { heading += ", " + CLIText.text(.cBoardInaugurated, lang, day.short(lang)) }
        if current { heading += " · " + L10n.text(.cBoardCurrent, lang) }
        Output.line(TerminalSafe.text(heading))
        Output.lines(details.boardTable(chosen))
        let left = board.filter { !$0.serves(on: min(max(today, chosen.start), chosen.end), in: chosen) }.count
        Output.line(CLIText.text(.cBoardCounts, lang, board.count - left, left))
        if current, let chair = data.chair(on: today) {
            Output.line(TerminalSafe.text(CLIText.text(.cSignatory, lang, chair.name, chair.position)))
        }
    }
}

/// `kriya partners`: every partner with what was run with it.
struct PartnersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partners",
        abstract: "The council's partners (universities, city departments, companies, associations)."
    )

    @Flag(help: "Print JSON for scripts.") var json = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        let store = try global.openRecords(create: false)
        let data = store.data
        let partners = data.partners.items.sorted { $0.name.lowercased() < $1.name.lowercased() }
        if json {
            return Output.line(try JSONOutput.encode(partners.map { p in
                PartnerJSON(partner: p, sessions: data.sessions(withPartner: p.id).map(\.id), exhibitions: data.exhibitions(withPartner: p.id).map(\.id))
            }))
        }
        guard !partners.isEmpty else { return Output.line(CLIText.text(.cNoPartners, lang)) }
        var table = Table([.id(L10n.text(.fID, lang)), .init(L10n.text(.fName, lang), minWidth: 16),
                           .init(L10n.text(.fKind, lang), minWidth: 8), .init(L10n.text(.fContact, lang), minWidth: 10),
                           .init(L10n.text(.fPhone, lang), minWidth: 8), .init(L10n.text(.rSessions, lang), alignRight: true, minWidth: 3)])
        for p in partners {
            table.add([p.id.description, p.name, L10n.value(p.kind, lang), p.contact ?? "", p.phoneShown ?? "",
                       String(data.sessions(withPartner: p.id).count)])
        }
        Output.lines(table.render(width: Output.width()))
    }
}

struct BoardJSON: Encodable {
    struct Seat: Encodable {
        let member: BoardMember
        let serving: Bool
        let taught: Int
    }
    let term: Term
    let members: [Seat]

    /// The board of `term` as `kriya board --json` and `kriya show T-… --json` give it.
    init(term: Term, in data: Dataset, today: CivilDate) {
        self.term = term
        members = data.board(of: term.id).map { m in
            Seat(member: m, serving: m.serves(on: today, in: term), taught: data.sessionsTaught(by: m.id).count)
        }
    }
}

struct PartnerJSON: Encodable {
    let partner: Partner
    let sessions: [EntityID]
    let exhibitions: [EntityID]
}

/// Reading the council's options: a term by name or id, a partner kind, dates.
enum CouncilOptions {
    static func term(_ text: String?, in data: Dataset, today: CivilDate, lang: Lang) throws -> Term {
        if let text {
            guard let t = data.term(named: text) else {
                Output.error(TerminalSafe.text(CLIText.text(.cUnknownTerm, lang, text, data.terms.items.map(\.name).joined(separator: ", "))))
                throw ExitCode(EX_NOINPUT)
            }
            return t
        }
        guard let t = data.currentTerm(on: today) ?? data.terms.items.max(by: { $0.start < $1.start }) else {
            Output.error(CLIText.text(.cBoardNoTerm, lang))
            throw ExitCode(EX_NOINPUT)
        }
        return t
    }

    static func partnerKind(_ text: String) -> PartnerKind? {
        let folded = Fold.compact(text)
        return PartnerKind.allCases.first { kind in
            [kind.rawValue, L10n.value(kind, .id), L10n.value(kind, .en)].contains { Fold.compact($0) == folded }
        } ?? (["univ", "kampus", "politeknik"].contains(folded) ? .universitas
              : ["dinas", "opd", "pd", "pemkot"].contains(folded) ? .perangkatDaerah : nil)
    }
}
