/// A pelaku IKM and their business: one record. The fields every list, filter and search
/// reads are stored as they are; the rest (`ArtisanDetails`) packed in one buffer, read and
/// written through the properties below as if stored, so that a million artisans fit a small
/// server (docs/store.md, "Memory"). Field order in the files: `ArtisanCodec`.
public struct Artisan: Hashable, Sendable {
    // Declared widest first, the one-byte fields together at the end: Swift lays stored
    // properties out in this order, and interleaved they cost 16 bytes of padding a record.
    public var id: EntityID
    public var rev: Int = 0
    public var name: String
    /// Normalised `+62…`; `phoneTyped` keeps it as the person wrote it.
    public var phone: String
    /// Kelurahan code, e.g. `35.73.05.1004`; the kecamatan follows from it.
    public var kelurahan: String
    /// Stored as it is, like the phone: the duplicate check compares every artisan's on a save
    /// (packed, reaching each record's buffer made a save at 1M take 110 ms instead of 14).
    public var nib: String?
    var packed = PackedDetails()
    /// Set when this record was a duplicate, merged into that one (and archived).
    public var mergedInto: EntityID?
    public var gender: Gender?
    public var category: CraftCategory
    public var scale: BusinessScale?
    public var archived: Bool = false

    public init(id: EntityID, name: String, phone: String, kelurahan: String, business: String,
                category: CraftCategory) {
        self.id = id
        self.name = name
        self.phone = phone
        self.kelurahan = kelurahan
        self.category = category
        packed = PackedDetails(business: business)
    }

    /// Packed with the details (`PackedDetails`): read for the rows on screen only.
    public var business: String {
        get { packed.business }
        set { packed = PackedDetails(packed.unpacked(), business: newValue) }
    }

    /// The packed fields at once: setting them packs once (a reader or an import fills these
    /// first, then sets them; one property at a time repacks each time).
    public var details: ArtisanDetails {
        get { packed.unpacked() }
        set { packed = PackedDetails(newValue, businessOf: packed) }
    }

    /// The business name and the details, packed once (a reader of the files).
    public mutating func set(business: String, details: ArtisanDetails) {
        packed = PackedDetails(details, business: business)
    }

    public var phoneTyped: String? {
        get { packed.string(.phoneTyped) }
        set { details.phoneTyped = newValue }
    }
    public var email: String? {
        get { packed.string(.email) }
        set { details.email = newValue }
    }
    public var address: String? {
        get { self[text: .address] }
        set { self[text: .address] = newValue }
    }
    public var brand: String? {
        get { self[text: .brand] }
        set { self[text: .brand] = newValue }
    }
    /// A plain text detail (`ArtisanTextField`).
    public subscript(text field: ArtisanTextField) -> String? {
        get { packed.string(.text(field)) }
        set { details[field] = newValue }
    }
    public var kbli: String? {
        get { packed.string(.kbli) }
        set { details.kbli = newValue }
    }
    public var workers: Int? {
        get { packed.workers }
        set { details.workers = newValue }
    }
    public var products: [Product] {
        get { packed.products }
        set { details.products = newValue }
    }
    public var certifications: [Certification] {
        get { packed.certifications }
        set { details.certifications = newValue }
    }
    public var memberSince: CivilDate? {
        get { packed.memberSince }
        set { details.memberSince = newValue }
    }
    public var notes: String? {
        get { packed.string(.notes) }
        set { details.notes = newValue }
    }
    /// Sensitive: masked on screen and in exports unless asked for.
    public var nik: String? {
        get { packed.string(.nik) }
        set { details.nik = newValue }
    }
    /// Members a newer Kriya wrote that this one does not know, kept word for word (raw JSON
    /// `"key":value` pairs, comma-separated) so that saving or compacting here never drops
    /// them. Not shown, not audited.
    public var unknownMembers: String? {
        get { packed.string(.unknownMembers) }
        set { details.unknownMembers = newValue }
    }

    /// Whether the NIK is `nik`, compared in place.
    public func hasNIK(_ nik: String) -> Bool { packed.text(.nik, is: nik) }

    /// The packed fields' size in bytes (for the benchmark's account of memory).
    public var packedByteCount: Int { packed.bytes.count }

    /// Whether a certification of `kind` is held (reads only the kinds: filters ask everyone).
    public func holds(_ kind: CertificationKind) -> Bool { packed.holds(kind) }

    /// The phone as shown: as typed when known, else the national form.
    /// As the office writes it (`0813-3344-5566`), however it was typed; a number that is not
    /// a mobile one (older records) as it was typed.
    public var phoneShown: String { phone.hasPrefix("+62") ? Phone.display(phone) : phoneTyped ?? phone }

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
