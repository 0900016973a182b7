/// Validation of whole records: every problem is returned, each with its field. References to
/// other records are checked against `Dataset` by the commands, not here.
public enum Validation {
    public static func check(_ a: Artisan) -> [FieldError] {
        var c = Checker()
        c.required("name", a.name, max: 120)
        switch Phone.normalise(a.phone) {
        case .success: break
        case .failure(let problem): c.fail("phone", a.phone.trimmingSpaces.isEmpty ? .required : .phone(problem))
        }
        if let email = a.email, !email.isEmpty, !looksLikeEmail(email) { c.fail("email", .invalidEmail(email)) }
        if a.kelurahan.isEmpty { c.fail("kelurahan", .required) }
        else if Wilayah.kelurahan(code: a.kelurahan) == nil { c.fail("kelurahan", .unknownKelurahan(a.kelurahan)) }
        c.required("business", a.business, max: 160)
        for field in ArtisanTextField.ordered {
            guard let value = a[text: field] else { continue }
            c.optional(field.rawValue, value, max: field.rule.maxLength)
            if let problem = field.problem(with: value) { c.fail(field.rawValue, problem) }
        }
        c.digits("nib", a.nib, count: 13)
        c.digits("kbli", a.kbli, count: 5)
        c.digits("nik", a.nik, count: 16)
        c.nonNegative("workers", a.workers)
        for (i, product) in a.products.enumerated() {
            c.required("products[\(i + 1)].name", product.name, max: 160)
            c.money("products[\(i + 1)].price", product.price)
        }
        for (i, cert) in a.certifications.enumerated() {
            c.range("certifications[\(i + 1)].issued", cert.issued, "certifications[\(i + 1)].validUntil", cert.validUntil)
        }
        c.optional("notes", a.notes, max: 4000)
        return c.errors
    }

    public static func check(_ s: BimtekSession) -> [FieldError] {
        var c = Checker()
        c.required("title", s.title, max: 200)
        c.required("organiser", s.organiser, max: 160)
        c.required("venue", s.venue, max: 200)
        c.range("start", s.start, "end", s.end)
        for day in s.meetingDays where day < s.start || day > s.end {
            c.fail("meetingDays", .dayOutsideRange(day))
        }
        if let capacity = s.capacity, capacity <= 0 { c.fail("capacity", .notPositive) }
        else if let capacity = s.capacity, capacity > 100_000 { c.fail("capacity", .invalidNumber(String(capacity))) }
        if let grace = s.graceMinutes, grace < 0 { c.fail("graceMinutes", .negative) }
        else if let grace = s.graceMinutes, grace > 24 * 60 { c.fail("graceMinutes", .invalidNumber(String(grace))) }
        if let min = s.certificateMinDays, min <= 0 { c.fail("certificateMinDays", .notPositive) }
        else if let min = s.certificateMinDays, min > 366 { c.fail("certificateMinDays", .invalidNumber(String(min))) }
        var seen = Set<EntityID>()
        for (i, p) in s.participants.enumerated() where !seen.insert(p.artisan).inserted {
            c.fail("participants[\(i + 1)]", .duplicate(p.artisan.description))
        }
        return c.errors
    }

    public static func check(_ e: Exhibition) -> [FieldError] {
        var c = Checker()
        c.required("name", e.name, max: 200)
        c.range("start", e.start, "end", e.end)
        c.money("boothCost", e.boothCost)
        var seen = Set<EntityID>()
        var booths: [String: EntityID] = [:]
        for (i, p) in e.participants.enumerated() {
            if !seen.insert(p.artisan).inserted { c.fail("participants[\(i + 1)]", .duplicate(p.artisan.description)) }
            c.money("participants[\(i + 1)].sales", p.sales)
            c.nonNegative("participants[\(i + 1)].transactions", p.transactions)
            if let booth = p.booth?.trimmingSpaces, !booth.isEmpty, p.curation.isActive {
                let key = Booth.normalise(booth)
                if booths[key] != nil { c.fail("participants[\(i + 1)].booth", .duplicate(booth)) }
                booths[key] = p.artisan
            }
        }
        // Each amount may be possible and their total not (a planted line): refused as one.
        c.money("sales", e.totalSales)
        return c.errors
    }

    static func looksLikeEmail(_ text: String) -> Bool {
        // One "@" with something before it, a dot inside the part after it, no spaces.
        let bytes = Array(text.utf8)
        guard let at = bytes.firstIndex(of: 0x40), at > 0, bytes.lastIndex(of: 0x40) == at, !bytes.contains(0x20) else { return false }
        let domain = bytes[(at + 1)...]
        return domain.contains(0x2E) && domain.first != 0x2E && domain.last != 0x2E
    }
}
