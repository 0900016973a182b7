/// What a door folder brings back to the office (issue 33): its sessions as they were packed and
/// as the door left them, and the people registered there (with the door's ids).
public struct DoorReturn: Sendable, Equatable {
    public var number: Int
    public var base: [BimtekSession]
    public var sessions: [BimtekSession]
    public var walkIns: [Artisan]
    /// When the office took it back (`2026-12-08 17:02`).
    public var stamp: String

    public init(number: Int, base: [BimtekSession], sessions: [BimtekSession], walkIns: [Artisan], stamp: String) {
        self.number = number
        self.base = base
        self.sessions = sessions
        self.walkIns = walkIns
        self.stamp = stamp
    }
}

/// One line of a sync's report: what arrived, and each conflict with the rule that decided it.
public enum DoorSyncNote: Equatable, Sendable {
    /// A walk-in now in the office's registry under a new id.
    case registered(door: EntityID, office: EntityID)
    /// A walk-in the office had registered meanwhile (same phone, NIB or NIK): one record, theirs.
    case sameAsOffice(door: EntityID, office: EntityID, field: String)
    /// Checked in at the office (or another door) too: the earlier time is kept.
    case earlierKept(session: EntityID, artisan: EntityID, day: CivilDate, kept: ClockTime, other: ClockTime)
    /// Marked at the door after the office withdrew them: kept as attendance, flagged.
    case withdrawnMarked(session: EntityID, artisan: EntityID, day: CivilDate)
    /// Marked at the door on a day the office has taken out of the session: not kept.
    case dayGone(session: EntityID, artisan: EntityID, day: CivilDate)
    /// The office and the door each changed the same mark: the office's stays.
    case officeKept(session: EntityID, artisan: EntityID, day: CivilDate)
    /// The office and the door each gave a certificate number: the office's stays.
    case certificateKept(session: EntityID, artisan: EntityID)
    /// The office has no such session any more: nothing of it is kept.
    case sessionGone(EntityID)

    /// Whether it is a conflict (a rule decided) rather than news.
    public var isConflict: Bool {
        switch self {
        case .registered: return false
        default: return true
        }
    }

    /// As kept in the audit trail: one line, words the history renders in either language.
    public var line: String {
        switch self {
        case .registered(let d, let o): return "registered \(d) \(o)"
        case .sameAsOffice(let d, let o, let f): return "same \(d) \(o) \(f)"
        case .earlierKept(let s, let a, let day, let kept, let other): return "earlier \(s) \(a) \(day.iso) \(kept) \(other)"
        case .withdrawnMarked(let s, let a, let day): return "withdrawn \(s) \(a) \(day.iso)"
        case .dayGone(let s, let a, let day): return "daygone \(s) \(a) \(day.iso)"
        case .officeKept(let s, let a, let day): return "officekept \(s) \(a) \(day.iso)"
        case .certificateKept(let s, let a): return "certificate \(s) \(a)"
        case .sessionGone(let s): return "sessiongone \(s)"
        }
    }

    public init?(line: String) {
        let w = line.split(separator: " ").map(String.init)
        func id(_ i: Int) -> EntityID? { w.count > i ? EntityID(w[i]) : nil }
        func day(_ i: Int) -> CivilDate? { w.count > i ? CivilDate.parseISO(w[i]) : nil }
        func time(_ i: Int) -> ClockTime? { w.count > i ? ClockTime(w[i]) : nil }
        switch w.first {
        case "registered": guard let d = id(1), let o = id(2) else { return nil }; self = .registered(door: d, office: o)
        case "same": guard let d = id(1), let o = id(2), w.count > 3 else { return nil }; self = .sameAsOffice(door: d, office: o, field: w[3])
        case "earlier":
            guard let s = id(1), let a = id(2), let d = day(3), let k = time(4), let o = time(5) else { return nil }
            self = .earlierKept(session: s, artisan: a, day: d, kept: k, other: o)
        case "withdrawn": guard let s = id(1), let a = id(2), let d = day(3) else { return nil }; self = .withdrawnMarked(session: s, artisan: a, day: d)
        case "daygone": guard let s = id(1), let a = id(2), let d = day(3) else { return nil }; self = .dayGone(session: s, artisan: a, day: d)
        case "officekept": guard let s = id(1), let a = id(2), let d = day(3) else { return nil }; self = .officeKept(session: s, artisan: a, day: d)
        case "certificate": guard let s = id(1), let a = id(2) else { return nil }; self = .certificateKept(session: s, artisan: a)
        case "sessiongone": guard let s = id(1) else { return nil }; self = .sessionGone(s)
        default: return nil
        }
    }

