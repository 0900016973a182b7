/// The artisan fields that can be typed as text: options of `kriya add artisan`, columns of an
/// imported or exported spreadsheet, the form's fields. The raw value is the key used in
/// `--map`, `--set` and in errors. Plain text details are one case, `text`, and their table
/// (`ArtisanTextField`); the others each have rules of their own.
public enum ArtisanField: Hashable, Sendable, CaseIterable, RawRepresentable {
    case id, name, gender, phone, email, kelurahan, kecamatan, business, nib
    case category, kbli, scale, workers, products, certifications, memberSince, notes, nik
    case text(ArtisanTextField)

    public static let address = ArtisanField.text(.address)
    public static let brand = ArtisanField.text(.brand)

    /// The order of the files, the spreadsheet columns and `--json`: the text details after
    /// the fields they follow.
    public static let allCases: [ArtisanField] = ArtisanTextField.placed(in: [
        .id, .name, .gender, .phone, .email, .address, .kelurahan, .kecamatan, .business, .brand, .nib,
        .category, .kbli, .scale, .workers, .products, .certifications, .memberSince, .notes, .nik,
    ])

    private static let own: [ArtisanField] = [
        .id, .name, .gender, .phone, .email, .kelurahan, .kecamatan, .business, .nib,
        .category, .kbli, .scale, .workers, .products, .certifications, .memberSince, .notes, .nik,
    ]

    private static let byName: [String: ArtisanField] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })

    public init?(rawValue: String) {
        guard let f = Self.byName[rawValue] else { return nil }
        self = f
    }

    public var rawValue: String {
        switch self {
        case .id: return "id"
        case .name: return "name"
        case .gender: return "gender"
        case .phone: return "phone"
        case .email: return "email"
        case .kelurahan: return "kelurahan"
        case .kecamatan: return "kecamatan"
        case .business: return "business"
        case .nib: return "nib"
        case .category: return "category"
        case .kbli: return "kbli"
        case .scale: return "scale"
        case .workers: return "workers"
        case .products: return "products"
        case .certifications: return "certifications"
        case .memberSince: return "memberSince"
        case .notes: return "notes"
        case .nik: return "nik"
        case .text(let t): return t.rawValue
        }
    }

    /// The column heading in exports (and the label beside errors and in the form).
    public func label(_ lang: Lang) -> String {
        let key: TextKey
        switch self {
        case .id: key = .fID
        case .name: key = .fName
        case .gender: key = .fGender
        case .phone: key = .fPhone
        case .email: key = .fEmail
        case .kelurahan: key = .fKelurahan
        case .kecamatan: key = .fKecamatan
        case .business: key = .fBusiness
        case .nib: key = .fNIB
        case .category: key = .fCategory
        case .kbli: key = .fKBLI
        case .scale: key = .fScale
        case .workers: key = .fWorkers
        case .products: key = .fProducts
        case .certifications: key = .fCertifications
        case .memberSince: key = .fMemberSince
        case .notes: key = .fNotes
        case .nik: key = .fNIK
        case .text(let t): return t.label(lang)
        }
        return L10n.text(key, lang)
    }

    /// A distinct small number for each field (below `allCases.count`), by a switch: a row of
    /// an import looks fields up twenty times, and hashing the raw strings showed in its profile.
    public var ordinal: Int {
        switch self {
        case .id: return 0
        case .name: return 1
        case .gender: return 2
        case .phone: return 3
        case .email: return 4
        case .kelurahan: return 5
        case .kecamatan: return 6
        case .business: return 7
        case .nib: return 8
        case .category: return 9
        case .kbli: return 10
        case .scale: return 11
        case .workers: return 12
        case .products: return 13
        case .certifications: return 14
        case .memberSince: return 15
        case .notes: return 16
        case .nik: return 17
        case .text(let t): return Self.own.count + t.index
        }
    }

    /// The field a validation error is about (`products[2].price` → products).
    public static func of(errorField: String) -> ArtisanField? {
        let base = errorField.prefix { $0 != "[" && $0 != "." }
        return ArtisanField(rawValue: String(base))
    }

    /// Fields a new artisan cannot do without.
    public static let required: [ArtisanField] = [.name, .phone, .kelurahan, .business, .category]
}
