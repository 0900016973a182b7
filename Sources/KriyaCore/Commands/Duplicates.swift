import KriyaText

/// The same person registered twice: the one thing a registry must not let slip. A phone (in
/// any spelling: compared once normalised), an NIB or a NIK identifies a person; the same name
/// in the same kelurahan only suggests one.
extension Dataset {
    /// The stored artisan (archived ones too) who already has `a`'s phone, NIB or NIK, and
    /// which of them matched.
    /// One pass over the artisans comparing stored values (phones are stored normalised),
    /// element by element in place: copying each record out of the table would cost more than
    /// the comparisons. About 1 ms at 100k (save p50 0.4 → 1.1 ms); an index kept with the
    /// table is the step for a million.
    public func sameIdentity(as a: Artisan) -> (artisan: Artisan, field: String)? {
        let phone = Self.phoneKey(a.phone)
        let nib = a.nib.flatMap { $0.isEmpty ? nil : $0 }, nik = a.nik.flatMap { $0.isEmpty ? nil : $0 }
        let items = artisans.items
        for i in items.indices {
            let field: String
            if !phone.isEmpty && items[i].phone == phone { field = "phone" }
            else if let nib, items[i].nib == nib { field = "nib" }
            else if let nik, items[i].hasNIK(nik) { field = "nik" }
            else { continue }
            guard items[i].id != a.id else { continue }
            // A record merged into another leads to the one kept.
            if let kept = items[i].mergedInto.flatMap({ artisans[$0] }) {
                if kept.id == a.id { continue }
                return (kept, field)
            }
            return (items[i], field)
        }
        return nil
    }

    /// Stored artisans with the same name (case and accents aside) in the same kelurahan.
    public func sameNameAndPlace(as a: Artisan) -> [Artisan] {
        let name = Fold.string(a.name.trimmingSpaces)
        guard !name.isEmpty else { return [] }
        return artisans.items.filter { $0.id != a.id && $0.kelurahan == a.kelurahan && Fold.string($0.name) == name }
    }

    /// Someone stored (not archived) who is likely `a` by person rather than by number: the same
    /// name (case and accents aside) in the same kelurahan ("name"), or with the same business
    /// ("business"). Asked about before a second record is made, at the door and in the form.
    public func samePerson(as a: Artisan) -> (artisan: Artisan, field: String)? {
        let name = Fold.string(a.name.trimmingSpaces)
        guard !name.isEmpty else { return nil }
        let business = Fold.string(a.business.trimmingSpaces)
        for b in artisans.items where b.id != a.id && !b.archived && Fold.string(b.name) == name {
            if b.kelurahan == a.kelurahan { return (b, "name") }
            if !business.isEmpty && Fold.string(b.business) == business { return (b, "business") }
        }
        return nil
    }

    /// Who may be the same person as `id`, to merge: a shared phone, NIB or NIK (the field
    /// named), or the same name in the same kelurahan ("name"); records merged before are left out.
    public func duplicates(of id: EntityID) -> [(artisan: Artisan, field: String)] {
        guard let a = artisans[id] else { return [] }
        let phone = Self.phoneKey(a.phone)
        var out: [(artisan: Artisan, field: String)] = []
        for b in artisans.items where b.id != id && b.mergedInto == nil {
            if !phone.isEmpty && Self.phoneKey(b.phone) == phone { out.append((b, "phone")) }
            else if let nib = a.nib, !nib.isEmpty, b.nib == nib { out.append((b, "nib")) }
            else if let nik = a.nik, !nik.isEmpty, b.hasNIK(nik) { out.append((b, "nik")) }
        }
        out += sameNameAndPlace(as: a).filter { b in b.mergedInto == nil && !out.contains { $0.artisan.id == b.id } }.map { ($0, "name") }
        return out
    }

    /// Artisans already stored who share a phone, an NIB or a NIK, or a name with a kelurahan
    /// ("name") or a business ("business"): each group once, by field.
    public func likelyDuplicates() -> [(field: String, ids: [EntityID])] {
        var groups: [String: [EntityID]] = [:]
        for a in artisans.items where a.mergedInto == nil && !a.archived {
            let phone = Self.phoneKey(a.phone)
            if !phone.isEmpty { groups["phone " + phone, default: []].append(a.id) }
            if let nib = a.nib, !nib.isEmpty { groups["nib " + nib, default: []].append(a.id) }
            if let nik = a.nik, !nik.isEmpty { groups["nik " + nik, default: []].append(a.id) }
            let name = Fold.string(a.name.trimmingSpaces)
            guard !name.isEmpty else { continue }
            groups["name " + name + "\u{1}" + a.kelurahan, default: []].append(a.id)
            let business = Fold.string(a.business.trimmingSpaces)
            if !business.isEmpty { groups["business " + name + "\u{1}" + business, default: []].append(a.id) }
        }
        return groups.filter { $0.value.count > 1 }
            .map { (field: String($0.key.prefix { $0 != " " }), ids: $0.value) }
            .sorted { $0.ids[0] < $1.ids[0] || ($0.ids[0] == $1.ids[0] && $0.field < $1.field) }
    }

    /// A phone as compared: normalised when it reads as one, digits otherwise.
    static func phoneKey(_ phone: String) -> String {
        if case .success(let n) = Phone.normalise(phone) { return n }
        return phone.filter(\.isNumber)
    }
}