    /// The line for people, in `lang`; `name` gives a record's name.
    public func message(_ lang: Lang, name: (EntityID) -> String) -> String {
        func who(_ id: EntityID) -> String { "\(id) \(name(id))" }
        switch self {
        case .registered(let d, let o): return L10n.text(.dsRegistered, lang, d, who(o))
        case .sameAsOffice(let d, let o, let f):
            return L10n.text(.dsSameAsOffice, lang, d, who(o), ArtisanField(rawValue: f)?.label(lang) ?? f)
        case .earlierKept(let s, let a, let day, let kept, let other):
            return L10n.text(.dsEarlierKept, lang, who(a), s, day.short(lang), kept, other)
        case .withdrawnMarked(let s, let a, let day): return L10n.text(.dsWithdrawnMarked, lang, who(a), s, day.short(lang))
        case .dayGone(let s, let a, let day): return L10n.text(.dsDayGone, lang, who(a), s, day.short(lang))
        case .officeKept(let s, let a, let day): return L10n.text(.dsOfficeKept, lang, who(a), s, day.short(lang))
        case .certificateKept(let s, let a): return L10n.text(.dsCertificateKept, lang, who(a), s)
        case .sessionGone(let s): return L10n.text(.dsSessionGone, lang, s)
        }
    }
}

extension Dataset {
    /// Marks `sessions` as having door `door` out (its number the next the office gives).
    func plan(packDoor sessions: [EntityID], door: DoorRecord, into change: inout Change) throws(CommandError) {
        guard !sessions.isEmpty else { throw .invalid([FieldError("sessions", .required)]) }
        var door = door
        door.number = nextDoorNumber
        guard door.number <= DoorRecord.maxNumber else { throw .invalid([FieldError("door", .outOfRange(min: 1, max: DoorRecord.maxNumber))]) }
        for sid in sessions {
            guard var s = self.sessions[sid] else { throw .notFound(sid) }
            s.doors.append(door)
            s.rev += 1
            change.sessions.append(s)
        }
        change.targets = sessions
        change.detail = door.name
    }

    /// What the door did, replayed onto the office's data as it is now, each conflict decided
    /// by its rule (docs/store.md, "The door away from the office"). Replaying it again changes
    /// nothing more: walk-ins already brought back are known by the door's ids, and a mark
    /// already there is the same mark.
    func plan(syncDoor back: DoorReturn, into change: inout Change) throws(CommandError) {
        var notes: [DoorSyncNote] = []
        // The door's walk-ins: known from an earlier sync, someone the office has, or new.
        let entries = back.sessions.compactMap { self.sessions[$0.id]?.doors.first { $0.number == back.number } }
        var known: [EntityID: EntityID] = [:]
        for e in entries { for w in e.walkIns { known[w.door] = w.office } }
        var ids: [EntityID: EntityID] = [:]
        var nextNumber = artisans.maxNumber
        for var a in back.walkIns.sorted(by: { $0.id < $1.id }) where DoorRecord.isDoorID(a.id) {
            if let office = known[a.id], artisans[office] != nil { ids[a.id] = office; continue }
            if let same = sameIdentity(as: a), !same.artisan.archived {
                var theirs = same.artisan
                let before = theirs
                theirs.fill(from: a)
                if theirs != before { theirs.rev += 1; change.artisans.append(theirs) }
                ids[a.id] = theirs.id
                notes.append(.sameAsOffice(door: a.id, office: theirs.id, field: same.field))
                continue
            }
            nextNumber += 1
            let doorID = a.id
            a.id = EntityID(.artisan, nextNumber, office: a.id.office)
            a.rev = 1
            let errors = a.prepareForSaving()
            if !errors.isEmpty { throw .invalid(errors) }
            change.artisans.append(a)
            ids[doorID] = a.id
            notes.append(.registered(door: doorID, office: a.id))
        }
        func office(_ id: EntityID) -> EntityID { ids[id] ?? id }

        for door in back.sessions {
            guard var s = self.sessions[door.id] else { notes.append(.sessionGone(door.id)); continue }
            let current = s
            let base = back.base.first { $0.id == door.id }
            merge(door, base: base, into: &s, office: office, notes: &notes)
            // The door's entry: brought back, with its walk-ins' office ids.
            let pairs = ids.filter { id in door.participants.contains { $0.artisan == id.key } }
                .map { DoorRecord.WalkIn(door: $0.key, office: $0.value) }.sorted { $0.door < $1.door }
            var entry = s.doors.first { $0.number == back.number } ?? DoorRecord(number: back.number, packedAt: "", packedBy: "")
            let fresh = entry.syncedAt == nil || s.participants != current.participants || s.closedDays != current.closedDays
                || !Set(pairs).isSubset(of: Set(entry.walkIns))
            guard fresh else { continue }
            entry.syncedAt = back.stamp
            for p in pairs where !entry.walkIns.contains(p) { entry.walkIns.append(p) }
            if let i = s.doors.firstIndex(where: { $0.number == back.number }) { s.doors[i] = entry } else { s.doors.append(entry) }
            s.rev = current.rev + 1
            change.sessions.append(s)
        }
        change.targets = back.sessions.map(\.id) + change.artisans.map(\.id)
        change.detail = (["D\(back.number)"] + notes.map(\.line)).joined(separator: "\n")
    }

