/// The fields of an artisan that lists, filters and search rarely read: contact details, the
/// business's papers, products, certifications, notes. An `Artisan` keeps them packed in one
/// byte buffer (`PackedDetails`) and hands them out as this plain value, whole or one at a time.
public struct ArtisanDetails: Hashable, Sendable {
    public var phoneTyped: String?
    public var email: String?
    public var kbli: String?
    public var workers: Int?
    public var products: [Product] = []
    public var certifications: [Certification] = []
    public var memberSince: CivilDate?
    public var notes: String?
    public var nik: String?
    public var unknownMembers: String?
    /// The plain text details (`ArtisanTextField`), by index; empty until one is set, so that
    /// reading a record without any allocates nothing for them.
    private var texts: [String?] = []

    public init() {}

    public subscript(_ field: ArtisanTextField) -> String? {
        get { field.index < texts.count ? texts[field.index] : nil }
        set {
            if texts.isEmpty {
                guard newValue != nil else { return }
                texts = [String?](repeating: nil, count: ArtisanTextField.ordered.count)
            }
            texts[field.index] = newValue
            if newValue == nil, texts.allSatisfy({ $0 == nil }) { texts = [] }
        }
    }

    public var address: String? {
        get { self[.address] }
        set { self[.address] = newValue }
    }
    public var brand: String? {
        get { self[.brand] }
        set { self[.brand] = newValue }
    }
}
