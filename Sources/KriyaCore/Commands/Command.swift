/// Every change a user can make, as a value. The console's forms, the CLI and the importer all
/// build these; `Dataset.plan` checks them against the current state and says what to write.
public enum Command: Sendable, Equatable {
    /// The artisan's id and rev are assigned here; whatever they hold is ignored.
    /// A new artisan; refused when the phone, NIB or NIK already belongs to someone, unless
    /// `allowDuplicate` (two people who share a household phone).
    case addArtisan(Artisan, allowDuplicate: Bool = false)
    /// `baseRev` is the revision the user started editing from: a newer one is a conflict.
    case updateArtisan(Artisan, baseRev: Int)
    case addSession(BimtekSession)
    case updateSession(BimtekSession, baseRev: Int)
    /// Enrols as registered, or on the waitlist when the session is full.
    case enrol(session: EntityID, artisan: EntityID, role: ParticipantRole)
    case withdraw(session: EntityID, artisan: EntityID)
    /// A mark recorded by mistake (the wrong person or day) taken away; audited. Once the day's
    /// door is shut (past or closed) it is a correction and needs `reason`.
    case clearAttendance(session: EntityID, artisan: EntityID, day: CivilDate, reason: String? = nil)
    case markAttendance(session: EntityID, artisan: EntityID, day: CivilDate, mark: AttendanceMark,
                        time: ClockTime?, note: String?)
    case issueCertificate(session: EntityID, artisan: EntityID, number: String)
    /// At the door: present or late by the session's clock, once per person and day, on today's
    /// open meeting day only (`EventDayRules`). `enrol` lets in someone not enrolled; past a
    /// full session's capacity only with `pastCapacity` (the door asked).
    case checkIn(session: EntityID, artisan: EntityID, day: CivilDate, time: ClockTime, enrol: Bool, pastCapacity: Bool = false)
    /// The enrolled who did not come that day are marked absent.
    case closeDay(session: EntityID, day: CivilDate)
    /// Certificate numbers for everyone eligible who has none yet.
    case issueCertificates(session: EntityID, pattern: CertificatePattern, year: Int)
    /// Sessions whose door is taken away from the office (`kriya door pack`).
    case packDoor(sessions: [EntityID], door: DoorRecord)
    /// What a door did, brought back (`kriya door sync`).
    case syncDoor(DoorReturn)
    case addExhibition(Exhibition)
    case updateExhibition(Exhibition, baseRev: Int)
    case propose(exhibition: EntityID, artisan: EntityID)
    /// `note`: why (a rejection, say); kept with the curation and cleared by the next one.
    case setCuration(exhibition: EntityID, artisan: EntityID, curation: Curation, note: String? = nil)
    case assignBooth(exhibition: EntityID, artisan: EntityID, booth: String?)
    case recordSales(exhibition: EntityID, artisan: EntityID, sales: Int64?, transactions: Int?, leads: Int?)
    /// An archived artisan leaves the lists and pickers but keeps their history (sessions
    /// attended, exhibitions); `archived: false` brings one back.
    case archiveArtisan(EntityID, archived: Bool, baseRev: Int)
    /// Two records of one person made one (`other` archived, pointing to `keep`).
    case mergeArtisans(keep: EntityID, other: EntityID, keepRev: Int, otherRev: Int)
    /// The council's own records: its board's terms and members, and its partners.
    case addTerm(Term)
    case updateTerm(Term, baseRev: Int)
    case addMember(BoardMember)
    case updateMember(BoardMember, baseRev: Int)
    case addPartner(Partner)
    case updatePartner(Partner, baseRev: Int)
    /// Removes a record for good; refused while anything refers to it (archive it instead).
    case delete(EntityID, baseRev: Int)
    /// Puts back what an earlier change replaced, unless someone changed those records since.
    case undo(Reversal)

    /// The name used in the journal and the audit trail.
    public var name: String { commandName.rawValue }

    public var commandName: CommandName {
        switch self {
        case .addArtisan: return .addArtisan
        case .updateArtisan: return .updateArtisan
        case .addSession: return .addSession
        case .updateSession: return .updateSession
        case .enrol: return .enrol
        case .withdraw: return .withdraw
        case .markAttendance: return .markAttendance
        case .clearAttendance: return .clearAttendance
        case .issueCertificate: return .issueCertificate
        case .checkIn: return .checkIn
        case .closeDay: return .closeDay
        case .issueCertificates: return .issueCertificates
        case .packDoor: return .packDoor
        case .syncDoor: return .syncDoor
        case .addExhibition: return .addExhibition
        case .updateExhibition: return .updateExhibition
        case .propose: return .propose
        case .setCuration: return .setCuration
        case .assignBooth: return .assignBooth
        case .recordSales: return .recordSales
        case .archiveArtisan(_, let archived, _): return archived ? .archiveArtisan : .restoreArtisan
        case .mergeArtisans: return .mergeArtisans
        case .addTerm: return .addTerm
        case .updateTerm: return .updateTerm
        case .addMember: return .addMember
        case .updateMember: return .updateMember
        case .addPartner: return .addPartner
        case .updatePartner: return .updatePartner
        case .delete: return .delete
        case .undo: return .undo
        }
    }
}