    /// One session: what the door changed since it was packed, onto the office's version.
    private func merge(_ door: BimtekSession, base: BimtekSession?, into s: inout BimtekSession,
                       office: (EntityID) -> EntityID, notes: inout [DoorSyncNote]) {
        let days = Set(s.days)
        for dp in door.participants {
            let id = office(dp.artisan)
            let bp = base?.participant(dp.artisan)
            if s.participant(id) == nil {
                // Enrolled at the door (or a walk-in): joins as the door had them.
                var joined = SessionParticipant(artisan: id, role: dp.role, enrolment: dp.enrolment)
                joined.certificate = dp.certificate
                s.participants.append(joined)
            }
            let i = s.participants.firstIndex { $0.artisan == id }!
            var op = s.participants[i]
            // Enrolment: the door's change, unless the office changed it too (a withdrawal stands).
            if dp.enrolment != bp?.enrolment, op.enrolment == (bp?.enrolment ?? op.enrolment) { op.enrolment = dp.enrolment }
            // Each day the door changed.
            let doorDays = Set(dp.attendance.map(\.day)).union(bp?.attendance.map(\.day) ?? [])
            for day in doorDays.sorted() {
                let dm = dp.mark(on: day), bm = bp?.mark(on: day), om = op.mark(on: day)
                guard dm != bm, dm != om else { continue }
                guard days.contains(day) else { notes.append(.dayGone(session: s.id, artisan: id, day: day)); continue }
                var result = om
                if om == bm {
                    result = dm
                } else if let d = dm, let o = om, d.mark.countsAsPresent, o.mark.countsAsPresent, let dt = d.time, let ot = o.time, dt != ot {
                    // Checked in at two doors: the earlier time stands.
                    result = dt < ot ? d : o
                    notes.append(.earlierKept(session: s.id, artisan: id, day: day, kept: min(dt, ot), other: max(dt, ot)))
                } else {
                    notes.append(.officeKept(session: s.id, artisan: id, day: day))
                }
                op.attendance.removeAll { $0.day == day }
                if let result { op.attendance.append(result) }
                op.attendance.sort { $0.day < $1.day }
                if result == dm, dm != nil, op.enrolment == .cancelled {
                    notes.append(.withdrawnMarked(session: s.id, artisan: id, day: day))
                }
                if result == dm, dm != nil { s.advanceStatus(markedOn: day, closing: false) }
            }
            if dp.certificate != bp?.certificate, dp.certificate != op.certificate {
                if op.certificate == bp?.certificate { op.certificate = dp.certificate } else { notes.append(.certificateKept(session: s.id, artisan: id)) }
            }
            s.participants[i] = op
        }
        for day in door.closedDays where !(base?.closedDays.contains(day) ?? false) && days.contains(day) && !s.closedDays.contains(day) {
            s.closedDays.append(day)
            s.closedDays.sort()
            s.advanceStatus(markedOn: day, closing: true)
        }
    }
}
