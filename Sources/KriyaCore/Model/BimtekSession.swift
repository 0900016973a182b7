/// A Bimtek (bimbingan teknis) course: one or more meeting days, enrolled artisans, attendance.
public struct BimtekSession: Hashable, Sendable, Codable {
    public var id: EntityID
    public var rev: Int = 0
    public var title: String
    public var topic: String?
    public var organiser: String
    /// Training (the default) or outreach.
    public var kind: SessionKind = .pelatihan
    /// A partner typed as text (older records, or one not in the partner list).
    public var partner: String?
    /// Partners from the list (`R-…`) the session is run with.
    public var partners: [EntityID] = []
    /// Trainers typed as text (not board members or artisans on record).
    public var trainers: [String] = []
    /// Trainers picked from the records: board members (`M-…`) and artisans (`A-…`).
    public var trainerRefs: [EntityID] = []
    public var venue: String
    public var start: CivilDate
    public var end: CivilDate
    /// The days the course meets; empty means every day from start to end.
    public var meetingDays: [CivilDate] = []
    /// When a meeting day starts; check-ins after it plus the grace period count as late.
    public var startTime: ClockTime?
    public var graceMinutes: Int?
    public var capacity: Int?
    public var funding: String?
    public var status: SessionStatus = .planned
    /// How many meeting days a participant must attend for a certificate; nil means all.
    public var certificateMinDays: Int?
    /// Whether participants get certificates; nil means as the kind says (training yes,
    /// outreach no).
    public var certificates: Bool?
    /// Meeting days whose door was closed (F6 at the door): absentees marked alpa, and
    /// from then on a mark that day is a correction (an editor's, with a reason).
    public var closedDays: [CivilDate] = []
    public var participants: [SessionParticipant] = []
    /// Doors packed for this session (issue 33); stored only when there are any.
    private var doorList: [DoorRecord]?
    /// Members a newer Kriya wrote that this one does not know, kept word for word (raw JSON
    /// `"key":value` pairs, comma-separated) so that saving or compacting here never drops
    /// them. Not shown, not audited.
    public var unknownMembers: String?

    /// Every field but `unknownMembers`: scripts (`--json`) see the fields this version knows.
    enum CodingKeys: String, CodingKey {
        case id, rev, kind, title, topic, organiser, partner, partners, trainers, trainerRefs, venue, start, end
        case meetingDays, startTime, graceMinutes, capacity, funding, status, certificateMinDays, certificates
        case closedDays, participants
        case doorList = "doors"
    }

    /// The doors packed for it, out or brought back.
    public var doors: [DoorRecord] {
        get { doorList ?? [] }
        set { doorList = newValue.isEmpty ? nil : newValue }
    }

    public init(id: EntityID, title: String, organiser: String, venue: String, start: CivilDate, end: CivilDate) {
        self.id = id
        self.title = title
        self.organiser = organiser
        self.venue = venue
        self.start = start
        self.end = end
    }

    /// Whether certificates are given: as set, else training yes and outreach no.
    public var givesCertificates: Bool { certificates ?? (kind == .pelatihan) }

    /// The meeting days, or every day from start to end when none are listed.
    public var days: [CivilDate] {
        if !meetingDays.isEmpty { return meetingDays }
        guard end >= start, start.days(until: end) <= 366 else { return [start] }
        return (0...start.days(until: end)).map { start.adding(days: $0) }
    }

    /// The status as of `today`. A session moves planned → ongoing on its first meeting day (a
    /// mark at the door also stores it) → done when its last day is closed; until anyone marks
    /// attendance, "planned" reads as ongoing from the first day on, so the lists agree with
    /// the calendar. Cancelled and done stay as stored.
    public func status(on today: CivilDate) -> SessionStatus {
        guard status == .planned || status == .ongoing else { return status }
        return today >= (days.first ?? start) ? .ongoing : .planned
    }

    /// The meeting day a sheet is printed for as of `today`: today's, else the next to come,
    /// else the last (by then, the recap).
    public func dayToPrint(today: CivilDate) -> CivilDate {
        days.first { $0 >= today } ?? days.last ?? start
    }

    /// What a mark on `day` does to the stored status: the session runs; closing its last
    /// meeting day ends it.
    mutating func advanceStatus(markedOn day: CivilDate, closing: Bool) {
        guard status == .planned || status == .ongoing else { return }
        status = closing && day == days.last ? .done : .ongoing
    }

    /// Every seat taken (a session without a capacity is never full): a new participant waits,
    /// and the door asks before letting anyone in past it.
    public var isFull: Bool { capacity.map { enrolledCount >= $0 } ?? false }

    /// Participants counted against the capacity: registered, not waitlisted or cancelled.
    public var enrolledCount: Int {
        participants.filter { $0.enrolment == .registered && $0.role == .peserta }.count
    }

