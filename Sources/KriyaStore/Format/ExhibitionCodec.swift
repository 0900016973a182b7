import KriyaCore

/// Exhibition records as JSON; participants (booths, curation, sales) are nested.
enum ExhibitionCodec {
    static func write(_ e: Exhibition, _ w: inout JSONWriter) {
        w.member("id", e.id.description)
        w.member("rev", e.rev as Int?)
        w.member("name", e.name)
        w.member("level", e.level as ExhibitionLevel?)
        w.member("organiser", e.organiser)
        w.member("venue", e.venue)
        w.member("city", e.city)
        w.member("country", e.country)
        w.member("start", e.start.iso)
        w.member("end", e.end.iso)
        w.member("boothCost", e.boothCost)
        w.member("payer", e.payer)
        w.member("status", e.status as ExhibitionStatus?)
        w.key("participants")
        w.beginArray()
        for p in e.participants {
            w.beginObject()
            w.member("artisan", p.artisan.description)
            w.member("booth", p.booth)
            w.member("curation", p.curation as Curation?)
            w.member("products", strings: p.products)
            w.member("staff", strings: p.staff)
            w.member("sales", p.sales)
            w.member("transactions", p.transactions)
            w.member("leads", p.leads)
            w.endObject()
        }
        w.endArray()
    }

    static func read(_ r: inout JSONReader) throws(JSONReader.Failure) -> Exhibition {
        var id: EntityID?, rev = 0, name: String?, level: ExhibitionLevel?, start: CivilDate?, end: CivilDate?
        let placeholder = CivilDate(dayNumber: 0)
        var e = Exhibition(id: EntityID(.exhibition, 1), name: "", level: .lokal, start: placeholder, end: placeholder)
        try r.object { r, key throws(JSONReader.Failure) in
            if r.null() { return }
            switch key {
            case K.id: id = try r.entityID()
            case K.rev: rev = try r.int()
            case K.name: name = try r.string()
            case K.level: level = try r.choice(ExhibitionLevel.self)
            case K.organiser: e.organiser = try r.string()
            case K.venue: e.venue = try r.string()
            case K.city: e.city = try r.string()
            case K.country: e.country = try r.string()
            case K.start: start = try r.date()
            case K.end: end = try r.date()
            case K.boothCost: e.boothCost = try r.int64()
            case K.payer: e.payer = try r.choice(BoothPayer.self)
            case K.status: e.status = try r.choice(ExhibitionStatus.self)
            case K.participants:
                try r.array { r throws(JSONReader.Failure) in
                    var artisan: EntityID?
                    var p = ExhibitionParticipant(artisan: EntityID(.artisan, 1))
                    try r.object { r, key throws(JSONReader.Failure) in
                        if r.null() { return }
                        switch key {
                        case K.artisan: artisan = try r.entityID()
                        case K.booth: p.booth = try r.string()
                        case K.curation: p.curation = try r.choice(Curation.self)
                        case K.products: p.products = try r.strings()
                        case K.staff: p.staff = try r.strings()
                        case K.sales: p.sales = try r.int64()
                        case K.transactions: p.transactions = try r.int()
                        case K.leads: p.leads = try r.int()
                        default: try r.skipValue()
                        }
                    }
                    guard let artisan, artisan.kind == .artisan else { throw r.fail("participant without an artisan id") }
                    p.artisan = artisan
                    e.participants.append(p)
                }
            default: try r.skipValue()
            }
        }
        guard let id, id.kind == .exhibition else { throw r.fail("missing or wrong exhibition id") }
        guard let name, let level, let start, let end else {
            throw r.fail("\(id): missing one of name, level, start, end")
        }
        e.id = id
        e.rev = rev
        e.name = name
        e.level = level
        e.start = start
        e.end = end
        return e
    }
}

/// Member names this file reads, packed once (see `JSONKey`).
private enum K {
    static let artisan: JSONKey = "artisan"
    static let booth: JSONKey = "booth"
    static let boothCost: JSONKey = "boothCost"
    static let city: JSONKey = "city"
    static let country: JSONKey = "country"
    static let curation: JSONKey = "curation"
    static let end: JSONKey = "end"
    static let id: JSONKey = "id"
    static let leads: JSONKey = "leads"
    static let level: JSONKey = "level"
    static let name: JSONKey = "name"
    static let organiser: JSONKey = "organiser"
    static let participants: JSONKey = "participants"
    static let payer: JSONKey = "payer"
    static let products: JSONKey = "products"
    static let rev: JSONKey = "rev"
    static let sales: JSONKey = "sales"
    static let staff: JSONKey = "staff"
    static let start: JSONKey = "start"
    static let status: JSONKey = "status"
    static let transactions: JSONKey = "transactions"
    static let venue: JSONKey = "venue"
}
