import KriyaText

/// The same person registered twice: the one thing a registry must not let slip. A phone (in
/// any spelling: compared once normalised), an NIB or a NIK identifies a person; the same name
/// in the same kelurahan only suggests one.
extension Dataset {
    /// The stored artisan (archived ones too) who already has `a`'s phone, NIB or NIK, and
    /// which of them matched.
    /// One pass over the artisans comparing stored (normalised) values: about a millisecond
    /// at 100k, once per artisan registered by hand.
    public func sameIdentity(as a: Artisan, except: EntityID? = nil) -> (artisan: Artisan, field: String)? {
        let phone = Self.phoneKey(a.phone)
        for other in artisans.items where other.id != except && other.id != a.id {
            if !phone.isEmpty, other.phone == phone || (!other.phone.hasPrefix("+") && Self.phoneKey(other.phone) == phone) {
                return (other, "phone")
            }
            if let nib = a.nib, !nib.isEmpty, other.nib == nib { return (other, "nib") }
            if let nik = a.nik, !nik.isEmpty, other.nik == nik { return (other, "nik") }
        }
        return nil
    }

    /// Stored artisans with the same name (case and accents aside) in the same kelurahan.
    public func sameNameAndPlace(as a: Artisan) -> [Artisan] {
        let name = Fold.string(a.name.trimmingSpaces)
        guard !name.isEmpty else { return [] }
        return artisans.items.filter { $0.id != a.id && $0.kelurahan == a.kelurahan && Fold.string($0.name) == name }
    }

    /// Artisans already stored who share a phone, an NIB or a NIK: each group once, by field.
    public func likelyDuplicates() -> [(field: String, ids: [EntityID])] {
        var groups: [String: [EntityID]] = [:]
        for a in artisans.items {
            let phone = Self.phoneKey(a.phone)
            if !phone.isEmpty { groups["phone " + phone, default: []].append(a.id) }
            if let nib = a.nib, !nib.isEmpty { groups["nib " + nib, default: []].append(a.id) }
            if let nik = a.nik, !nik.isEmpty { groups["nik " + nik, default: []].append(a.id) }
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
