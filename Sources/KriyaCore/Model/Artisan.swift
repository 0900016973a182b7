/// A pelaku IKM and their business: one record. Field order here is the order in the files.
public struct Artisan: Hashable, Sendable, Codable {
    public var id: EntityID
    public var rev: Int = 0
    public var name: String
    public var gender: Gender?
    /// Normalised `+62…`; `phoneTyped` keeps it as the person wrote it.
    public var phone: String
    public var phoneTyped: String?
    public var email: String?
    public var address: String?
    /// Kelurahan code, e.g. `35.73.05.1004`; the kecamatan follows from it.
    public var kelurahan: String
    public var business: String
    public var brand: String?
    public var nib: String?
    public var category: CraftCategory
    public var kbli: String?
    public var scale: BusinessScale?
    public var workers: Int?
    public var products: [Product] = []
    public var certifications: [Certification] = []
    public var memberSince: CivilDate?
    public var notes: String?
    /// Sensitive: masked on screen and in exports unless asked for.
    public var nik: String?
    public var archived: Bool = false
    /// Set when this record was a duplicate, merged into that one (and archived).
    public var mergedInto: EntityID?
    /// Members a newer Kriya wrote that this one does not know, kept word for word (raw JSON
    /// `"key":value` pairs, comma-separated) so that saving or compacting here never drops
    /// them. Not shown, not audited.
    public var unknownMembers: String?

    /// Every field but `unknownMembers`: scripts (`--json`) see the fields this version knows.
    enum CodingKeys: String, CodingKey {
        case id, rev, name, gender, phone, phoneTyped, email, address, kelurahan, business, brand
        case nib, category, kbli, scale, workers, products, certifications, memberSince, notes, nik
        case archived, mergedInto
    }

    public init(id: EntityID, name: String, phone: String, kelurahan: String, business: String,
                category: CraftCategory) {
        self.id = id
        self.name = name
        self.phone = phone
        self.kelurahan = kelurahan
        self.business = business
        self.category = category
    }

    /// The phone as shown: as typed when known, else the national form.
    public var phoneShown: String { phoneTyped ?? Phone.national(phone) }

    public var kecamatanCode: String? { Wilayah.kelurahan(code: kelurahan)?.kecamatanCode }
}

public enum Gender: String, Sendable, Codable, CaseIterable { case l = "L", p = "P" }

public enum BusinessScale: String, Sendable, Codable, CaseIterable { case mikro, kecil, menengah }

public struct Product: Hashable, Sendable, Codable {
    public var name: String
    /// Price in rupiah.
    public var price: Int64?
    public init(name: String, price: Int64? = nil) {
        self.name = name
        self.price = price
    }
}

public enum CertificationKind: String, Sendable, Codable, CaseIterable {
    case nib = "NIB", pirt = "PIRT", halal, sni = "SNI", merek, bnsp = "BNSP"

    /// A kind from how people type it, in any case (`halal`, `Pirt`, `nib`).
    public static func resolve(_ text: String) -> CertificationKind? {
        let wanted = text.trimmingSpaces.lowercased()
        return allCases.first { $0.rawValue.lowercased() == wanted }
    }
}

public struct Certification: Hashable, Sendable, Codable {
    public var kind: CertificationKind
    public var number: String?
    public var issued: CivilDate?
    public var validUntil: CivilDate?
    public init(kind: CertificationKind, number: String? = nil, issued: CivilDate? = nil, validUntil: CivilDate? = nil) {
        self.kind = kind
        self.number = number
        self.issued = issued
        self.validUntil = validUntil
    }
}

extension String {
    /// NIK shown masked: the first 4 and last 2 digits only (`3573**********01`).
    public var maskedNIK: String {
        guard count > 6 else { return String(repeating: "*", count: count) }
        return prefix(4) + String(repeating: "*", count: count - 6) + suffix(2)
    }
}
