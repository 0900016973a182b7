/// A pameran: a fair the council sends artisans to, from local to international.
public struct Exhibition: Hashable, Sendable, Codable {
    public var id: EntityID
    public var rev: Int = 0
    public var name: String
    public var level: ExhibitionLevel
    public var organiser: String?
    /// Partners from the list (`R-…`): the organiser and sponsors.
    public var partners: [EntityID] = []
    public var venue: String?
    public var city: String?
    public var country: String?
    public var start: CivilDate
    public var end: CivilDate
    public var boothCost: Int64?
    public var payer: BoothPayer?
    public var status: ExhibitionStatus = .planned
    /// Certifications a fair asks of its exhibitors (a food fair: PIRT, halal); the delegation
    /// screen marks who lacks one.
    public var requiredCertifications: [CertificationKind] = []
    public var participants: [ExhibitionParticipant] = []
    /// Members a newer Kriya wrote that this one does not know, kept word for word (raw JSON
    /// `"key":value` pairs, comma-separated) so that saving or compacting here never drops
    /// them. Not shown, not audited.
    public var unknownMembers: String?

    /// Every field but `unknownMembers`: scripts (`--json`) see the fields this version knows.
    enum CodingKeys: String, CodingKey {
        case id, rev, name, level, organiser, partners, venue, city, country, start, end, boothCost, payer
        case status, requiredCertifications, participants
    }

    public init(id: EntityID, name: String, level: ExhibitionLevel, start: CivilDate, end: CivilDate) {
        self.id = id
        self.name = name
        self.level = level
        self.start = start
        self.end = end
    }

    public func participant(_ artisan: EntityID) -> ExhibitionParticipant? {
        participants.first { $0.artisan == artisan }
    }

    public var totalSales: Int64 { participants.lazy.compactMap(\.sales).clampedSum() }

    /// The required certifications `artisan` does not hold (valid on the fair's first day).
    public func missingCertifications(_ artisan: Artisan) -> [CertificationKind] {
        requiredCertifications.filter { kind in
            !artisan.certifications.contains { $0.kind == kind && ($0.validUntil.map { $0 >= start } ?? true) }
        }
    }
}

extension Exhibition {
    /// The status as of `today`, as the lists and the agenda read the dates: planned until its
    /// first day, open (berlangsung) through its last, then done; cancelled and done as stored.
    public func status(on today: CivilDate) -> ExhibitionStatus {
        guard status == .planned || status == .open else { return status }
        return today < start ? .planned : today <= end ? .open : .done
    }
}

public enum ExhibitionLevel: String, Sendable, Codable, CaseIterable { case lokal, regional, nasional, internasional }
public enum BoothPayer: String, Sendable, Codable, CaseIterable { case dekranasda, mandiri, shared }
public enum ExhibitionStatus: String, Sendable, Codable, CaseIterable { case planned, open, done, cancelled }

public struct ExhibitionParticipant: Hashable, Sendable, Codable {
    public var artisan: EntityID
    public var booth: String?
    public var curation: Curation = .proposed
    /// Why the curation came out so (a rejection's reason), as the curator said it.
    public var curationNote: String?
    public var products: [String] = []
    public var staff: [String] = []
    public var sales: Int64?
    public var transactions: Int?
    public var leads: Int?
    /// Members a newer Kriya wrote that this one does not know, kept word for word (as on the
    /// record itself).
    public var unknownMembers: String?

    enum CodingKeys: String, CodingKey { case artisan, booth, curation, curationNote, products, staff, sales, transactions, leads }

    public init(artisan: EntityID, curation: Curation = .proposed) {
        self.artisan = artisan
        self.curation = curation
    }
}

public enum Curation: String, Sendable, Codable, CaseIterable {
    case proposed, accepted, rejected, withdrawn
    /// Still going to the fair (or might be).
    public var isActive: Bool { self == .proposed || self == .accepted }
}
