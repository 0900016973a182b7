import ArgumentParser
import KriyaCore
import KriyaStore
import KriyaText

/// `kriya add term|member|partner`: the council's own records from the command line. Bad
/// input names each option and what it expects; nothing is written then (exit status 65).
struct AddTermCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "term",
        abstract: "Add a board term (periode); prints the new id.",
        discussion: "Example: kriya add term --name 2023-2028 --start 2023-07-01 --end 2028-06-30 --inaugurated 2023-07-20"
    )
    @Option(help: "As the office writes it: 2023-2028.") var name: String
    @Option(help: "First day of the term.") var start: String
    @Option(help: "Last day of the term.") var end: String
    @Option(help: "The day the board was sworn in.") var inaugurated: String?
    @Option(help: "The decree (SK) number.") var decree: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        var problems: [FieldError] = []
        let s = AddInput.date(start, "start", &problems), e = AddInput.date(end, "end", &problems)
        let sworn = inaugurated.flatMap { AddInput.date($0, "inaugurated", &problems) }
        guard problems.isEmpty, let s, let e else { return try AddInput.refuse(problems, global.language) }
        var t = Term(id: EntityID(.term, 1), name: name, start: s, end: e)
        t.inaugurated = sworn
        t.decree = decree
        try AddInput.save(.addTerm(t), global)
    }
}

struct AddMemberCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "member",
        abstract: "Add a board member (pengurus) to a term; prints the new id.",
        discussion: """
            Example: kriya add member --name "Hj. Siti Aminah" --position "Ketua Bidang" --field Pelatihan --term 2023-2028
            Positions: \(BoardPosition.known.joined(separator: ", ")), or another the office uses.
            """
    )
    @Option(help: "Name as it is written in the decree.") var name: String
    @Option(help: "Ketua, Wakil Ketua, Sekretaris, Bendahara, Ketua Bidang, Anggota, …") var position: String
    @Option(help: "The field (bidang): Pelatihan, Pemasaran, …") var field: String?
    @Option(help: "The term by name (2023-2028) or id; default: the current one.") var term: String?
    @Option(help: "Indonesian mobile number.") var phone: String?
    @Option(help: "Their own artisan record (A-…), when they are a pelaku IKM too.") var artisan: String?
    @Option(help: "Joined the board later than the term's start.") var from: String?
    @Option(help: "Left the board before the term's end.") var until: String?
    @Option var notes: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        let store = try global.openRecords(create: false)
        let chosen = try CouncilOptions.term(term, in: store.data, today: SystemInfo.now().today, lang: lang)
        var problems: [FieldError] = []
        var m = BoardMember(id: EntityID(.member, 1), term: chosen.id, name: name, position: position)
        m.field = field
        m.phone = phone
        m.notes = notes
        m.from = from.flatMap { AddInput.date($0, "from", &problems) }
        m.until = until.flatMap { AddInput.date($0, "until", &problems) }
        if let artisan {
            if let id = EntityID(artisan) { m.artisan = id } else { problems.append(FieldError("artisan", .invalidChoice(artisan, allowed: ["A-000123"]))) }
        }
        guard problems.isEmpty else { return try AddInput.refuse(problems, lang) }
        try AddInput.save(.addMember(m), global, store: store)
    }
}

struct AddPartnerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partner",
        abstract: "Add a partner (mitra): a university, city department, company or association; prints the new id.",
        discussion: "Example: kriya add partner --name \"Universitas Brawijaya\" --kind universitas --contact \"Dr. Rina\" --person \"Dr. Ir. Sumarno\""
    )
    @Option(help: "The partner's name.") var name: String
    @Option(help: "universitas, perangkat_daerah, perusahaan, asosiasi or lainnya.") var kind: String
    @Option(help: "Contact person.") var contact: String?
    @Option(help: "Contact's mobile number.") var phone: String?
    @Option(name: .customLong("person"), help: "Someone of theirs who teaches (offered as a trainer). Repeatable.") var people: [String] = []
    @Option var notes: String?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        guard let k = CouncilOptions.partnerKind(kind) else {
            return try AddInput.refuse([FieldError("kind", .invalidChoice(kind, allowed: PartnerKind.allCases.map(\.rawValue)))], global.language)
        }
        var p = Partner(id: EntityID(.partner, 1), name: name, kind: k)
        p.contact = contact
        p.phone = phone
        p.people = people
        p.notes = notes
        try AddInput.save(.addPartner(p), global)
    }
}

/// What the `add` commands share: reading a date option, saving, and refusing bad input.
enum AddInput {
    static func date(_ text: String, _ field: String, _ problems: inout [FieldError]) -> CivilDate? {
        guard let d = DateInput.parse(text) else { problems.append(FieldError(field, .invalidDate(text))); return nil }
        return d
    }

    static func save(_ command: Command, _ global: GlobalOptions, store: (any RecordStore)? = nil) throws {
        let store = try store ?? global.openRecords(create: true)
        switch Result(catching: { () throws(StoreError) in try store.apply(command) }) {
        case .success(let change): Output.line(change.targets.first?.description ?? "")
        case .failure(.command(let box)):
            guard case .invalid(let errors) = box.error else {
                Output.error(TerminalSafe.text(box.error.message(global.language)))
                throw ExitCode(EX_DATAERR)
            }
            try refuse(errors, global.language)
        case .failure(let other): throw other
        }
    }

    static func refuse(_ problems: [FieldError], _ lang: Lang) throws {
        Output.error(CLIText.text(.cInvalidInput, lang))
        for p in problems {
            let option = p.field == "people" || p.field.hasPrefix("people[") ? "person" : ArtisanInput.optionName(p.field)
            Output.error(TerminalSafe.text("  --\(option): \(L10n.problem(p.problem, lang))"))
        }
        throw ExitCode(EX_DATAERR)
    }
}
