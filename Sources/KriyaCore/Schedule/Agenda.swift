/// One session or exhibition on the calendar.
public struct AgendaItem: Hashable, Sendable {
    public enum Kind: String, Sendable { case session, exhibition }
    public var kind: Kind
    public var id: EntityID
    public var title: String
    public var start: CivilDate
    public var end: CivilDate
    public var place: String
    public var status: String
    /// Enrolled (sessions) or active participants (exhibitions).
    public var people: Int
    /// Artisans in this event who are booked elsewhere at the same time.
    public var conflicts: [EntityID] = []
    /// The days on which they are (the month view marks those days, not the whole event).
    public var clashDays: Set<CivilDate> = []
}

public enum Agenda {
    /// Sessions and exhibitions touching `from…to`, by start date; cancelled ones left out.
    /// - Parameter today: sessions' status as of this day (stored status when nil).
    public static func items(_ data: Dataset, from: CivilDate, to: CivilDate, today: CivilDate? = nil) -> [AgendaItem] {
        let filter = EventFilter(from: from, to: to)
        var items: [AgendaItem] = []
        for s in data.sessions.items where filter.matches(s) && s.status != .cancelled {
            items.append(AgendaItem(kind: .session, id: s.id, title: s.title, start: s.start, end: s.end,
                                    place: s.venue, status: (today.map(s.status(on:)) ?? s.status).rawValue, people: s.enrolledCount))
        }
        for e in data.exhibitions.items where filter.matches(e) && e.status != .cancelled {
            let place = [e.venue, e.city].compactMap { $0 }.joined(separator: ", ")
            items.append(AgendaItem(kind: .exhibition, id: e.id, title: e.name, start: e.start, end: e.end,
                                    place: place, status: (today.map(e.status(on:)) ?? e.status).rawValue,
                                    people: e.participants.filter { $0.curation.isActive }.count))
        }
        let clashes = Conflicts.find(data, from: from, to: to)
        for i in items.indices {
            let mine = clashes.filter { $0.first == items[i].id || $0.second == items[i].id }
            items[i].conflicts = mine.map(\.artisan).uniqued()
            items[i].clashDays = Set(mine.flatMap(\.days))
        }
        return items.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
    }
}

/// An artisan booked into two events that overlap in time.
public struct BookingConflict: Hashable, Sendable {
    public var artisan: EntityID
    public var first: EntityID
    public var second: EntityID
    /// The first day both events claim.
    public var day: CivilDate
    /// Every day both events claim.
    public var days: [CivilDate] = []

    public init(artisan: EntityID, first: EntityID, second: EntityID, day: CivilDate, days: [CivilDate] = []) {
        (self.artisan, self.first, self.second, self.day) = (artisan, first, second, day)
        self.days = days.isEmpty ? [day] : days
    }

    public static func == (a: Self, b: Self) -> Bool { (a.artisan, a.first, a.second, a.day) == (b.artisan, b.first, b.second, b.day) }
    public func hash(into h: inout Hasher) { h.combine(artisan); h.combine(first); h.combine(second); h.combine(day) }
}

public enum Conflicts {
    /// Days an artisan is taken by each event: a session's meeting days (registered or
    /// waitlisted), an exhibition's whole run (proposed or accepted).
    static func bookings(_ data: Dataset, from: CivilDate?, to: CivilDate?) -> [EntityID: [(EntityID, Set<Int>)]] {
        let filter = EventFilter(from: from, to: to)
        var byArtisan: [EntityID: [(EntityID, Set<Int>)]] = [:]
        for s in data.sessions.items where s.status != .cancelled && filter.matches(s) {
            let days = Set(s.days.map(\.dayNumber))
            for p in s.participants where p.enrolment != .cancelled {
                byArtisan[p.artisan, default: []].append((s.id, days))
            }
        }
        for e in data.exhibitions.items where e.status != .cancelled && filter.matches(e) && e.end >= e.start {
            let days = Set(e.start.dayNumber...e.end.dayNumber)
            for p in e.participants where p.curation.isActive {
                byArtisan[p.artisan, default: []].append((e.id, days))
            }
        }
        return byArtisan
    }

    /// Every pair of overlapping bookings of one artisan, in `from…to` when given.
    public static func find(_ data: Dataset, from: CivilDate? = nil, to: CivilDate? = nil) -> [BookingConflict] {
        var out: [BookingConflict] = []
        for (artisan, events) in bookings(data, from: from, to: to) where events.count > 1 {
            for i in 0..<(events.count - 1) {
                for j in (i + 1)..<events.count {
                    let shared = events[i].1.intersection(events[j].1)
                    if let firstDay = shared.min() {
                        let (a, b) = events[i].0 < events[j].0 ? (events[i].0, events[j].0) : (events[j].0, events[i].0)
                        out.append(BookingConflict(artisan: artisan, first: a, second: b, day: CivilDate(dayNumber: firstDay),
                                                   days: shared.sorted().map { CivilDate(dayNumber: $0) }))
                    }
                }
            }
        }
        return out.sorted { ($0.day, $0.artisan, $0.first) < ($1.day, $1.artisan, $1.first) }
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each once.
    func uniqued() -> [Element] {
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}
