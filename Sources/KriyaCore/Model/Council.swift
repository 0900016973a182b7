/// A term of the council's board (periode kepengurusan), e.g. 2018–2023: the board is
/// inaugurated for it (pelantikan), and the current term is the one whose dates hold today.
public struct Term: Hashable, Sendable, Codable {
    public var id: EntityID
    public var rev: Int = 0
    /// As the office writes it: "2018–2023".
    public var name: String
    public var start: CivilDate
    public var end: CivilDate
    /// The day the board was sworn in (often a few weeks into the term).
    public var inaugurated: CivilDate?
    /// The decree (SK) that appointed the board.
    public var decree: String?
    public var notes: String?
    /// Members a newer Kriya wrote that this one does not know, kept word for word.
    public var unknownMembers: String?

    enum CodingKeys: String, CodingKey { case id, rev, name, start, end, inaugurated, decree, notes }

    public init(id: EntityID, name: String, start: CivilDate, end: CivilDate) {
        self.id = id
        self.name = name
        self.start = start
        self.end = end
    }

    public func holds(_ day: CivilDate) -> Bool { start <= day && day <= end }
}

/// One seat on a term's board (pengurus): a person in a position, from the term's start (or
/// `from`, someone who joined later) to its end (or `until`, someone who left mid-term).
/// Someone who serves two terms has a seat in each.
public struct BoardMember: Hashable, Sendable, Codable {
    public var id: EntityID
    public var rev: Int = 0
    public var term: EntityID
    public var name: String
    /// From `BoardPosition.known`, or one the office added by typing it.
    public var position: String
    /// The field (bidang) a head of field or member works in: "Pelatihan", "Pemasaran".
    public var field: String?
    /// Normalised `+62…`; `phoneTyped` keeps it as typed.
    public var phone: String?
    public var phoneTyped: String?
    /// The member's own artisan record, when they are a pelaku IKM too.
    public var artisan: EntityID?
    public var from: CivilDate?
    public var until: CivilDate?
    public var notes: String?
    public var unknownMembers: String?

    enum CodingKeys: String, CodingKey {
        case id, rev, term, name, position, field, phone, phoneTyped, artisan, from, until, notes
    }

    public init(id: EntityID, term: EntityID, name: String, position: String) {
        self.id = id
        self.term = term
        self.name = name
        self.position = position
    }

    /// Whether the member holds the seat on `day` of `term` (their own dates inside it).
    public func serves(on day: CivilDate, in term: Term) -> Bool {
        (from ?? term.start) <= day && day <= (until ?? term.end)
    }

    public var phoneShown: String? { phone.map { $0.hasPrefix("+628") ? Phone.display($0) : phoneTyped ?? Phone.national($0) } }
}

/// The positions of a Dekranasda board, in the order a board list is read. The office may
/// use others (typed in the form); those sort before Anggota.
public enum BoardPosition {
    public static let known = [
        "Ketua", "Wakil Ketua", "Ketua Harian", "Sekretaris", "Wakil Sekretaris", "Bendahara",
        "Wakil Bendahara", "Ketua Bidang", "Sekretaris Bidang", "Anggota",
    ]
    public static let chair = "Ketua"

    /// Where a position comes in a board list.
    public static func rank(_ position: String) -> Int {
        let folded = position.trimmingSpaces.lowercased()
        if let i = known.firstIndex(where: { $0.lowercased() == folded }) { return i }
        return known.count - 1   // before Anggota, which is last
    }
}

/// Someone the council works with: a university, a city department (Perangkat Daerah), a
/// company, an association.
public struct Partner: Hashable, Sendable, Codable {
    public var id: EntityID
    public var rev: Int = 0
    public var name: String
    public var kind: PartnerKind
    public var contact: String?
    public var phone: String?
    public var phoneTyped: String?
    /// People of the partner who teach (lecturers, officials): offered as trainers.
    public var people: [String] = []
    public var notes: String?
    public var unknownMembers: String?

    enum CodingKeys: String, CodingKey { case id, rev, name, kind, contact, phone, phoneTyped, people, notes }

    public init(id: EntityID, name: String, kind: PartnerKind) {
        self.id = id
        self.name = name
        self.kind = kind
    }

    public var phoneShown: String? { phone.map { $0.hasPrefix("+628") ? Phone.display($0) : phoneTyped ?? Phone.national($0) } }
}

public enum PartnerKind: String, Sendable, Codable, CaseIterable {
    case universitas, perangkatDaerah = "perangkat_daerah", perusahaan, asosiasi, lainnya
}

/// What a session is: training (pelatihan, with certificates) or outreach (sosialisasi:
/// attendance only, no certificates unless asked for).
public enum SessionKind: String, Sendable, Codable, CaseIterable { case pelatihan, sosialisasi }

extension Term: Record {}
extension BoardMember: Record {}
extension Partner: Record {}
