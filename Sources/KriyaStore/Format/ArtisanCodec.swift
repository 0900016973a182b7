import KriyaCore

/// Artisan records as JSON, member names as the Swift properties (so `JSONDecoder` reads the
/// same lines: the differential test relies on it), in a fixed order.
enum ArtisanCodec {
    static func write(_ a: Artisan, _ w: inout JSONWriter) {
        w.member("id", a.id.description)
        w.member("rev", a.rev as Int?)
        w.member("name", a.name)
        w.member("gender", a.gender)
        w.member("phone", a.phone)
        w.member("phoneTyped", a.phoneTyped)
        w.member("email", a.email)
        w.member("address", a.address)
        w.member("kelurahan", a.kelurahan)
        w.member("business", a.business)
        w.member("brand", a.brand)
        w.member("nib", a.nib)
        w.member("category", a.category as CraftCategory?)
        w.member("kbli", a.kbli)
        w.member("scale", a.scale)
        w.member("workers", a.workers)
        w.key("products")
        w.beginArray()
        for p in a.products {
            w.beginObject()
            w.member("name", p.name)
            w.member("price", p.price)
            w.endObject()
        }
        w.endArray()
        w.key("certifications")
        w.beginArray()
        for c in a.certifications {
            w.beginObject()
            w.member("kind", c.kind as CertificationKind?)
            w.member("number", c.number)
            w.member("issued", c.issued?.iso)
            w.member("validUntil", c.validUntil?.iso)
            w.endObject()
        }
        w.endArray()
        w.member("memberSince", a.memberSince?.iso)
        w.member("notes", a.notes)
        w.member("nik", a.nik)
        w.member("archived", a.archived)
    }

    static func read(_ r: inout JSONReader) throws(JSONReader.Failure) -> Artisan {
        var id: EntityID?, rev = 0, name: String?, phone: String?, kelurahan: String?, business: String?
        var category: CraftCategory?
        var a = Artisan(id: EntityID(.artisan, 1), name: "", phone: "", kelurahan: "", business: "", category: .lainnya)
        try r.object { r, key throws(JSONReader.Failure) in
            if r.null() { return }
            switch key {
            case "id": id = try r.entityID()
            case "rev": rev = try r.int()
            case "name": name = try r.string()
            case "gender": a.gender = try r.choice(Gender.self)
            case "phone": phone = try r.string()
            case "phoneTyped": a.phoneTyped = try r.string()
            case "email": a.email = try r.string()
            case "address": a.address = try r.string()
            case "kelurahan": kelurahan = try r.string()
            case "business": business = try r.string()
            case "brand": a.brand = try r.string()
            case "nib": a.nib = try r.string()
            case "category": category = try r.choice(CraftCategory.self)
            case "kbli": a.kbli = try r.string()
            case "scale": a.scale = try r.choice(BusinessScale.self)
            case "workers": a.workers = try r.int()
            case "products":
                try r.array { r throws(JSONReader.Failure) in
                    var p = Product(name: "")
                    try r.object { r, key throws(JSONReader.Failure) in
                        if r.null() { return }
                        switch key {
                        case "name": p.name = try r.string()
                        case "price": p.price = try r.int64()
                        default: try r.skipValue()
                        }
                    }
                    a.products.append(p)
                }
            case "certifications":
                try r.array { r throws(JSONReader.Failure) in
                    var kind: CertificationKind?
                    var c = Certification(kind: .nib)
                    try r.object { r, key throws(JSONReader.Failure) in
                        if r.null() { return }
                        switch key {
                        case "kind": kind = try r.choice(CertificationKind.self)
                        case "number": c.number = try r.string()
                        case "issued": c.issued = try r.date()
                        case "validUntil": c.validUntil = try r.date()
                        default: try r.skipValue()
                        }
                    }
                    guard let kind else { throw r.fail("certification without kind") }
                    c.kind = kind
                    a.certifications.append(c)
                }
            case "memberSince": a.memberSince = try r.date()
            case "notes": a.notes = try r.string()
            case "nik": a.nik = try r.string()
            case "archived": a.archived = try r.bool()
            default: try r.skipValue()
            }
        }
        guard let id, id.kind == .artisan else { throw r.fail("missing or wrong artisan id") }
        guard let name, let phone, let kelurahan, let business, let category else {
            throw r.fail("\(id): missing one of name, phone, kelurahan, business, category")
        }
        a.id = id
        a.rev = rev
        a.name = name
        a.phone = phone
        a.kelurahan = kelurahan
        a.business = business
        a.category = category
        return a
    }
}
