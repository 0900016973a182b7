/// The rules of an event day: when a check-in is late, who has earned a certificate, how
/// certificate numbers are made.
public enum CheckInRules {
    /// Present, or late once past the session's start time plus its grace period (no start
    /// time: never late).
    public static func mark(_ s: BimtekSession, at time: ClockTime) -> AttendanceMark {
        guard let start = s.startTime else { return .hadir }
        return time.minutes > start.minutes + (s.graceMinutes ?? 0) ? .terlambat : .hadir
    }

    /// Registered participants who were present (or late) on enough meeting days: the
    /// session's `certificateMinDays`, or every meeting day when it sets none.
    public static func eligible(_ p: SessionParticipant, in s: BimtekSession) -> Bool {
        guard p.enrolment == .registered, p.role == .peserta, s.givesCertificates else { return false }
        let days = Set(s.days)
        let present = p.attendance.filter { days.contains($0.day) && $0.mark.countsAsPresent }.count
        return present >= min(s.certificateMinDays ?? days.count, days.count)
    }
}

/// Certificate numbers from a pattern: `{year}` and `{n}` (or `{n:03}`, zero-padded to three
/// digits) are filled in; the default makes `DKM/BT/2026/001`. Numbers run on within a year
/// across all sessions and are never reused.
public struct CertificatePattern: Sendable, Equatable {
    public static let standard = CertificatePattern("DKM/BT/{year}/{n:03}")
    public let text: String
    public init(_ text: String) { self.text = text }

    /// Where `{n…}` sits and how wide it is padded.
    private var counter: (range: Range<String.Index>, width: Int)? {
        guard let open = text.range(of: "{n") , let close = text[open.upperBound...].firstIndex(of: "}") else { return nil }
        let spec = text[open.upperBound..<close]
        let width = spec.hasPrefix(":") ? Int(spec.dropFirst()) ?? 0 : 0
        return (open.lowerBound..<text.index(after: close), width)
    }

    public var isValid: Bool { counter != nil }

    public func number(year: Int, _ n: Int) -> String {
        guard let c = counter else { return text }
        var digits = String(n)
        if digits.count < c.width { digits = String(repeating: "0", count: c.width - digits.count) + digits }
        return text.replacingCharacters(in: c.range, with: digits).replacingAll("{year}", with: String(year))
    }

    /// The counter of `number` when it was made by this pattern for `year`.
    public func counter(of number: String, year: Int) -> Int? {
        guard let c = counter else { return nil }
        let filled = text.replacingAll("{year}", with: String(year))
        guard let at = filled.range(of: String(text[c.range])) else { return nil }
        let prefix = filled[..<at.lowerBound], suffix = filled[at.upperBound...]
        guard number.hasPrefix(prefix), number.hasSuffix(suffix), number.count > prefix.count + suffix.count else { return nil }
        return Int(number.dropFirst(prefix.count).dropLast(suffix.count))
    }
}

extension Dataset {
    /// The next `count` certificate numbers of `year`: after the highest one any session holds.
    public func nextCertificateNumbers(_ count: Int, year: Int, pattern: CertificatePattern) -> [String] {
        var highest = 0
        for s in sessions.items {
            for p in s.participants {
                if let cert = p.certificate, let n = pattern.counter(of: cert, year: year) { highest = max(highest, n) }
            }
        }
        return (0..<count).map { pattern.number(year: year, highest + 1 + $0) }
    }

    /// A check-in: present or late by the session's clock; once per person and day (a second
    /// door checking the same person in is refused, saying when and by whom); on today's open
    /// meeting day only. `enrol` takes in someone who came without being enrolled, past a full
    /// session's capacity only with `pastCapacity`.
    func plan(checkIn sid: EntityID, artisan aid: EntityID, day: CivilDate, time: ClockTime, enrol: Bool, pastCapacity: Bool,
              _ ctx: CommandContext, into change: inout Change) throws(CommandError) -> BimtekSession {
        guard var s = sessions[sid] else { throw .notFound(sid) }
        guard artisans[aid] != nil else { throw .notFound(aid) }
        if let shut = s.doorRefusal(on: day, today: ctx.today) { throw shut }
        var i = s.participants.firstIndex { $0.artisan == aid && $0.enrolment == .registered }
        if i == nil {
            guard enrol else {
                if s.participants.contains(where: { $0.artisan == aid && $0.enrolment == .waitlist }) { throw .onWaitlist(aid, in: sid) }
                throw .notEnrolled(aid, in: sid)
            }
            // At the door: whoever came is in, waitlisted or not; past the seats only when asked.
            if s.isFull, !pastCapacity, let capacity = s.capacity {
                throw .sessionFull(sid, enrolled: s.enrolledCount, capacity: capacity)
            }
            if let w = s.participants.firstIndex(where: { $0.artisan == aid }) {
                s.participants[w].enrolment = .registered
                i = w
            } else {
                s.participants.append(SessionParticipant(artisan: aid))
                i = s.participants.count - 1
            }
            change.detail = "enrolled at the door; "
        }
        if let already = s.participants[i!].mark(on: day), already.mark.countsAsPresent {
            throw .alreadyCheckedIn(aid, time: already.time, by: already.by)
        }
        let mark = CheckInRules.mark(s, at: time)
        s.participants[i!].attendance.removeAll { $0.day == day }
        s.participants[i!].attendance.append(Attendance(day: day, mark: mark, time: time, by: ctx.user))
        s.participants[i!].attendance.sort { $0.day < $1.day }
        change.detail = (change.detail ?? "") + "\(day.iso) \(mark.rawValue) \(time)"
        return s
    }

    /// Closing a meeting day: every registered participant (not trainers or committee) with no
    /// mark that day is absent, and the day's door is shut: marks after it are corrections.
    func plan(closeDay sid: EntityID, day: CivilDate, _ ctx: CommandContext, into change: inout Change) throws(CommandError) -> BimtekSession {
        guard var s = sessions[sid] else { throw .notFound(sid) }
        switch s.door(on: day, today: ctx.today) {
        case .notAMeetingDay: throw .notAMeetingDay(day, of: sid)
        case .notBegun: throw .dayNotBegun(day, of: sid)
        case .open, .past, .closed: break
        }
        let absent = s.absentAtClosing(on: day)
        for i in absent {
            s.participants[i].attendance.append(Attendance(day: day, mark: .alpa, by: ctx.user))
            s.participants[i].attendance.sort { $0.day < $1.day }
        }
        if !s.closedDays.contains(day) { s.closedDays = (s.closedDays + [day]).sorted() }
        change.detail = "\(day.iso): \(absent.count) absent"
        return s
    }

    /// Numbers for every eligible participant who has none yet.
    func plan(issueCertificates sid: EntityID, pattern: CertificatePattern, year: Int, into change: inout Change) throws(CommandError) -> BimtekSession {
        guard var s = sessions[sid] else { throw .notFound(sid) }
        guard s.givesCertificates else { throw .noCertificates(sid) }
        guard pattern.isValid else { throw .invalid([FieldError("certificatePattern", .invalidChoice(pattern.text, allowed: [CertificatePattern.standard.text]))]) }
        let due = s.participants.indices.filter { s.participants[$0].certificate == nil && CheckInRules.eligible(s.participants[$0], in: s) }
        let numbers = nextCertificateNumbers(due.count, year: year, pattern: pattern)
        for (i, number) in zip(due, numbers) { s.participants[i].certificate = number }
        change.detail = numbers.isEmpty ? "none due" : "\(numbers.count): \(numbers.first!) – \(numbers.last!)"
        return s
    }
}
