/// An artisan as scripts (`--json`) and the audit see it: every field by name in the files'
/// order, packed or not. Written out because half the fields are not stored properties.
extension Artisan: Codable, CustomReflectable {
    /// Every field but `unknownMembers`: scripts see the fields this version knows.
    enum CodingKeys: String, CodingKey {
        case id, rev, name, gender, phone, phoneTyped, email, address, kelurahan, business, brand
        case nib, category, kbli, scale, workers, products, certifications, memberSince, notes, nik
        case archived, mergedInto
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(EntityID.self, forKey: .id), name: try c.decode(String.self, forKey: .name),
                  phone: try c.decode(String.self, forKey: .phone), kelurahan: try c.decode(String.self, forKey: .kelurahan),
                  business: try c.decode(String.self, forKey: .business), category: try c.decode(CraftCategory.self, forKey: .category))
        rev = try c.decode(Int.self, forKey: .rev)
        gender = try c.decodeIfPresent(Gender.self, forKey: .gender)
        scale = try c.decodeIfPresent(BusinessScale.self, forKey: .scale)
        archived = try c.decode(Bool.self, forKey: .archived)
        mergedInto = try c.decodeIfPresent(EntityID.self, forKey: .mergedInto)
        var d = ArtisanDetails()
        d.phoneTyped = try c.decodeIfPresent(String.self, forKey: .phoneTyped)
        d.email = try c.decodeIfPresent(String.self, forKey: .email)
        d.address = try c.decodeIfPresent(String.self, forKey: .address)
        d.brand = try c.decodeIfPresent(String.self, forKey: .brand)
        nib = try c.decodeIfPresent(String.self, forKey: .nib)
        d.kbli = try c.decodeIfPresent(String.self, forKey: .kbli)
        d.workers = try c.decodeIfPresent(Int.self, forKey: .workers)
        d.products = try c.decode([Product].self, forKey: .products)
        d.certifications = try c.decode([Certification].self, forKey: .certifications)
        d.memberSince = try c.decodeIfPresent(CivilDate.self, forKey: .memberSince)
        d.notes = try c.decodeIfPresent(String.self, forKey: .notes)
        d.nik = try c.decodeIfPresent(String.self, forKey: .nik)
        details = d
    }

    public func encode(to encoder: Encoder) throws {
        let d = details
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(rev, forKey: .rev)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(gender, forKey: .gender)
        try c.encode(phone, forKey: .phone)
        try c.encodeIfPresent(d.phoneTyped, forKey: .phoneTyped)
        try c.encodeIfPresent(d.email, forKey: .email)
        try c.encodeIfPresent(d.address, forKey: .address)
        try c.encode(kelurahan, forKey: .kelurahan)
        try c.encode(business, forKey: .business)
        try c.encodeIfPresent(d.brand, forKey: .brand)
        try c.encodeIfPresent(nib, forKey: .nib)
        try c.encode(category, forKey: .category)
        try c.encodeIfPresent(d.kbli, forKey: .kbli)
        try c.encodeIfPresent(scale, forKey: .scale)
        try c.encodeIfPresent(d.workers, forKey: .workers)
        try c.encode(d.products, forKey: .products)
        try c.encode(d.certifications, forKey: .certifications)
        try c.encodeIfPresent(d.memberSince, forKey: .memberSince)
        try c.encodeIfPresent(d.notes, forKey: .notes)
        try c.encodeIfPresent(d.nik, forKey: .nik)
        try c.encode(archived, forKey: .archived)
        try c.encodeIfPresent(mergedInto, forKey: .mergedInto)
    }

    /// The fields by name in the files' order, as if all were stored: the audit's field diff
    /// walks a record's `Mirror`.
    public var customMirror: Mirror {
        let d = details
        let fields: KeyValuePairs<String, Any> = [
            "id": id, "rev": rev, "name": name, "gender": gender as Any, "phone": phone,
            "phoneTyped": d.phoneTyped as Any, "email": d.email as Any, "address": d.address as Any,
            "kelurahan": kelurahan, "business": business, "brand": d.brand as Any, "nib": nib as Any,
            "category": category, "kbli": d.kbli as Any, "scale": scale as Any, "workers": d.workers as Any,
            "products": d.products, "certifications": d.certifications, "memberSince": d.memberSince as Any,
            "notes": d.notes as Any, "nik": d.nik as Any, "archived": archived, "mergedInto": mergedInto as Any,
            "unknownMembers": d.unknownMembers as Any,
        ]
        return Mirror(self, children: fields, displayStyle: .struct)
    }
}
