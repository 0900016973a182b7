import ArgumentParser
import Foundation
import KriyaCore
import KriyaStore
import KriyaText
import KriyaViews

struct FindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find",
        abstract: "Find artisans by name, business, brand, product, kelurahan or phone digits; and board members and partners.",
        discussion: """
            Every word must match; case and accents are ignored. Best matches (name starting with the first word) come first. \
            Archived records (merged into another, or archived by hand) are left out, as the console leaves them out; \
            --all lists them too, marked. \
            Board members and partners whose name, position, field, kind or contact matches are listed after the artisans, \
            marked by kind (with --json, only when --council is given: an object {artisans, council}).
            """
    )

    @Argument(help: "Words to search for (none: everyone).") var words: [String] = []
    @Option(help: "Only this kecamatan (name or code).") var kecamatan: String?
    @Option(help: "Only this craft category (key or label, Indonesian or English).") var category: String?
    @Option(help: "Only artisans holding this certification (NIB, PIRT, halal, SNI, merek, BNSP).") var certification: String?
    @Option(help: "At most this many results.") var limit = 20
    @Flag(help: "Archived and merged records too, marked (left out by default).") var all = false
    @Flag(help: "Print JSON for scripts.") var json = false
    @Flag(help: "With --json: an object {artisans, council} (board members and partners too) instead of the list of artisans.") var council = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        var filter = ArtisanFilter()
        if let kecamatan {
            guard let k = Wilayah.resolveKecamatan(kecamatan) else {
                Output.error(CLIText.text(.cUnknownKecamatanFilter, lang, kecamatan))
                throw ExitCode(EX_DATAERR)
            }
            filter.kecamatan = k.code
        }
        if let category {
            // What the forms and the importer take: keys, labels, and the words staff use ("gerabah").
            guard let c = CraftCategory.resolveLoosely(category) else {
                Output.error(CLIText.text(.cUnknownCategoryFilter, lang, category, CraftCategory.allCases.map { $0.label(lang) }.joined(separator: ", ")))
                throw ExitCode(EX_DATAERR)
            }
            filter.category = c
        }
        if let certification {
            guard let kind = CertificationKind.resolve(certification) else {
                Output.error(L10n.problem(.invalidChoice(certification, allowed: CertificationKind.allCases.map(\.rawValue)), lang))
                throw ExitCode(EX_DATAERR)
            }
            filter.certification = kind
        }
        // Opened for a lookup: with the index a compaction writes, only the lines shown are read.
        let store = try global.openRecords(create: false, lookup: .search)
        // Archived (merged) records are not anyone to call: left out unless asked for. With a
        // filter each hit is read anyway; without one, a few more than the page are asked for
        // and the archived dropped, so a lookup at a million still reads only about a page
        // (the count then includes archived hits beyond those read: they are rare).
        let all = self.all
        let keep: ((Artisan) -> Bool)? = filter.isEmpty ? nil : { (all || !$0.archived) && filter.matches($0) }
        let extra = filter.isEmpty && !all ? 50 : 0
        var found = try store.findArtisans(words.joined(separator: " "), limit: limit + extra, where: keep)
        if extra > 0 {
            let dropped = found.shown.filter(\.archived).count
            let whole = found.count <= found.shown.count
            found.shown = Array(found.shown.filter { !$0.archived }.prefix(limit))
            found.count -= whole ? dropped : 0
        }
        if !store.issues.isEmpty { Output.error(L10n.text(.cLoadWarnings, lang, store.issues.count)) }
        let shown = found.shown

        // The council's records are few: matched on their words whenever words are given and
        // no artisan-only filter is.
        let others = words.isEmpty || !filter.isEmpty ? [] : CouncilMatch.find(words.joined(separator: " "), in: store.data, lang: lang)
        if json {
            if council {
                Output.line(try JSONOutput.encode(FindJSON(artisans: shown.map { ArtisanJSON($0) }, council: others)))
            } else {
                Output.line(try JSONOutput.encode(shown.map { ArtisanJSON($0) }))
            }
            return
        }
        guard !shown.isEmpty || !others.isEmpty else {
            Output.line(CLIText.text(.cNoMatches, lang))
            return
        }
        defer { CouncilMatch.print(others, lang: lang, apart: !shown.isEmpty) }
        guard !shown.isEmpty else { return }
        // Minimum widths add up to 80 columns: at 80, names and businesses keep the most room
        // and phone numbers are never cut.
        var table = Table([.id(L10n.text(.fID, lang)), .init(L10n.text(.fName, lang), minWidth: 14),
                           .init(L10n.text(.fBusiness, lang), minWidth: 16), .init(L10n.text(.fCategory, lang), minWidth: 8),
                           .init("\(L10n.text(.fKelurahan, lang)) / \(L10n.text(.fKecamatan, lang))", minWidth: 10),
                           .init(L10n.text(.fPhone, lang), minWidth: 14)])
        for a in shown {
            // An archived record says so, and where a merge sent it.
            let name = !a.archived ? a.name : a.name + " (" + (a.mergedInto.map { CLIText.text(.cMergedMark, lang, $0) } ?? CLIText.text(.cArchivedMark, lang)) + ")"
            table.add([a.id.description, name, a.business, a.category.label(lang), Places.kelurahanAndKecamatan(a.kelurahan), a.phoneShown])
        }
        Output.lines(table.render(width: Output.width()))
        Output.line(CLIText.text(.cShownOfTotal, lang, shown.count, found.count, store.artisanCount))
    }
}

