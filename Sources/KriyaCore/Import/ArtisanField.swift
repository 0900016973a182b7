/// The artisan fields that can be typed as text: options of `kriya add artisan`, columns of an
/// imported or exported spreadsheet. The raw value is the key used in `--map` and in errors.
public enum ArtisanField: String, CaseIterable, Sendable {
    case id, name, gender, phone, email, address, kelurahan, kecamatan, business, brand, nib
    case category, kbli, scale, workers, products, certifications, memberSince, notes, nik

    /// The column heading in exports (and the label beside errors).
    public var label: TextKey {
        switch self {
        case .id: return .fID
        case .name: return .fName
        case .gender: return .fGender
        case .phone: return .fPhone
        case .email: return .fEmail
        case .address: return .fAddress
        case .kelurahan: return .fKelurahan
        case .kecamatan: return .fKecamatan
        case .business: return .fBusiness
        case .brand: return .fBrand
        case .nib: return .fNIB
        case .category: return .fCategory
        case .kbli: return .fKBLI
        case .scale: return .fScale
        case .workers: return .fWorkers
        case .products: return .fProducts
        case .certifications: return .fCertifications
        case .memberSince: return .fMemberSince
        case .notes: return .fNotes
        case .nik: return .fNIK
        }
    }

    /// The field's place in `allCases`, by a switch: a row of an import looks fields up
    /// twenty times, and hashing the raw strings showed in its profile.
    public var ordinal: Int {
        switch self {
        case .id: return 0
        case .name: return 1
        case .gender: return 2
        case .phone: return 3
        case .email: return 4
        case .address: return 5
        case .kelurahan: return 6
        case .kecamatan: return 7
        case .business: return 8
        case .brand: return 9
        case .nib: return 10
        case .category: return 11
        case .kbli: return 12
        case .scale: return 13
        case .workers: return 14
        case .products: return 15
        case .certifications: return 16
        case .memberSince: return 17
        case .notes: return 18
        case .nik: return 19
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
