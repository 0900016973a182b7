/// Everything the council keeps, in memory: the state that commands are checked against.
public struct Dataset: Sendable {
    public var artisans = RecordTable<Artisan>()
    public var sessions = RecordTable<BimtekSession>()
    public var exhibitions = RecordTable<Exhibition>()
    /// The council itself: its board's terms and members, and its partners.
    public var terms = RecordTable<Term>()
    public var members = RecordTable<BoardMember>()
    public var partners = RecordTable<Partner>()

    public init() {}

    public var isEmpty: Bool {
        artisans.count == 0 && sessions.count == 0 && exhibitions.count == 0
            && terms.count == 0 && members.count == 0 && partners.count == 0
    }

    /// Whether any record's id names an office (`A-3573-000123`).
    public var namesAnOffice: Bool {
        artisans.items.contains { $0.id.office != 0 } || sessions.items.contains { $0.id.office != 0 }
            || exhibitions.items.contains { $0.id.office != 0 } || terms.items.contains { $0.id.office != 0 }
            || members.items.contains { $0.id.office != 0 } || partners.items.contains { $0.id.office != 0 }
    }

    /// Whether anything of the council (terms, members, partners) is kept.
    public var hasCouncil: Bool { terms.count + members.count + partners.count > 0 }

    /// Applies the records of a change (the journal replays through here too).
    public mutating func commit(_ change: Change) {
        for a in change.artisans { artisans.merge(a) }
        for s in change.sessions { sessions.merge(s) }
        for e in change.exhibitions { exhibitions.merge(e) }
        for t in change.terms { terms.merge(t) }
        for m in change.members { members.merge(m) }
        for r in change.partners { partners.merge(r) }
        // Many at once (an import taken back) in one pass; one by one otherwise.
        if change.deleted.count > 16 {
            artisans.remove(Set(change.deleted.filter { $0.kind == .artisan }))
            sessions.remove(Set(change.deleted.filter { $0.kind == .session }))
            exhibitions.remove(Set(change.deleted.filter { $0.kind == .exhibition }))
            for id in change.deleted where ![.artisan, .session, .exhibition].contains(id.kind) { remove(id) }
            return
        }
        for id in change.deleted { remove(id) }
    }

    private mutating func remove(_ id: EntityID) {
        switch id.kind {
        case .artisan: artisans.remove(id)
        case .session: sessions.remove(id)
        case .exhibition: exhibitions.remove(id)
        case .term: terms.remove(id)
        case .member: members.remove(id)
        case .partner: partners.remove(id)
        }
    }

    /// Keeps `id`'s number from being handed out again.
    public mutating func reserve(upTo id: EntityID) {
        switch id.kind {
        case .artisan: artisans.reserve(upTo: id.number)
        case .session: sessions.reserve(upTo: id.number)
        case .exhibition: exhibitions.reserve(upTo: id.number)
        case .term: terms.reserve(upTo: id.number)
        case .member: members.reserve(upTo: id.number)
        case .partner: partners.reserve(upTo: id.number)
        }
    }

    /// The highest id number used per kind (deleted records included).
    public var idHighWater: [EntityID.Kind: Int] {
        [.artisan: artisans.maxNumber, .session: sessions.maxNumber, .exhibition: exhibitions.maxNumber,
         .term: terms.maxNumber, .member: members.maxNumber, .partner: partners.maxNumber]
    }

    /// What a record is called: an artisan's name, a session's title, an exhibition's name.
    public func title(of id: EntityID) -> String? {
        switch id.kind {
        case .artisan: return artisans[id]?.name
        case .session: return sessions[id]?.title
        case .exhibition: return exhibitions[id]?.name
        case .term: return terms[id]?.name
        case .member: return members[id]?.name
        case .partner: return partners[id]?.name
        }
    }

    /// Sessions an artisan took part in, newest first. Drawn with every artisan's detail, so at
    /// every key: the records are looked into in place (`filter` on the records themselves
    /// copied each one, every string and list of it retained, for the few that match).
    public func sessions(of artisan: EntityID) -> [BimtekSession] {
        let items = sessions.items
        return items.indices.filter { i in items[i].participants.contains { $0.artisan == artisan } }
            .map { items[$0] }.sorted { $0.start > $1.start }
    }

    /// Exhibitions an artisan was put forward for, newest first.
    public func exhibitions(of artisan: EntityID) -> [Exhibition] {
        let items = exhibitions.items
        return items.indices.filter { i in items[i].participants.contains { $0.artisan == artisan } }
            .map { items[$0] }.sorted { $0.start > $1.start }
    }
}

