import KriyaText

/// An artisan as typed text, field by field: what `kriya add artisan` gets from its options and
/// the importer from a spreadsheet row. `build` reads every value it can and names each one it
/// cannot, so the caller can report all problems at once.
public struct ArtisanText: Sendable {
    /// Each field's text, by `ArtisanField.ordinal` (nil: not given).
    private var cells = [String?](repeating: nil, count: ArtisanField.allCases.count)
    /// Each `NAME` or `NAME=PRICE`.
    public var products: [String] = []
    /// Each `KIND[:NUMBER[:VALID-UNTIL[:ISSUED]]]`.
    public var certifications: [String] = []

    public init() {}

    /// A stored artisan as text, field by field, the way `build` reads it back: exports and
    /// the edit form start from this. `nik` is masked unless `sensitive`.
    public init(_ a: Artisan, lang: Lang, sensitive: Bool = false) {
        self.init()
        let kel = Wilayah.kelurahan(code: a.kelurahan)
        for field in ArtisanField.allCases {
            let text: String?
            switch field {
            case .id: text = a.id.description
            case .name: text = a.name
            case .gender: text = a.gender?.rawValue
            case .phone: text = a.phoneShown
            case .email: text = a.email
            case .kelurahan: text = kel?.name ?? a.kelurahan
            case .kecamatan: text = kel.flatMap { Wilayah.kecamatan(code: $0.kecamatanCode)?.name }
            case .business: text = a.business
            case .nib: text = a.nib
            case .category: text = a.category.label(lang)
            case .kbli: text = a.kbli
            case .scale: text = a.scale?.rawValue
            case .workers: text = a.workers.map(String.init)
            case .products: text = ListCell.products(a.products)
            case .certifications: text = ListCell.certifications(a.certifications)
            case .memberSince: text = a.memberSince?.iso
            case .notes: text = a.notes
            case .nik: text = sensitive ? a.nik : a.nik?.maskedNIK
            case .text(let t): text = a[text: t]
            }
            self[field] = text ?? ""
        }
        products = a.products.map(ListCell.product)
        certifications = ListCell.split(self[.certifications] ?? "")
    }

    public subscript(_ field: ArtisanField) -> String? {
        get { cells[field.ordinal] }
        set { cells[field.ordinal] = newValue }
    }