extension Dataset {
    /// What `command` would write, checked against this state; nothing changes here.
    /// - Parameter audit: compute the field-by-field audit diff (builders of bulk data skip it).
    public func plan(_ command: Command, _ ctx: CommandContext, audit: Bool = true) throws(CommandError) -> Change {
        var change = Change(command: command.name)
        let diff: (Any?, Any) -> [FieldChange] = { old, new in audit ? FieldDiff.between(old, new) : [] }
        switch command {
        case .addArtisan(var a, let allowDuplicate):
            a.id = EntityID(.artisan, artisans.maxNumber + 1, office: ctx.office)
            a.rev = 1
            try prepare(&a)
            if !allowDuplicate, let same = sameIdentity(as: a) {
                throw .duplicate(same.artisan.id, name: same.artisan.name, field: same.field)
            }
            change.artisans = [a]
            change.targets = [a.id]
            change.fields = diff(nil, a)

        case .updateArtisan(var a, let baseRev):
            guard let current = artisans[a.id] else { throw .notFound(a.id) }
            guard current.rev == baseRev else { throw .conflict(a.id, base: baseRev, current: current.rev) }
            a.rev = current.rev + 1
            try prepare(&a)
            change.artisans = [a]
            change.targets = [a.id]
            change.fields = diff(current, a)

        case .addSession(var s):
            s.id = EntityID(.session, sessions.maxNumber + 1, office: ctx.office)
            s.rev = 1
            try check(s)
            change.sessions = [s]
            change.targets = [s.id]
            change.fields = diff(nil, s)

        case .updateSession(var s, let baseRev):
            guard let current = sessions[s.id] else { throw .notFound(s.id) }
            guard current.rev == baseRev else { throw .conflict(s.id, base: baseRev, current: current.rev) }
            s.rev = current.rev + 1
            try check(s)
            change.sessions = [s]
            change.targets = [s.id]
            change.fields = diff(current, s)

        case .enrol(let sid, let aid, let role):
            var s = try session(sid)
            guard artisans[aid] != nil else { throw .notFound(aid) }
            if let existing = s.participants.firstIndex(where: { $0.artisan == aid }) {
                guard s.participants[existing].enrolment == .cancelled else { throw .alreadyEnrolled(aid, in: sid) }
                s.participants.remove(at: existing)
            }
            let full = role == .peserta && s.isFull
            s.participants.append(SessionParticipant(artisan: aid, role: role, enrolment: full ? .waitlist : .registered))
            change.detail = full ? "waitlist" : "registered"
            try bump(&s, into: &change, artisan: aid)

        case .withdraw(let sid, let aid):
            var s = try session(sid)
            guard let i = s.participants.firstIndex(where: { $0.artisan == aid && $0.enrolment != .cancelled }) else {
                throw .notEnrolled(aid, in: sid)
            }
            let freedSeat = s.participants[i].enrolment == .registered && s.participants[i].role == .peserta
            s.participants[i].enrolment = .cancelled
            // The first on the waitlist moves up into the freed seat, if that seat is really free
            // (people let in at the door may have filled the session past its capacity).
            if freedSeat, !s.isFull, let w = s.participants.firstIndex(where: { $0.enrolment == .waitlist }) {
                s.participants[w].enrolment = .registered
                change.detail = "\(s.participants[w].artisan) moved up from the waitlist"
            }
            try bump(&s, into: &change, artisan: aid)

        case .markAttendance(let sid, let aid, let day, let mark, let time, let note):
            var s = try session(sid)
            try checkCorrection(s, on: day, reason: note, ctx)
            // A correction may reach anyone who was in the session, withdrawn since or not.
            guard let i = s.participants.firstIndex(where: { $0.artisan == aid && $0.enrolment != .waitlist }) else {
                throw .notEnrolled(aid, in: sid)
            }
            let note = note?.trimmingSpaces.isEmpty == false ? note?.trimmingSpaces : nil
            let record = Attendance(day: day, mark: mark, time: time, by: ctx.user, note: note)
            s.participants[i].attendance.removeAll { $0.day == day }
            s.participants[i].attendance.append(record)
            s.participants[i].attendance.sort { $0.day < $1.day }
            change.detail = "\(day.iso) \(mark.rawValue)" + (time.map { " \($0)" } ?? "") + (note.map { ": \($0)" } ?? "")
            s.advanceStatus(markedOn: day, closing: false)
            try bump(&s, into: &change, artisan: aid)

        case .clearAttendance(let sid, let aid, let day, let reason):
            var s = try session(sid)
            guard let i = s.participants.firstIndex(where: { $0.artisan == aid }), s.participants[i].mark(on: day) != nil else {
                throw .notEnrolled(aid, in: sid)
            }
            try checkCorrection(s, on: day, reason: reason, ctx)
            s.participants[i].attendance.removeAll { $0.day == day }
            let why = reason?.trimmingSpaces ?? ""
            change.detail = "\(day.iso)" + (why.isEmpty ? "" : ": \(why)")
            try bump(&s, into: &change, artisan: aid)

        case .issueCertificate(let sid, let aid, let number):
            var s = try session(sid)
            guard s.givesCertificates else { throw .noCertificates(sid) }
            guard let i = s.participants.firstIndex(where: { $0.artisan == aid && $0.enrolment == .registered }) else {
                throw .notEnrolled(aid, in: sid)
            }
            let trimmed = number.trimmingSpaces
            guard !trimmed.isEmpty else { throw .invalid([FieldError("certificate", .required)]) }
            s.participants[i].certificate = trimmed
            change.detail = trimmed
            try bump(&s, into: &change, artisan: aid)

        case .checkIn(let sid, let aid, let day, let time, let enrol, let pastCapacity):
            var s = try plan(checkIn: sid, artisan: aid, day: day, time: time, enrol: enrol, pastCapacity: pastCapacity, ctx, into: &change)
            s.advanceStatus(markedOn: day, closing: false)
            try bump(&s, into: &change, artisan: aid)

        case .closeDay(let sid, let day):
            var s = try plan(closeDay: sid, day: day, ctx, into: &change)
            s.advanceStatus(markedOn: day, closing: true)
            s.rev += 1
            try check(s)
            change.sessions = [s]
            change.targets = [sid]

        case .packDoor(let sessions, let door):
            try plan(packDoor: sessions, door: door, into: &change)

        case .syncDoor(let back):
            try plan(syncDoor: back, into: &change)
            // Checked with the walk-ins it registers (the sessions name them).
            var after = self
            for a in change.artisans { _ = after.artisans.merge(a) }
            for s in change.sessions { try after.check(s) }

        case .issueCertificates(let sid, let pattern, let year):
            var s = try plan(issueCertificates: sid, pattern: pattern, year: year, into: &change)
            s.rev += 1
            try check(s)
            change.sessions = [s]
            change.targets = [sid]

        case .addExhibition(var e):
            e.id = EntityID(.exhibition, exhibitions.maxNumber + 1, office: ctx.office)
            e.rev = 1
            try check(e)
            change.exhibitions = [e]
            change.targets = [e.id]
            change.fields = diff(nil, e)

        case .updateExhibition(var e, let baseRev):
            guard let current = exhibitions[e.id] else { throw .notFound(e.id) }
            guard current.rev == baseRev else { throw .conflict(e.id, base: baseRev, current: current.rev) }
            e.rev = current.rev + 1
            try check(e)
            change.exhibitions = [e]
            change.targets = [e.id]
            change.fields = diff(current, e)

        case .propose(let eid, let aid):
            var e = try exhibition(eid)
            guard artisans[aid] != nil else { throw .notFound(aid) }
            if let i = e.participants.firstIndex(where: { $0.artisan == aid }) {
                guard !e.participants[i].curation.isActive else { throw .alreadyEnrolled(aid, in: eid) }
                e.participants[i].curation = .proposed
            } else {
                e.participants.append(ExhibitionParticipant(artisan: aid))
            }
            try bump(&e, into: &change, artisan: aid)

        case .setCuration(let eid, let aid, let curation, let note):
            var e = try exhibition(eid)
            guard let i = e.participants.firstIndex(where: { $0.artisan == aid }) else { throw .notEnrolled(aid, in: eid) }
            let note = note?.trimmingSpaces.isEmpty == false ? note?.trimmingSpaces : nil
            e.participants[i].curation = curation
            e.participants[i].curationNote = note
            change.detail = curation.rawValue + (note.map { ": \($0)" } ?? "")
            try bump(&e, into: &change, artisan: aid)

        case .assignBooth(let eid, let aid, let booth):
            var e = try exhibition(eid)
            guard let i = e.participants.firstIndex(where: { $0.artisan == aid }) else { throw .notEnrolled(aid, in: eid) }
            let trimmed = booth?.trimmingSpaces
            let normalised = (trimmed?.isEmpty ?? true) ? nil : trimmed.map(Booth.normalise)
            // A booth is one artisan's: the refusal says whose it is.
            if let normalised, let holder = e.participants.first(where: { $0.artisan != aid && $0.curation.isActive && $0.booth.map(Booth.normalise) == normalised }) {
                throw .boothTaken(normalised, by: holder.artisan, name: artisans[holder.artisan]?.name ?? "")
            }
            e.participants[i].booth = normalised
            change.detail = e.participants[i].booth
            try bump(&e, into: &change, artisan: aid)

        case .recordSales(let eid, let aid, let sales, let transactions, let leads):
            var e = try exhibition(eid)
            guard let i = e.participants.firstIndex(where: { $0.artisan == aid }) else { throw .notEnrolled(aid, in: eid) }
            // Sales come from the fair: none before its first day, and none that cannot be
            // real (Rp5; an amount typed into the transactions column).
            guard ctx.today >= e.start else { throw .fairNotBegun(eid, starts: e.start) }
            if let s = sales, s > 0, s < 1_000 || (transactions ?? 0) > 0 && s / Int64(transactions!) < 1_000 {
                throw .implausibleSales(s, transactions: transactions ?? 0)
            }
            e.participants[i].sales = sales
            e.participants[i].transactions = transactions
            e.participants[i].leads = leads
            change.detail = [sales.map(Rupiah.format), transactions.map { "\($0) trx" }, leads.map { "\($0) leads" }]
                .compactMap { $0 }.joined(separator: ", ")
            try bump(&e, into: &change, artisan: aid)

        case .archiveArtisan(let id, let archived, let baseRev):
            guard var a = artisans[id] else { throw .notFound(id) }
            guard a.rev == baseRev else { throw .conflict(id, base: baseRev, current: a.rev) }
            let before = a
            a.archived = archived
            a.rev += 1
            change.artisans = [a]
            change.targets = [id]
            change.fields = diff(before, a)

        case .mergeArtisans(let keep, let other, let keepRev, let otherRev):
            try plan(merge: other, into: keep, baseRevs: (keepRev, otherRev), into: &change)
            if audit { change.fields = diff(artisans[other], change.artisans.last!) }

        case .addTerm, .updateTerm, .addMember, .updateMember, .addPartner, .updatePartner:
            try plan(council: command, into: &change, audit: audit, office: ctx.office)

        case .delete(let id, let baseRev):
            guard let rev = currentRev(id) else { throw .notFound(id) }
            guard rev == baseRev else { throw .conflict(id, base: baseRev, current: rev) }
            try checkUnreferenced(id)
            change.deleted = [id]
            change.targets = [id]

        case .undo(let reversal):
            try plan(undo: reversal, into: &change, audit: audit)
        }
        return change
    }

