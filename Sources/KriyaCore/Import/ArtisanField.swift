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

    /// The field a validation error is about (`products[2].price` → products).
    public static func of(errorField: String) -> ArtisanField? {
        let base = errorField.prefix { $0 != "[" && $0 != "." }
        return ArtisanField(rawValue: String(base))
    }

    /// Fields a new artisan cannot do without.
    public static let required: [ArtisanField] = [.name, .phone, .kelurahan, .business, .category]
}
