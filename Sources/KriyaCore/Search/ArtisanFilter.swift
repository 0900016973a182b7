/// Narrowing a list of artisans by kecamatan, category, certification and archive state.
public struct ArtisanFilter: Sendable, Equatable {
    public var kecamatan: String?              // kecamatan code
    public var category: CraftCategory?
    public var certification: CertificationKind?
    public var includeArchived = false

    public init(kecamatan: String? = nil, category: CraftCategory? = nil,
                certification: CertificationKind? = nil, includeArchived: Bool = false) {
        self.kecamatan = kecamatan
        self.category = category
        self.certification = certification
        self.includeArchived = includeArchived
    }

    public var isEmpty: Bool { kecamatan == nil && category == nil && certification == nil }

    public func matches(_ a: Artisan) -> Bool {
        if a.archived && !includeArchived { return false }
        if let kecamatan, a.kecamatanCode != kecamatan { return false }
        if let category, a.category != category { return false }
        if let certification, !a.holds(certification) { return false }
        return true
    }
}

/// Narrowing sessions and exhibitions by status and dates.
public struct EventFilter: Sendable, Equatable {
    public var from: CivilDate?
    public var to: CivilDate?
    public var sessionStatus: SessionStatus?
    public var exhibitionStatus: ExhibitionStatus?

    public init(from: CivilDate? = nil, to: CivilDate? = nil, sessionStatus: SessionStatus? = nil,
                exhibitionStatus: ExhibitionStatus? = nil) {
        self.from = from
        self.to = to
        self.sessionStatus = sessionStatus
        self.exhibitionStatus = exhibitionStatus
    }

    /// True when the range start…end touches the filter's dates.
    func overlaps(_ start: CivilDate, _ end: CivilDate) -> Bool {
        if let from, end < from { return false }
        if let to, start > to { return false }
        return true
    }

    public func matches(_ s: BimtekSession) -> Bool {
        if let sessionStatus, s.status != sessionStatus { return false }
        return overlaps(s.start, s.end)
    }

    public func matches(_ e: Exhibition) -> Bool {
        if let exhibitionStatus, e.status != exhibitionStatus { return false }
        return overlaps(e.start, e.end)
    }
}