    // MARK: - Helpers

    private func prepare(_ a: inout Artisan) throws(CommandError) {
        let errors = a.prepareForSaving()
        if !errors.isEmpty { throw .invalid(errors) }
    }

    private func check(_ s: BimtekSession) throws(CommandError) {
        var errors = Validation.check(s) + councilReferenceErrors(partners: s.partners, trainers: s.trainerRefs)
        for (i, p) in s.participants.enumerated() where artisans[p.artisan] == nil {
            errors.append(FieldError("participants[\(i + 1)]", .unknownReference(p.artisan)))
        }
        if !errors.isEmpty { throw .invalid(errors) }
    }

    private func check(_ e: Exhibition) throws(CommandError) {
        var errors = Validation.check(e) + councilReferenceErrors(partners: e.partners)
        for (i, p) in e.participants.enumerated() where artisans[p.artisan] == nil {
            errors.append(FieldError("participants[\(i + 1)]", .unknownReference(p.artisan)))
        }
        if !errors.isEmpty { throw .invalid(errors) }
    }

    private func session(_ id: EntityID) throws(CommandError) -> BimtekSession {
        guard let s = sessions[id] else { throw .notFound(id) }
        return s
    }

    private func exhibition(_ id: EntityID) throws(CommandError) -> Exhibition {
        guard let e = exhibitions[id] else { throw .notFound(id) }
        return e
    }

    private func bump(_ s: inout BimtekSession, into change: inout Change, artisan: EntityID) throws(CommandError) {
        s.rev += 1
        try check(s)
        change.sessions = [s]
        change.targets = [s.id, artisan]
    }

    private func bump(_ e: inout Exhibition, into change: inout Change, artisan: EntityID) throws(CommandError) {
        e.rev += 1
        try check(e)
        change.exhibitions = [e]
        change.targets = [e.id, artisan]
    }
}