/// A board member or partner that `find` matched.
struct CouncilMatch: Encodable {
    let id: EntityID
    let kind: String
    let name: String
    let detail: String

    /// Partners first, then seats of the current board, then earlier ones.
    static func find(_ query: String, in data: Dataset, lang: Lang) -> [CouncilMatch] {
        let words = query.split(separator: " ").map { Fold.string(String($0)) }
        func hit(_ fields: [String]) -> Bool {
            let text = fields.map(Fold.string).joined(separator: "\u{1}")
            return words.allSatisfy { text.contains($0) }
        }
        let current = data.currentTerm(on: SystemInfo.now().today)?.id
        let seats = data.members.items.filter { hit([$0.name, $0.position, $0.field ?? ""]) }
            .sorted { ($0.term == current ? 0 : 1, $0.id) < ($1.term == current ? 0 : 1, $1.id) }
            .map { m in
                CouncilMatch(id: m.id, kind: CLIText.text(.cKindMember, lang), name: m.name,
                             detail: [m.position, m.field, data.terms[m.term]?.name].compactMap { $0 }.joined(separator: " · "))
            }
        let partners = data.partners.items.filter { hit([$0.name, L10n.value($0.kind, lang), $0.contact ?? ""] + $0.people) }.map { p in
            CouncilMatch(id: p.id, kind: CLIText.text(.cKindPartner, lang), name: p.name,
                         detail: [L10n.value(p.kind, lang), p.contact].compactMap { $0 }.joined(separator: " · "))
        }
        return partners + seats
    }

    /// `apart`: under the artisans' table, with a blank line between.
    static func print(_ matches: [CouncilMatch], lang: Lang, apart: Bool) {
        guard !matches.isEmpty else { return }
        var table = Table([.id(L10n.text(.fID, lang)), .init(L10n.text(.fKind, lang), minWidth: 7),
                           .init(L10n.text(.fName, lang), minWidth: 14), .init("", minWidth: 10)])
        for m in matches { table.add([m.id.description, m.kind, m.name, m.detail]) }
        if apart { Output.line("") }
        Output.lines(table.render(width: Output.width()))
    }
}

struct FindJSON: Encodable {
    let artisans: [ArtisanJSON]
    let council: [CouncilMatch]
}