/// The records one command writes, plus what the audit trail says about it.
public struct Change: Sendable, Equatable {
    public var artisans: [Artisan] = []
    public var sessions: [BimtekSession] = []
    public var exhibitions: [Exhibition] = []
    public var terms: [Term] = []
    public var members: [BoardMember] = []
    public var partners: [Partner] = []
    /// Records removed for good (a delete, or undoing an add).
    public var deleted: [EntityID] = []
    /// The command's name, e.g. `add-artisan`.
    public var command: String
    /// The ids the change is about.
    public var targets: [EntityID] = []
    /// Field by field, what changed (empty fields are "").
    public var fields: [FieldChange] = []
    /// Free text for the audit, e.g. "hadir 08:12 on 2026-12-01".
    public var detail: String?

    public init(command: String) { self.command = command }
}

public struct FieldChange: Hashable, Sendable, Codable {
    public var field: String
    public var from: String
    public var to: String
    public init(field: String, from: String, to: String) {
        self.field = field
        self.from = from
        self.to = to
    }

    /// Whether people are shown this change: how a phone was typed goes with the phone itself.
    public var isShown: Bool { field != "id" && field != "phoneTyped" }

    /// A stored value as people read it, as the forms show it: a kelurahan code by its name, a
    /// category key by its label, statuses and choices in the user's words, dates as dates,
    /// money in Rupiah, a record by its name (`name`, given the data); "—" for nothing. A list
    /// (stored joined by "; ") is read item by item.
    public static func shown(_ field: String, _ value: String, _ lang: Lang, name: (EntityID) -> String? = { _ in nil }) -> String {
        if value.isEmpty { return "—" }
        if value.contains("; ") {
            return value.components(separatedBy: "; ").map { shown(field, $0, lang, name: name) }.joined(separator: ", ")
        }
        func choice<E: RawRepresentable>(_ type: E.Type) -> String? where E.RawValue == String { E(rawValue: value).map { L10n.value($0, lang) } }
        switch field {
        case "phone": return Phone.display(value)
        case "kelurahan": return Wilayah.kelurahan(code: value)?.name ?? value
        case "category": return CraftCategory(rawValue: value)?.label(lang) ?? value
        // A partner's kind or a session's, as the forms name them.
        case "kind": return choice(PartnerKind.self) ?? choice(SessionKind.self) ?? value
        case "status": return choice(SessionStatus.self) ?? choice(ExhibitionStatus.self) ?? value
        case "level": return choice(ExhibitionLevel.self) ?? value
        case "payer": return choice(BoothPayer.self) ?? value
        case "scale": return choice(BusinessScale.self) ?? value
        case "boothCost", "sales", "price": return Int64(value).map(Rupiah.format) ?? value
        default: break
        }
        if let day = CivilDate.parseISO(value) { return day.short(lang) }
        // A record named by its id: its name first ("Universitas Brawijaya (R-000001)").
        if let id = EntityID(value), let title = name(id) { return "\(title) (\(id))" }
        return value
    }
}

/// Who is acting and when, as the caller knows it (the core reads no clock).
public struct CommandContext: Sendable {
    public var user: String
    public var today: CivilDate
    public var time: ClockTime
    /// The office registering new records (`EntityID.office`): 0 for none.
    public var office: Int
    public init(user: String, today: CivilDate, time: ClockTime, office: Int = 0) {
        self.user = user
        self.today = today
        self.time = time
        self.office = office
    }
}

public enum CommandError: Error, Equatable, Sendable {
    case invalid([FieldError])
    case notFound(EntityID)
    case conflict(EntityID, base: Int, current: Int)
    case alreadyEnrolled(EntityID, in: EntityID)
    case notEnrolled(EntityID, in: EntityID)
    case notAMeetingDay(CivilDate, of: EntityID)
    /// A record others refer to cannot be deleted (archive it instead).
    case referenced(EntityID, sessions: Int, exhibitions: Int)
    /// Outreach (sosialisasi) gives no certificates unless the session says otherwise.
    case noCertificates(EntityID)
    /// An artisan who is (or was) on the board: the member's record points to theirs.
    case linkedToBoard(EntityID, member: EntityID)
    /// A term that still has members on its board cannot be deleted.
    case termHasMembers(EntityID, Int)
    /// A session or exhibition with participants cannot be deleted (their history goes with it).
    case hasParticipants(EntityID, Int)
    /// A second check-in of the same person on the same day (another door got there first).
    case alreadyCheckedIn(EntityID, time: ClockTime?, by: String?)
    /// An import's new row is someone a colleague saved after the file was read.
    case addedMeanwhile(EntityID, name: String)
    /// A mark on a meeting day that has not begun yet.
    case dayNotBegun(CivilDate, of: EntityID)
    /// Someone on the session's waitlist checked in without being moved up.
    case onWaitlist(EntityID, in: EntityID)
    /// A new artisan whose phone, NIB or NIK already belongs to someone (`field` says which).
    case duplicate(EntityID, name: String, field: String)
    /// A booth already given to another artisan of the delegation.
    case boothTaken(String, by: EntityID, name: String)
    /// Sales recorded before the fair's first day.
    case fairNotBegun(EntityID, starts: CivilDate)
    /// An amount that cannot be a fair's sales: under Rp1.000, or under Rp1.000 a transaction.
    case implausibleSales(Int64, transactions: Int)
    /// Merging a record that was merged before, or a record with itself.
    case alreadyMerged(EntityID, into: EntityID)
    /// The door on an earlier meeting day: a mark then is a correction.
    case dayPast(CivilDate, of: EntityID)
    /// The door on today's meeting day after it was closed.
    case dayClosed(CivilDate, of: EntityID)
    /// A correction (a past or closed day) without a reason.
    case reasonRequired(CivilDate, of: EntityID, closed: Bool)
    /// Someone let in at the door of a full session without the door asking.
    case sessionFull(EntityID, enrolled: Int, capacity: Int)

