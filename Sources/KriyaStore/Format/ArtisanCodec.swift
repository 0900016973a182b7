import KriyaCore

/// Artisan records as JSON, member names as the Swift properties (so `JSONDecoder` reads the
/// same lines: the differential test relies on it), in a fixed order.
enum ArtisanCodec {
    static func write(_ a: Artisan, _ w: inout JSONWriter) {
        let d = a.details
        for field in ArtisanField.allCases {
            switch field {
            case .id:
                w.member("id", a.id.description)
                w.member("rev", a.rev as Int?)
            case .name: w.member("name", a.name)
            case .gender: w.member("gender", a.gender)
            case .phone:
                w.member("phone", a.phone)
                w.member("phoneTyped", d.phoneTyped)
            case .email: w.member("email", d.email)
            case .kelurahan: w.member("kelurahan", a.kelurahan)
            case .kecamatan: break
            case .business: w.member("business", a.business)
            case .nib: w.member("nib", a.nib)
            case .category: w.member("category", a.category as CraftCategory?)
            case .kbli: w.member("kbli", d.kbli)
            case .scale: w.member("scale", a.scale)
            case .workers: w.member("workers", d.workers)
            case .products:
                w.key("products")
                w.beginArray()
                for p in d.products {
                    w.beginObject()
                    w.member("name", p.name)
                    w.member("price", p.price)
                    w.endObject()
                }
                w.endArray()
            case .certifications:
                w.key("certifications")
                w.beginArray()
                for c in d.certifications {
                    w.beginObject()
                    w.member("kind", c.kind as CertificationKind?)
                    w.member("number", c.number)
                    w.member("issued", c.issued?.iso)
                    w.member("validUntil", c.validUntil?.iso)
                    w.endObject()
                }
                w.endArray()
            case .memberSince: w.member("memberSince", d.memberSince?.iso)
            case .notes: w.member("notes", d.notes)
            case .nik: w.member("nik", d.nik)
            case .text(let t): w.member(named: t.rawValue, d[t])
            }
        }
        w.member("archived", a.archived)
        w.member("mergedInto", a.mergedInto?.description)
        w.members(raw: d.unknownMembers)
    }

    static func read(_ r: inout JSONReader) throws(JSONReader.Failure) -> Artisan {
        let K = Keys.shared
        var id: EntityID?, rev = 0, name: String?, phone: String?, kelurahan: String?, business: String?
        var category: CraftCategory?
        var a = Artisan(id: EntityID(.artisan, 1), name: "", phone: "", kelurahan: "", business: "", category: .lainnya)
        var d = ArtisanDetails()
        try r.object { r, key throws(JSONReader.Failure) in
            if r.null() { return }
            switch key {
            case K.id: id = try r.entityID()
            case K.rev: rev = try r.revision()
            case K.name: name = try r.string()
            case K.gender: a.gender = try r.choice(K.genderValues)
            case K.phone: phone = try r.string()
            case K.phoneTyped: d.phoneTyped = try r.string()
            case K.email: d.email = try r.string()
            case K.kelurahan: kelurahan = try r.string()
            case K.business: business = try r.string()
            case K.nib: a.nib = try r.string()
            case K.category: category = try r.choice(K.craftCategoryValues)
            case K.kbli: d.kbli = try r.string()
            case K.scale: a.scale = try r.choice(K.businessScaleValues)
            case K.workers: d.workers = try r.count()
            case K.products:
                try r.array { r throws(JSONReader.Failure) in
                    var p = Product(name: "")
                    try r.object { r, key throws(JSONReader.Failure) in
                        if r.null() { return }
                        switch key {
                        case K.name: p.name = try r.string()
                        case K.price: p.price = try r.money()
                        default: try r.skipValue()
                        }
                    }
                    d.products.append(p)
                }
            case K.certifications:
                try r.array { r throws(JSONReader.Failure) in
                    var kind: CertificationKind?
                    var c = Certification(kind: .nib)
                    try r.object { r, key throws(JSONReader.Failure) in
                        if r.null() { return }
                        switch key {
                        case K.kind: kind = try r.choice(K.certificationKindValues)
                        case K.number: c.number = try r.string()
                        case K.issued: c.issued = try r.date()
                        case K.validUntil: c.validUntil = try r.date()
                        default: try r.skipValue()
                        }
                    }
                    guard let kind else { throw r.fail("certification without kind") }
                    c.kind = kind
                    d.certifications.append(c)
                }
            case K.memberSince: d.memberSince = try r.date()
            case K.notes: d.notes = try r.string()
            case K.nik: d.nik = try r.string()
            case K.archived: a.archived = try r.bool()
            case K.mergedInto: a.mergedInto = try r.entityID()
            default:
                if let field = K.text(key) { d[field] = try r.string() } else { try r.keepUnknown(key, in: &d.unknownMembers) }
            }
        }
        guard let id, id.kind == .artisan else { throw r.fail("missing or wrong artisan id") }
        guard let name, let phone, let kelurahan, let business, let category else {
            throw r.fail("\(id): missing one of name, phone, kelurahan, business, category")
        }
        a.id = id
        guard rev >= 1 else { throw r.fail("\(id): no revision (\"rev\":1 or more)") }
        a.rev = rev
        a.name = name
        a.phone = phone
        a.kelurahan = kelurahan
        a.category = category
        a.set(business: business, details: d)
        return a
    }
}

/// Member names (and enum values) this file reads, packed once; each reader takes a reference
/// (`let K = Keys.shared`) so matching costs no lazy-global check per key.
private final class Keys: Sendable {
    let archived: JSONKey = "archived"
    let mergedInto: JSONKey = "mergedInto"
    let business: JSONKey = "business"
    let category: JSONKey = "category"
    let certifications: JSONKey = "certifications"
    let email: JSONKey = "email"
    let gender: JSONKey = "gender"
    let id: JSONKey = "id"
    let issued: JSONKey = "issued"
    let kbli: JSONKey = "kbli"
    let kelurahan: JSONKey = "kelurahan"
    let kind: JSONKey = "kind"
    let memberSince: JSONKey = "memberSince"
    let name: JSONKey = "name"
    let nib: JSONKey = "nib"
    let nik: JSONKey = "nik"
    let notes: JSONKey = "notes"
    let number: JSONKey = "number"
    let phone: JSONKey = "phone"
    let phoneTyped: JSONKey = "phoneTyped"
    let price: JSONKey = "price"
    let products: JSONKey = "products"
    let rev: JSONKey = "rev"
    let scale: JSONKey = "scale"
    let validUntil: JSONKey = "validUntil"
    let workers: JSONKey = "workers"
    let genderValues = ChoiceTable(Gender.self)
    let craftCategoryValues = ChoiceTable(CraftCategory.self)
    let businessScaleValues = ChoiceTable(BusinessScale.self)
    let certificationKindValues = ChoiceTable(CertificationKind.self)
    /// The plain text details' names (`ArtisanTextField`), in table order.
    let texts: [JSONKey] = ArtisanTextField.ordered.map { JSONKey($0.rawValue) }
    func text(_ key: JSONKey) -> ArtisanTextField? { texts.firstIndex(of: key).map { ArtisanTextField.ordered[$0] } }
    static let shared = Keys()
}