    /// The artisan, and the values that could not be read. Fields that are missing stay empty
    /// (validation names them), so `errors` holds only values present but unreadable.
    public func build() -> (artisan: Artisan, errors: [FieldError]) {
        var errors: [FieldError] = []
        func text(_ f: ArtisanField) -> String? {
            guard let t = cells[f.ordinal]?.trimmingSpaces, !t.isEmpty else { return nil }
            return t
        }

        var kelurahanCode = ""
        let kecamatan = text(.kecamatan).map { (typed: $0, found: Wilayah.resolveKecamatan(Self.withoutPrefix($0, ["kecamatan", "kec.", "kec "]))) }
        if let k = kecamatan, k.found == nil { errors.append(FieldError("kecamatan", .unknownKecamatan(k.typed))) }
        if let typed = text(.kelurahan) {
            if let kel = Wilayah.resolveKelurahan(Self.withoutPrefix(typed, ["kelurahan", "kel.", "kel ", "desa", "ds.", "ds "])) {
                kelurahanCode = kel.code
                if let k = kecamatan?.found, k.code != kel.kecamatanCode {
                    errors.append(FieldError("kecamatan", .kelurahanElsewhere(kelurahan: kel.name, kecamatan: k.name)))
                }
            } else {
                errors.append(FieldError("kelurahan", .unknownKelurahan(typed)))
            }
        }

        var category = CraftCategory.lainnya
        if let typed = text(.category) {
            if let found = CraftCategory.resolveLoosely(typed) { category = found }
            else { errors.append(FieldError("category", .unknownCategory(typed))) }
        } else {
            errors.append(FieldError("category", .required))
        }

        var a = Artisan(id: EntityID(.artisan, 1), name: text(.name) ?? "", phone: "", kelurahan: kelurahanCode,
                        business: text(.business) ?? "", category: category)
        var d = ArtisanDetails()
        if let typed = text(.phone) {
            switch PhoneCell.read(typed) {
            case .phone(let p, let others):
                a.phone = p
                if !others.isEmpty { d.notes = "HP lain: " + others.joined(separator: ", ") }
            case .mangled: errors.append(FieldError("phone", .roundedNumber(typed)))
            }
        }
        if let id = text(.id), EntityID(id) == nil { errors.append(FieldError("id", .invalidChoice(id, allowed: ["A-000123"]))) }
        a.gender = choice(text(.gender).map { Self.gender($0) }, "gender", &errors)
        d.email = text(.email)
        for field in ArtisanTextField.ordered {
            guard let typed = text(.text(field)) else { continue }
            // As typed when it cannot be read as its shape: validation names the problem.
            d[field] = field.stored(from: typed) ?? typed
        }
        a.nib = digitsCell(.nib, "nib", &errors)
        d.kbli = text(.kbli)
        a.scale = choice(text(.scale)?.lowercased(), "scale", &errors)
        if let w = text(.workers) {
            if let n = Int(w.filter { $0 != "." }) { d.workers = n } else { errors.append(FieldError("workers", .invalidNumber(w))) }
        }
        for (i, item) in products.enumerated() {
            let parts = item.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces }
            var product = Product(name: parts.first ?? "")
            if parts.count == 2, !parts[1].isEmpty {
                if let price = Rupiah.parse(parts[1]) { product.price = price }
                else { errors.append(FieldError("products[\(i + 1)].price", .invalidMoney(parts[1]))) }
            }
            d.products.append(product)
        }
        for (i, item) in certifications.enumerated() {
            let parts = item.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
            guard let kind = CertificationKind.resolve(parts[0]) else {
                errors.append(FieldError("certifications[\(i + 1)].kind",
                                         .invalidChoice(parts[0], allowed: CertificationKind.allCases.map(\.rawValue))))
                continue
            }
            var cert = Certification(kind: kind, number: parts.count > 1 && !parts[1].isEmpty ? parts[1] : nil)
            for (index, field) in [(2, "validUntil"), (3, "issued")] where parts.count > index && !parts[index].isEmpty {
                guard let d = DateInput.parse(parts[index]) else {
                    errors.append(FieldError("certifications[\(i + 1)].\(field)", .invalidDate(parts[index])))
                    continue
                }
                if index == 2 { cert.validUntil = d } else { cert.issued = d }
            }
            d.certifications.append(cert)
        }
        if let m = text(.memberSince) {
            // Offices often keep just the year ("Tahun binaan: 2021"): its first day.
            if let date = DateInput.parse(m) ?? DateInput.yearOrMonth(m) { d.memberSince = date } else { errors.append(FieldError("memberSince", .invalidDate(m))) }
        }
        if let n = text(.notes) { d.notes = d.notes.map { n + "\n" + $0 } ?? n }
        // A masked NIK ("3573**********01", from an export or the edit form) is no NIK at all.
        d.nik = text(.nik)?.contains("*") == true ? nil : digitsCell(.nik, "nik", &errors)
        a.details = d
        return (a, errors)
    }

    /// The artisan ready to save (`prepareForSaving` done) when `problems` is empty; the values
    /// that could not be read; and every problem with it as a new record.
    public func checked() -> (artisan: Artisan, unreadable: [FieldError], problems: [FieldError]) {
        var (artisan, errors) = build()
        let unreadable = errors.filter { $0.problem != .required }
        guard unreadable.isEmpty else {
            // Validation of the fields that could be read, beside the ones that could not.
            let unread = Set(errors.map { ArtisanField.of(errorField: $0.field) })
            return (artisan, unreadable, errors + Validation.check(artisan).filter { !unread.contains(ArtisanField.of(errorField: $0.field)) })
        }
        let problems = errors + artisan.prepareForSaving().filter { e in !errors.contains { $0.field == e.field } }
        return (artisan, [], problems)
    }

    /// A NIB or NIK as typed: spaces, dashes, dots and a text-marking apostrophe dropped; one the
    /// spreadsheet rounded ("9,12E+12") is refused as such, not as "wrong number of digits".
    private func digitsCell(_ f: ArtisanField, _ field: String, _ errors: inout [FieldError]) -> String? {
        guard let t = cells[f.ordinal]?.trimmingSpaces, !t.isEmpty else { return nil }
        if NumberCell.wasRounded(t) {
            errors.append(FieldError(field, .roundedNumber(t)))
            return nil
        }
        return t.filter { $0 != " " && $0 != "-" && $0 != "." && $0 != "'" }
    }

    private func choice<E: RawRepresentable & CaseIterable>(_ text: String?, _ field: String, _ errors: inout [FieldError]) -> E? where E.RawValue == String {
        guard let text else { return nil }
        if let v = E(rawValue: text) { return v }
        errors.append(FieldError(field, .invalidChoice(text, allowed: E.allCases.map(\.rawValue))))
        return nil
    }

    /// L/P, and the words spreadsheets use for them.
    private static func gender(_ text: String) -> String {
        switch Fold.compact(text) {
        case "l", "lakilaki", "laki", "pria", "male", "m": return "L"
        case "p", "perempuan", "wanita", "female", "f": return "P"
        default: return text
        }
    }

    /// "Kel. Dinoyo" → "Dinoyo", "Kecamatan Klojen" → "Klojen".
    static func withoutPrefix(_ text: String, _ prefixes: [String]) -> String {
        let lower = text.lowercased()
        for p in prefixes where lower.hasPrefix(p) {
            return String(text.dropFirst(p.count)).trimmingSpaces
        }
        return text
    }
}