    /// The label of a field a duplicate was found by.
    public static func fieldLabel(_ field: String) -> TextKey {
        switch field {
        case "nib": return .fNIB
        case "nik": return .fNIK
        case "name": return .fNameAndPlace
        case "business": return .fNameAndBusiness
        default: return .fPhone
        }
    }

    public func message(_ lang: Lang) -> String {
        switch self {
        case .invalid(let errors):
            return ([L10n.text(.eInvalid, lang)] + errors.map { "  \($0.field): \(L10n.problem($0.problem, lang))" })
                .joined(separator: "\n")
        case .notFound(let id): return L10n.text(.eNotFound, lang, id)
        case .conflict(let id, let base, let current): return L10n.text(.eConflict, lang, id, base, current)
        case .alreadyEnrolled(let a, let s): return L10n.text(.eAlreadyEnrolled, lang, a, s)
        case .notEnrolled(let a, let s): return L10n.text(.eNotEnrolled, lang, a, s)
        case .notAMeetingDay(let d, let s): return L10n.text(.eNotAMeetingDay, lang, d.numeric, s)
        case .referenced(let id, let s, let e): return L10n.text(id.kind == .artisan ? .eReferenced : .eNamedBy, lang, id, s, e)
        case .noCertificates(let id): return L10n.text(.eNoCertificates, lang, id)
        case .linkedToBoard(let id, let m): return L10n.text(.eLinkedToBoard, lang, id, m)
        case .termHasMembers(let id, let n): return L10n.text(.eTermHasMembers, lang, id, n)
        case .hasParticipants(let id, let n): return L10n.text(.eHasParticipants, lang, id, n)
        case .alreadyCheckedIn(let id, let time, let by): return L10n.text(.eAlreadyCheckedIn, lang, id, time?.description ?? "?", by ?? "?")
        case .addedMeanwhile(let id, let name): return L10n.text(.eAddedMeanwhile, lang, id, name)
        case .dayNotBegun(let d, let s): return L10n.text(.eDayNotBegun, lang, d.numeric, s)
        case .onWaitlist(let a, let s): return L10n.text(.eOnWaitlist, lang, a, s)
        case .duplicate(let id, let name, let field): return L10n.text(.eDuplicate, lang, L10n.text(Self.fieldLabel(field), lang), id, name)
        case .boothTaken(let booth, let id, let name): return L10n.text(.eBoothTaken, lang, booth, name, id)
        case .fairNotBegun(let id, let starts): return L10n.text(.eFairNotBegun, lang, id, starts.numeric)
        case .implausibleSales(let sales, let trx): return L10n.text(.eImplausibleSales, lang, Rupiah.format(sales), trx)
        case .alreadyMerged(let id, let into): return L10n.text(.eAlreadyMerged, lang, id, into)
        case .dayPast(let d, let s): return L10n.text(.eDayPast, lang, d.numeric, s)
        case .dayClosed(let d, let s): return L10n.text(.eDayClosed, lang, d.numeric, s)
        case .reasonRequired(let d, let s, let closed): return L10n.text(closed ? .eReasonRequiredClosed : .eReasonRequired, lang, d.numeric, s)
        case .sessionFull(let s, let n, let capacity): return L10n.text(.eSessionFull, lang, s, n, capacity)
        }
    }
}

extension Dataset {
    /// The sessions an artisan can still be enrolled in on `today`: not over, not cancelled or
    /// closed, and not already theirs (a withdrawal may enrol again); soonest first.
    public func sessionsOpen(to artisan: EntityID, today: CivilDate) -> [BimtekSession] {
        sessions.items.filter { s in
            s.end >= today && [.planned, .ongoing].contains(s.status(on: today))
                && !s.participants.contains { $0.artisan == artisan && $0.enrolment != .cancelled }
        }.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
    }
}
