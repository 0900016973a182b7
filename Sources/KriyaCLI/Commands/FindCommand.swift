import ArgumentParser
import Foundation
import KriyaCore
import KriyaStore
import KriyaViews

struct FindCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find",
        abstract: "Find artisans by name, business, brand, product, kelurahan or phone digits.",
        discussion: "Every word must match; case and accents are ignored. Best matches (name starting with the first word) come first."
    )

    @Argument(help: "Words to search for (none: everyone).") var words: [String] = []
    @Option(help: "Only this kecamatan (name or code).") var kecamatan: String?
    @Option(help: "Only this craft category (key or label, Indonesian or English).") var category: String?
    @Option(help: "Only artisans holding this certification (NIB, PIRT, halal, SNI, merek, BNSP).") var certification: String?
    @Option(help: "At most this many results.") var limit = 20
    @Flag(help: "Print JSON for scripts.") var json = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        var filter = ArtisanFilter()
        if let kecamatan {
            guard let k = Wilayah.resolveKecamatan(kecamatan) else {
                Output.error(L10n.text(.cUnknownKecamatanFilter, lang, kecamatan))
                throw ExitCode(EX_DATAERR)
            }
            filter.kecamatan = k.code
        }
        if let category {
            // What the forms and the importer take: keys, labels, and the words staff use ("gerabah").
            guard let c = CraftCategory.resolveLoosely(category) else {
                Output.error(L10n.text(.cUnknownCategoryFilter, lang, category, CraftCategory.allCases.map { $0.label(lang) }.joined(separator: ", ")))
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
        let store = try global.openStore(create: false)
        let items = store.data.artisans.items
        let index = SearchIndex(items)
        let matches = index.search(words.joined(separator: " ")).filter { filter.matches(items[$0]) }
        let shown = matches.prefix(max(0, limit)).map { items[$0] }

        if json {
            Output.line(try JSONOutput.encode(shown.map { ArtisanJSON($0) }))
            return
        }
        guard !shown.isEmpty else {
            Output.line(L10n.text(.cNoMatches, lang))
            return
        }
        // Minimum widths add up to 80 columns: at 80, names and businesses keep the most room
        // and phone numbers are never cut.
        var table = Table([.init(L10n.text(.fID, lang), minWidth: 8), .init(L10n.text(.fName, lang), minWidth: 14),
                           .init(L10n.text(.fBusiness, lang), minWidth: 16), .init(L10n.text(.fCategory, lang), minWidth: 8),
                           .init("\(L10n.text(.fKelurahan, lang)) / \(L10n.text(.fKecamatan, lang))", minWidth: 10),
                           .init(L10n.text(.fPhone, lang), minWidth: 14)])
        for a in shown {
            table.add([a.id.description, a.name, a.business, a.category.label(lang), Places.kelurahanAndKecamatan(a.kelurahan), a.phoneShown])
        }
        Output.lines(table.render(width: Output.width()))
        Output.line(L10n.text(.cShownOfTotal, lang, shown.count, matches.count, items.count))
    }
}
