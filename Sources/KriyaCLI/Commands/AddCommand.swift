import ArgumentParser
import KriyaCore
import KriyaStore
import KriyaText

struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a record: an artisan, a board term or member, a partner.",
        subcommands: [AddArtisanCommand.self, AddTermCommand.self, AddMemberCommand.self, AddPartnerCommand.self]
    )
}

struct AddArtisanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "artisan",
        abstract: "Register an artisan (pelaku IKM); prints the new id.",
        discussion: """
            Invalid input: every problem is named by field, nothing is written, exit status 65.
            Example: kriya add artisan --name "Siti Rahayu" --phone 0812-0000-1234 --kelurahan Dinoyo \
            --business "Keramik Sekar Dinoyo" --category keramik --product "Vas keramik=75.000"
            """
    )

    @Option(help: "Name as the person writes it (one name is fine).") var name: String?
    @Option(help: "Indonesian mobile number: 0812-…, +62 812 …") var phone: String?
    @Option(help: "Kelurahan: a name in any known spelling (Tasikmadu, Oro Oro Dowo) or a code (35.73.05.1004).") var kelurahan: String?
    @Option(help: "Business name.") var business: String?
    @Option(help: "Craft category: a key (keramik_gerabah) or a label in Indonesian or English.") var category: String?
    @Option(help: "L or P.") var gender: String?
    @Option var email: String?
    @Option var address: String?
    @Option var brand: String?
    @Option(help: "NIB, 13 digits.") var nib: String?
    @Option(help: "KBLI code, 5 digits.") var kbli: String?
    @Option(help: "mikro, kecil or menengah.") var scale: String?
    @Option(help: "Number of workers.") var workers: String?
    @Option(name: .customLong("product"), help: "A product, as NAME or NAME=PRICE (7.350.000, 7,35 jt). Repeatable.") var products: [String] = []
    @Option(name: .customLong("certification"), help: "KIND[:NUMBER[:VALID-UNTIL]], KIND one of NIB PIRT halal SNI merek BNSP. Repeatable.") var certifications: [String] = []
    @Option(help: "Member (binaan) since, a date.") var memberSince: String?
    @Option var notes: String?
    @Option(help: "NIK, 16 digits (sensitive: masked on screen and in exports).") var nik: String?
    @Option(name: .customLong("set"), help: ArgumentHelp("Any field as FIELD=VALUE, FIELD as in `import --map` (instagram=@batik.sekar, marketplace=tokopedia.com/sekar). Repeatable.", valueName: "field=value"))
    var sets: [String] = []
    @Flag(help: "Register even when the phone, NIB or NIK already belongs to someone (a shared household phone).") var allowDuplicate = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        let text: ArtisanText
        do { text = try ArtisanInput.text(self) } catch {
            Output.error(CLIText.text(.cInvalidInput, lang))
            Output.error("  --set: " + CLIText.text(.cSetNoField, lang, TerminalSafe.text(error.typed), ArtisanField.allCases.map(\.rawValue).joined(separator: " ")))
            throw ExitCode(EX_DATAERR)
        }
        let (artisan, unreadable) = text.build()
        var problems: [FieldError] = []
        if !unreadable.isEmpty {
            // Some values could not even be read: report them with the rest, write nothing.
            let unread = Set(unreadable.map(\.field))
            problems = unreadable + Validation.check(artisan).filter { !unread.contains($0.field) }
        } else {
            let store = try global.openRecords(create: true)
            switch Result(catching: { () throws(StoreError) in try store.apply(.addArtisan(artisan, allowDuplicate: allowDuplicate)) }) {
            case .success(let change):
                Output.line(change.targets.first?.description ?? "")
                if let new = change.artisans.first {
                    let same = store.data.sameNameAndPlace(as: new)
                    if !same.isEmpty {
                        Output.error(TerminalSafe.text(CLIText.text(.cSameNameWarning, lang, new.name, Wilayah.kelurahan(code: new.kelurahan)?.name ?? "",
                                                                 same.map(\.id.description).joined(separator: ", "))))
                    }
                }
                return
            case .failure(.command(let box)) where { if case .duplicate = box.error { true } else { false } }():
                // Someone already has this phone, NIB or NIK: name them; nothing is written.
                Output.error(TerminalSafe.text(box.error.message(lang), keepNewlines: true))
                throw ExitCode(EX_DATAERR)
            case .failure(.command(let box)):
                guard case .invalid(let errors) = box.error else {
                    Output.error(box.error.message(lang))
                    throw ExitCode.failure
                }
                problems = errors
            case .failure(let other):
                throw other
            }
        }
        Output.error(CLIText.text(.cInvalidInput, lang))
        for p in problems { Output.error("  --\(ArtisanInput.optionName(p.field)): \(L10n.problem(p.problem, lang))") }
        throw ExitCode(EX_DATAERR)
    }
}

/// Turns the command line's options into the shared text form of an artisan.
struct ArtisanInput {
    /// A `--set` naming no field.
    struct UnknownField: Error { let typed: String }

    static func text(_ c: AddArtisanCommand) throws(UnknownField) -> ArtisanText {
        var t = ArtisanText()
        t[.name] = c.name; t[.phone] = c.phone; t[.kelurahan] = c.kelurahan; t[.business] = c.business
        t[.category] = c.category; t[.gender] = c.gender; t[.email] = c.email; t[.address] = c.address
        t[.brand] = c.brand; t[.nib] = c.nib; t[.kbli] = c.kbli; t[.scale] = c.scale; t[.workers] = c.workers
        t[.memberSince] = c.memberSince; t[.notes] = c.notes; t[.nik] = c.nik
        t.products = c.products
        t.certifications = c.certifications
        for item in c.sets {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2, let field = ArtisanField(rawValue: String(parts[0]).trimmingSpaces) else {
                throw UnknownField(typed: String(parts[0]))
            }
            switch field {
            case .products: t.products.append(String(parts[1]))
            case .certifications: t.certifications.append(String(parts[1]))
            default: t[field] = String(parts[1])
            }
        }
        return t
    }

    /// The fields with options of their own (`--brand`); the others are given with `--set`.
    private static let ownOptions: Set<String> = {
        guard let blank = try? AddArtisanCommand.parse([]) else { return [] }
        return Set(Mirror(reflecting: blank).children.compactMap { $0.label.map { String($0.drop { $0 == "_" }) } })
    }()

    /// `memberSince` → `member-since`, `products[2].price` → `product 2 (price)`,
    /// `instagram` → `set instagram`.
    static func optionName(_ field: String) -> String {
        if let f = ArtisanField.of(errorField: field), !ownOptions.contains(f.rawValue) { return "set " + field }
        if let open = field.firstIndex(of: "[") {
            let base = String(field[..<open])
            let rest = field[field.index(after: open)...]
            let number = rest.prefix { $0.isNumber }
            let sub = rest.split(separator: ".").dropFirst().first.map { " (\($0))" } ?? ""
            let single = base.hasSuffix("s") ? String(base.dropLast()) : base
            return "\(single) \(number)\(sub)"
        }
        var out = ""
        for ch in field {
            if ch.isUppercase { out += "-" + ch.lowercased() } else { out.append(ch) }
        }
        return out
    }
}
