extension Artisan {
    /// Trims the names, normalises the phone (keeping it as typed) and checks every field.
    /// The store runs this on every save; the importer runs it ahead, on every core.
    public mutating func prepareForSaving() -> [FieldError] {
        name = name.trimmingSpaces
        // The business name and the typed phone are packed: set together, packed once (and not
        // at all when neither changes), not once per property.
        let trimmedBusiness = business.trimmingSpaces
        var repacked: ArtisanDetails?
        if case .success(let normalised) = Phone.normalise(phone) {
            // A mobile number is shown the office's way (`Phone.display`) whatever its spelling
            // when typed, so the spelling is not kept.
            phone = normalised
            if phoneTyped != nil {
                repacked = details
                repacked?.phoneTyped = nil
            }
        }
        if let repacked { set(business: trimmedBusiness, details: repacked) } else if trimmedBusiness != business { business = trimmedBusiness }
        return Validation.check(self)
    }
}
