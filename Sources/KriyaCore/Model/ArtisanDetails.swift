/// The fields of an artisan that lists, filters and search rarely read: contact details, the
/// business's papers, products, certifications, notes. An `Artisan` keeps them packed in one
/// byte buffer (`PackedDetails`) and hands them out as this plain value, whole or one at a time.
public struct ArtisanDetails: Hashable, Sendable {
    public var phoneTyped: String?
    public var email: String?
    public var address: String?
    public var brand: String?
    public var kbli: String?
    public var workers: Int?
    public var products: [Product] = []
    public var certifications: [Certification] = []
    public var memberSince: CivilDate?
    public var notes: String?
    public var nik: String?
    public var unknownMembers: String?

    public init() {}
}
