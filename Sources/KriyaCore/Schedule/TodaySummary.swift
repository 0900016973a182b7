/// What the office's day starts with (issue 34): the sessions meeting today and who is in, the
/// exhibitions running, and what is due. `kriya today` prints it; the console shows it.
public struct TodaySummary: Sendable, Equatable {
    /// A session meeting today, at its door.
    public struct SessionToday: Sendable, Equatable {
        public var session: EntityID
        public var title: String
        public var venue: String
        public var startTime: ClockTime?
        /// Registered participants expected, and how the door stands for them.
        public var expected: Int
        public var present: Int
        public var late: Int
        /// Excused (izin, sakit) or absent (alpa).
        public var away: Int
        public var notYet: Int
        public var closed: Bool
        /// Which meeting day of how many.
        public var day: Int
        public var days: Int
    }

    /// Something to do, and what it is about.
    public enum Due: Sendable, Equatable {
        /// A meeting day gone by whose door was never closed (its absentees not marked).
        case dayNotClosed(session: EntityID, title: String, day: CivilDate)
        /// A session done with participants who earned a certificate and have no number yet.
        case certificatesToNumber(session: EntityID, title: String, people: Int)
        /// A session in the coming week with fewer than half its places taken.
        case underEnrolled(session: EntityID, title: String, start: CivilDate, enrolled: Int, capacity: Int)
        /// Certifications (halal, PIRT…) running out within 60 days.
        case certificationsExpiring(count: Int, first: CivilDate)
        /// A door packed for work away from the office and not brought back.
        case doorOut(session: EntityID, title: String, door: String, packed: String)
    }

    public var today: CivilDate
    public var sessions: [SessionToday]
    public var exhibitions: [(id: EntityID, name: String, end: CivilDate)]
    public var due: [Due]
    /// Sessions and exhibitions beginning in the next seven days (after today).
    public var comingWeek: [AgendaItem]

    public static func == (a: Self, b: Self) -> Bool {
        a.today == b.today && a.sessions == b.sessions && a.due == b.due && a.comingWeek == b.comingWeek
            && a.exhibitions.map(\.id) == b.exhibitions.map(\.id)
    }

    /// Whether anything happens today or in the coming week (the console then opens on it).
    public var isBusy: Bool { !sessions.isEmpty || !exhibitions.isEmpty || !comingWeek.isEmpty }

    /// Days back a meeting day left open is still said (older ones are history).
    static let openDaysLookBack = 30
    static let expiryWindow = 60

    public init(_ data: Dataset, today: CivilDate) {
        self.today = today
        var sessions: [SessionToday] = []
        var due: [Due] = []
        for s in data.sessions.items where s.status != .cancelled {
            let days = s.days
            if let i = days.firstIndex(of: today) {
                let people = s.participants.filter { $0.enrolment == .registered && $0.role == .peserta }
                let marks = people.compactMap { $0.mark(on: today)?.mark }
                sessions.append(SessionToday(session: s.id, title: s.title, venue: s.venue, startTime: s.startTime, expected: people.count,
                                             present: marks.filter { $0 == .hadir }.count, late: marks.filter { $0 == .terlambat }.count,
                                             away: marks.filter { !$0.countsAsPresent }.count, notYet: people.count - marks.count,
                                             closed: s.closedDays.contains(today), day: i + 1, days: days.count))
            }
            for day in days where day < today && today.dayNumber - day.dayNumber <= Self.openDaysLookBack && !s.closedDays.contains(day) {
                due.append(.dayNotClosed(session: s.id, title: s.title, day: day))
            }
            if s.status(on: today) == .done || (days.last.map { $0 < today } ?? false) {
                let waiting = s.participants.filter { CheckInRules.eligible($0, in: s) && $0.certificate == nil }.count
                if waiting > 0 { due.append(.certificatesToNumber(session: s.id, title: s.title, people: waiting)) }
            }
            if let capacity = s.capacity, s.start > today, s.start.dayNumber - today.dayNumber <= 7, s.enrolledCount * 2 < capacity {
                due.append(.underEnrolled(session: s.id, title: s.title, start: s.start, enrolled: s.enrolledCount, capacity: capacity))
            }
            for d in s.doors where d.isOut {
                due.append(.doorOut(session: s.id, title: s.title, door: d.name, packed: d.packedAt))
            }
        }
        var expiring: [CivilDate] = []
        let horizon = today.adding(days: Self.expiryWindow)
        for a in data.artisans.items where !a.archived && !a.certifications.isEmpty {
            for c in a.certifications { if let until = c.validUntil, until >= today, until <= horizon { expiring.append(until) } }
        }
        if let first = expiring.min() { due.append(.certificationsExpiring(count: expiring.count, first: first)) }
        self.sessions = sessions.sorted { ($0.startTime?.minutes ?? 0, $0.title) < ($1.startTime?.minutes ?? 0, $1.title) }
        exhibitions = data.exhibitions.items.filter { $0.start <= today && $0.end >= today }.map { ($0.id, $0.name, $0.end) }
        self.due = due
        comingWeek = Agenda.items(data, from: today.adding(days: 1), to: today.adding(days: 7), today: today)
            .filter { $0.start > today }
    }
}

extension TodaySummary.Due {
    /// The line for people, in `lang`.
    public func message(_ lang: Lang) -> String {
        switch self {
        case .dayNotClosed(let s, let title, let day): return L10n.text(.tdDayNotClosed, lang, s, title, day.short(lang))
        case .certificatesToNumber(let s, let title, let n): return L10n.text(.tdCertificates, lang, s, title, n)
        case .underEnrolled(let s, let title, let start, let n, let cap): return L10n.text(.tdUnderEnrolled, lang, s, title, start.short(lang), n, cap)
        case .certificationsExpiring(let n, let first): return L10n.text(.tdExpiring, lang, n, first.short(lang))
        case .doorOut(let s, let title, let door, let packed): return L10n.text(.tdDoorOut, lang, door, s, title, packed)
        }
    }
}

extension TodaySummary.SessionToday {
    /// How its door stands: "expected 25 · in 12 (late 2) · away 1 · not yet 12".
    public func doorLine(_ lang: Lang) -> String {
        L10n.text(closed ? .tdDoorClosed : .tdDoorOpen, lang, expected, present + late, late, away, notYet)
    }
}
