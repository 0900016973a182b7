import ArgumentParser
import KriyaCore
import KriyaStore

struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add a record.",
        subcommands: [AddArtisanCommand.self]
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
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        var input = ArtisanInput()
        let artisan = input.build(self)
        var problems: [FieldError] = []
        if !input.errors.isEmpty {
            // Some values could not even be read: report them with the rest, write nothing.
            let unread = Set(input.errors.map(\.field))
            problems = input.errors + Validation.check(artisan).filter { !unread.contains($0.field) }
        } else {
            let store = try global.openStore(create: true)
            switch Result(catching: { () throws(StoreError) in try store.apply(.addArtisan(artisan)) }) {
            case .success(let change):
                Output.line(change.targets.first?.description ?? "")
                return
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
        Output.error(L10n.text(.cInvalidInput, lang))
        for p in problems { Output.error("  --\(ArtisanInput.optionName(p.field)): \(L10n.problem(p.problem, lang))") }
        throw ExitCode(EX_DATAERR)
    }
}

/// Turns the command line's text into an artisan, noting every value it cannot read.
struct ArtisanInput {
    var errors: [FieldError] = []

    mutating func build(_ c: AddArtisanCommand) -> Artisan {
        var kelurahanCode = ""
        if let k = c.kelurahan, !k.trimmingSpaces.isEmpty {
            if let kel = Wilayah.resolveKelurahan(k) { kelurahanCode = kel.code }
            else { errors.append(FieldError("kelurahan", .unknownKelurahan(k))) }
        }
        var category = CraftCategory.lainnya
        if let text = c.category, !text.trimmingSpaces.isEmpty {
            if let found = CraftCategory.resolve(text) { category = found }
            else { errors.append(FieldError("category", .unknownCategory(text))) }
        } else {
            errors.append(FieldError("category", .required))
        }
        var a = Artisan(id: EntityID(.artisan, 1), name: c.name ?? "", phone: c.phone ?? "", kelurahan: kelurahanCode,
                        business: c.business ?? "", category: category)
        a.gender = choice(c.gender.map { $0.uppercased() }, "gender", Gender.self)
        a.email = blankToNil(c.email)
        a.address = blankToNil(c.address)
        a.brand = blankToNil(c.brand)
        a.nib = blankToNil(c.nib)?.filter { $0 != " " && $0 != "-" && $0 != "." }
        a.kbli = blankToNil(c.kbli)
        a.scale = choice(c.scale?.lowercased(), "scale", BusinessScale.self)
        if let w = blankToNil(c.workers) {
            if let n = Int(w) { a.workers = n } else { errors.append(FieldError("workers", .invalidNumber(w))) }
        }
        for (i, text) in c.products.enumerated() {
            let parts = text.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces }
            var product = Product(name: parts.first ?? "")
            if parts.count == 2 {
                if let price = Rupiah.parse(parts[1]) { product.price = price }
                else { errors.append(FieldError("products[\(i + 1)].price", .invalidMoney(parts[1]))) }
            }
            a.products.append(product)
        }
        for (i, text) in c.certifications.enumerated() {
            let parts = text.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
            guard let kind = CertificationKind.resolve(parts[0]) else {
                errors.append(FieldError("certifications[\(i + 1)].kind",
                                         .invalidChoice(parts[0], allowed: CertificationKind.allCases.map(\.rawValue))))
                continue
            }
            var cert = Certification(kind: kind, number: parts.count > 1 ? blankToNil(parts[1]) : nil)
            if parts.count > 2, !parts[2].isEmpty {
                if let d = DateInput.parse(parts[2]) { cert.validUntil = d }
                else { errors.append(FieldError("certifications[\(i + 1)].validUntil", .invalidDate(parts[2]))) }
            }
            a.certifications.append(cert)
        }
        if let m = blankToNil(c.memberSince) {
            if let d = DateInput.parse(m) { a.memberSince = d } else { errors.append(FieldError("memberSince", .invalidDate(m))) }
        }
        a.notes = blankToNil(c.notes)
        a.nik = blankToNil(c.nik)?.filter { $0 != " " }
        return a
    }

    private mutating func choice<E: RawRepresentable & CaseIterable>(_ text: String?, _ field: String, _: E.Type) -> E? where E.RawValue == String {
        guard let text = blankToNil(text) else { return nil }
        if let v = E(rawValue: text) { return v }
        errors.append(FieldError(field, .invalidChoice(text, allowed: E.allCases.map(\.rawValue))))
        return nil
    }

    private func blankToNil(_ text: String?) -> String? {
        guard let t = text?.trimmingSpaces, !t.isEmpty else { return nil }
        return t
    }

    /// `memberSince` → `member-since`, `products[2].price` → `product 2 (price)`.
    static func optionName(_ field: String) -> String {
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
