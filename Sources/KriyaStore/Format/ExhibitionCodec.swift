import KriyaCore

/// Exhibition records as JSON; participants (booths, curation, sales) are nested.
enum ExhibitionCodec {
    static func write(_ e: Exhibition, _ w: inout JSONWriter) {
        w.member("id", e.id.description)
        w.member("rev", e.rev as Int?)
        w.member("name", e.name)
        w.member("level", e.level as ExhibitionLevel?)
        w.member("organiser", e.organiser)
        w.member("partners", strings: e.partners.map(\.description))
        w.member("venue", e.venue)
        w.member("city", e.city)
        w.member("country", e.country)
        w.member("start", e.start.iso)
        w.member("end", e.end.iso)
        w.member("boothCost", e.boothCost)
        w.member("payer", e.payer)
        w.member("status", e.status as ExhibitionStatus?)
        w.member("requiredCertifications", strings: e.requiredCertifications.map(\.rawValue))
        w.key("participants")
        w.beginArray()
        for p in e.participants {
            w.beginObject()
            w.member("artisan", p.artisan.description)
            w.member("booth", p.booth)
            w.member("curation", p.curation as Curation?)
            w.member("curationNote", p.curationNote)
            w.member("products", strings: p.products)
            w.member("staff", strings: p.staff)
            w.member("sales", p.sales)
            w.member("transactions", p.transactions)
            w.member("leads", p.leads)
            w.members(raw: p.unknownMembers)
            w.endObject()
        }
        w.endArray()
        w.members(raw: e.unknownMembers)
    }

    static func read(_ r: inout JSONReader) throws(JSONReader.Failure) -> Exhibition {
        let K = Keys.shared
        var id: EntityID?, rev = 0, name: String?, level: ExhibitionLevel?, start: CivilDate?, end: CivilDate?
        let placeholder = CivilDate(dayNumber: 0)
        var e = Exhibition(id: EntityID(.exhibition, 1), name: "", level: .lokal, start: placeholder, end: placeholder)
        try r.object { r, key throws(JSONReader.Failure) in
            if r.null() { return }
            switch key {
            case K.id: id = try r.entityID()
            case K.rev: rev = try r.revision()
            case K.name: name = try r.string()
            case K.level: level = try r.choice(K.exhibitionLevelValues)
            case K.organiser: e.organiser = try r.string()
            case K.partners: e.partners = try r.entityIDs(of: .partner, field: "partners")
            case K.venue: e.venue = try r.string()
            case K.city: e.city = try r.string()
            case K.country: e.country = try r.string()
            case K.start: start = try r.date()
            case K.end: end = try r.date()
            case K.boothCost: e.boothCost = try r.money()
            case K.payer: e.payer = try r.choice(K.boothPayerValues)
            case K.status: e.status = try r.choice(K.exhibitionStatusValues)
            case K.requiredCertifications:
                e.requiredCertifications = try r.strings().map { text throws(JSONReader.Failure) in
                    guard let kind = CertificationKind(rawValue: text) else { throw r.fail("requiredCertifications: \(text) is not a certification kind") }
                    return kind
                }
            case K.participants:
                try r.array { r throws(JSONReader.Failure) in
                    var artisan: EntityID?
                    var p = ExhibitionParticipant(artisan: EntityID(.artisan, 1))
                    try r.object { r, key throws(JSONReader.Failure) in
                        if r.null() { return }
                        switch key {
                        case K.artisan: artisan = try r.entityID()
                        case K.booth: p.booth = try r.string()
                        case K.curation: p.curation = try r.choice(K.curationValues)
                        case K.curationNote: p.curationNote = try r.string()
                        case K.products: p.products = try r.strings()
                        case K.staff: p.staff = try r.strings()
                        case K.sales: p.sales = try r.money()
                        case K.transactions: p.transactions = try r.count()
                        case K.leads: p.leads = try r.count()
                        default: try r.keepUnknown(key, in: &p.unknownMembers)
                        }
                    }
                    guard let artisan, artisan.kind == .artisan else { throw r.fail("participant without an artisan id") }
                    p.artisan = artisan
                    e.participants.append(p)
                }
            default: try r.keepUnknown(key, in: &e.unknownMembers)
            }
        }
        guard let id, id.kind == .exhibition else { throw r.fail("missing or wrong exhibition id") }
        guard let name, let level, let start, let end else {
            throw r.fail("\(id): missing one of name, level, start, end")
        }
        e.id = id
        guard rev >= 1 else { throw r.fail("\(id): no revision (\"rev\":1 or more)") }
        e.rev = rev
        e.name = name
        e.level = level
        e.start = start
        e.end = end
        return e
    }
}

/// Member names (and enum values) this file reads, packed once; each reader takes a reference
/// (`let K = Keys.shared`) so matching costs no lazy-global check per key.
private final class Keys: Sendable {
    let artisan: JSONKey = "artisan"
    let booth: JSONKey = "booth"
    let boothCost: JSONKey = "boothCost"
    let city: JSONKey = "city"
    let country: JSONKey = "country"
    let curation: JSONKey = "curation"
    let curationNote: JSONKey = "curationNote"
    let end: JSONKey = "end"
    let id: JSONKey = "id"
    let leads: JSONKey = "leads"
    let level: JSONKey = "level"
    let name: JSONKey = "name"
    let organiser: JSONKey = "organiser"
    let partners: JSONKey = "partners"
    let participants: JSONKey = "participants"
    let payer: JSONKey = "payer"
    let products: JSONKey = "products"
    let requiredCertifications: JSONKey = "requiredCertifications"
    let rev: JSONKey = "rev"
    let sales: JSONKey = "sales"
    let staff: JSONKey = "staff"
    let start: JSONKey = "start"
    let status: JSONKey = "status"
    let transactions: JSONKey = "transactions"
    let venue: JSONKey = "venue"
    let exhibitionLevelValues = ChoiceTable(ExhibitionLevel.self)
    let boothPayerValues = ChoiceTable(BoothPayer.self)
    let exhibitionStatusValues = ChoiceTable(ExhibitionStatus.self)
    let curationValues = ChoiceTable(Curation.self)
    static let shared = Keys()
}