    public func participant(_ artisan: EntityID) -> SessionParticipant? {
        participants.first { $0.artisan == artisan }
    }

    /// Share of (registered peserta × meeting days so far) marked present or late. Today
    /// counts once someone is marked: before the door opens it is not yet 0%.
    public func attendanceRate(asOf today: CivilDate) -> Double? {
        let people = participants.filter { $0.enrolment == .registered && $0.role == .peserta }
        let pastDays = days.filter { $0 < today || ($0 == today && people.contains { $0.mark(on: today) != nil }) }
        let possible = pastDays.count * people.count
        guard possible > 0 else { return nil }
        let present = people.reduce(0) { sum, p in
            sum + p.attendance.filter { pastDays.contains($0.day) && $0.mark.countsAsPresent }.count
        }
        return Double(present) / Double(possible)
    }
}

public enum SessionStatus: String, Sendable, Codable, CaseIterable { case planned, ongoing, done, cancelled }

/// 600k of these at a million artisans: the certificate number and the unknown members
/// (both often absent) share one stored string (`TextPair`), 56 → 40 bytes.
public struct SessionParticipant: Hashable, Sendable {
    public var artisan: EntityID
    public var attendance: [Attendance] = []
    private var texts = TextPair(nil, nil)
    public var role: ParticipantRole = .peserta
    public var enrolment: Enrolment = .registered

    public init(artisan: EntityID, role: ParticipantRole = .peserta, enrolment: Enrolment = .registered) {
        self.artisan = artisan
        self.role = role
        self.enrolment = enrolment
    }

    public var certificate: String? {
        get { texts.first }
        set { texts.first = newValue }
    }

    /// Members a newer Kriya wrote that this one does not know, kept word for word (as on the
    /// record itself).
    public var unknownMembers: String? {
        get { texts.second }
        set { texts.second = newValue }
    }

    public func mark(on day: CivilDate) -> Attendance? { attendance.first { $0.day == day } }
}

public enum ParticipantRole: String, Sendable, Codable, CaseIterable { case peserta, narasumber, panitia }
public enum Enrolment: String, Sendable, Codable, CaseIterable { case registered, waitlist, cancelled }

/// One day's mark. A million artisans' sessions hold ~1.8M of these: who recorded it and the
/// note (rare) share one stored string (`TextPair`), so a mark is 32 bytes instead of 48; read
/// and written through `by` and `note` as if stored.
public struct Attendance: Hashable, Sendable {
    public var day: CivilDate
    private var signed: TextPair
    public var time: ClockTime?
    public var mark: AttendanceMark

    public init(day: CivilDate, mark: AttendanceMark, time: ClockTime? = nil, by: String? = nil, note: String? = nil) {
        self.day = day
        self.mark = mark
        self.time = time
        signed = TextPair(by, note)
    }

    /// The staff member's Unix user who recorded it.
    public var by: String? {
        get { signed.first }
        set { signed.first = newValue }
    }

    public var note: String? {
        get { signed.second }
        set { signed.second = newValue }
    }
}

extension SessionParticipant: Codable {
    enum CodingKeys: String, CodingKey { case artisan, role, enrolment, attendance, certificate }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(artisan: try c.decode(EntityID.self, forKey: .artisan), role: try c.decode(ParticipantRole.self, forKey: .role),
                  enrolment: try c.decode(Enrolment.self, forKey: .enrolment))
        attendance = try c.decode([Attendance].self, forKey: .attendance)
        certificate = try c.decodeIfPresent(String.self, forKey: .certificate)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(artisan, forKey: .artisan)
        try c.encode(role, forKey: .role)
        try c.encode(enrolment, forKey: .enrolment)
        try c.encode(attendance, forKey: .attendance)
        try c.encodeIfPresent(certificate, forKey: .certificate)
    }
}

extension Attendance: Codable {
    enum CodingKeys: String, CodingKey { case day, mark, time, by, note }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(day: try c.decode(CivilDate.self, forKey: .day), mark: try c.decode(AttendanceMark.self, forKey: .mark),
                  time: try c.decodeIfPresent(ClockTime.self, forKey: .time), by: try c.decodeIfPresent(String.self, forKey: .by),
                  note: try c.decodeIfPresent(String.self, forKey: .note))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(day, forKey: .day)
        try c.encode(mark, forKey: .mark)
        try c.encodeIfPresent(time, forKey: .time)
        let (by, note) = signed.parts
        try c.encodeIfPresent(by, forKey: .by)
        try c.encodeIfPresent(note, forKey: .note)
    }
}

public enum AttendanceMark: String, Sendable, Codable, CaseIterable {
    case hadir, terlambat, izin, sakit, alpa
    public var countsAsPresent: Bool { self == .hadir || self == .terlambat }
}
