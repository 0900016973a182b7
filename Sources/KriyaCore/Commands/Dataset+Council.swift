import KriyaText

/// Questions about the council itself: which term is current, who is on its board, who signs,
/// who taught what, which sessions ran with a partner.
extension Dataset {
    /// The term whose dates hold `today` (the later one on a handover day), nil between terms.
    public func currentTerm(on today: CivilDate) -> Term? {
        terms.items.filter { $0.holds(today) }.max { ($0.start, $0.id) < ($1.start, $1.id) }
    }

    /// A term by id (`T-000002`) or name as people write it ("2018-2023", "2018–2023").
    public func term(named text: String) -> Term? {
        if let id = EntityID(text), id.kind == .term { return terms[id] }
        let key = Self.termKey(text)
        return terms.items.first { Self.termKey($0.name) == key }
    }

    /// "2018 – 2023", "2018-2023" and "2018–2023" are one name.
    static func termKey(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { ("0"..."9").contains($0) || $0.properties.isAlphabetic })).lowercased()
    }

    /// The seats of `term` in board order (position, then field, then name); those who left are
    /// kept (the history matters) and marked where they are shown.
    public func board(of term: EntityID) -> [BoardMember] {
        members.items.filter { $0.term == term }.sorted {
            (BoardPosition.rank($0.position), $0.position.lowercased(), $0.field?.lowercased() ?? "", $0.name.lowercased())
                < (BoardPosition.rank($1.position), $1.position.lowercased(), $1.field?.lowercased() ?? "", $1.name.lowercased())
        }
    }

    /// The chair (Ketua) serving on `day`: who signs certificates and letters by default.
    public func chair(on day: CivilDate) -> BoardMember? {
        guard let term = currentTerm(on: day) else { return nil }
        return board(of: term.id).first {
            $0.position.compactFolded == BoardPosition.chair.compactFolded && $0.serves(on: day, in: term)
        }
    }

    /// Every trainer's name, those picked from the records first (as their records name them),
    /// then those typed in.
    public func trainerNames(of s: BimtekSession) -> [String] {
        s.trainerRefs.compactMap { title(of: $0) } + s.trainers
    }

    /// The partners' names, those from the list first, then one typed as text.
    public func partnerNames(of s: BimtekSession) -> [String] {
        s.partners.compactMap { partners[$0]?.name } + (s.partner.map { [$0] } ?? [])
    }

    public func partnerNames(of e: Exhibition) -> [String] { e.partners.compactMap { partners[$0]?.name } }

    /// The ids that stand for one person as a trainer: a board member and the artisan record
    /// they are (and every seat of that artisan on any board).
    private func identities(of id: EntityID) -> Set<EntityID> {
        var ids: Set<EntityID> = [id]
        let artisan = id.kind == .artisan ? id : id.kind == .member ? members[id]?.artisan : nil
        if let artisan {
            ids.insert(artisan)
            for m in members.items where m.artisan == artisan { ids.insert(m.id) }
        }
        return ids
    }

    /// Sessions `id` (a board member or an artisan) taught: picked as a trainer, or enrolled as
    /// a speaker (narasumber). Newest first. `joined`: the sessions the artisan is in, when the
    /// caller has them already (an artisan's detail, drawn at every key): no second scan of
    /// every participant of every session then.
    public func sessionsTaught(by id: EntityID, joined: [BimtekSession]? = nil) -> [BimtekSession] {
        let ids = identities(of: id)
        let artisans = ids.filter { $0.kind == .artisan }
        // Drawn with every artisan's detail (each key at 100k): the cheap tests first, the role
        // before the id's hash, no participant scan at all for someone who is no artisan.
        func speaker(_ s: BimtekSession) -> Bool {
            s.participants.contains { $0.role == .narasumber && $0.enrolment == .registered && artisans.contains($0.artisan) }
        }
        var taught: [BimtekSession] = []
        var seen = Set<EntityID>()
        if let joined, artisans == [id] {
            for s in joined where s.status != .cancelled && speaker(s) && seen.insert(s.id).inserted { taught.append(s) }
            let items = sessions.items
            for i in items.indices where !items[i].trainerRefs.isEmpty && items[i].status != .cancelled
                && items[i].trainerRefs.contains(where: ids.contains) && seen.insert(items[i].id).inserted { taught.append(items[i]) }
        } else {
            taught = sessions.items.filter { s in
                guard s.status != .cancelled else { return false }
                if !s.trainerRefs.isEmpty, s.trainerRefs.contains(where: ids.contains) { return true }
                return !artisans.isEmpty && speaker(s)
            }
        }
        return taught.sorted { ($0.start, $0.id) > ($1.start, $1.id) }
    }

    /// Sessions run with a partner, newest first.
    public func sessions(withPartner id: EntityID) -> [BimtekSession] {
        sessions.items.filter { $0.partners.contains(id) }.sorted { ($0.start, $0.id) > ($1.start, $1.id) }
    }

    /// Exhibitions a partner organised or sponsored, newest first.
    public func exhibitions(withPartner id: EntityID) -> [Exhibition] {
        exhibitions.items.filter { $0.partners.contains(id) }.sorted { ($0.start, $0.id) > ($1.start, $1.id) }
    }

    /// The board seats an artisan holds or held, newest term first.
    public func seats(of artisan: EntityID) -> [BoardMember] {
        members.items.filter { $0.artisan == artisan }.sorted { (terms[$0.term]?.start ?? CivilDate(dayNumber: 0)) > (terms[$1.term]?.start ?? CivilDate(dayNumber: 0)) }
    }

    /// Who can be picked as a trainer, besides artisans (found by search): the current board
    /// first, then earlier boards, then the people partners named. Each once.
    public func trainerChoices(today: CivilDate) -> [TrainerChoice] {
        var out: [TrainerChoice] = []
        var seen = Set<String>()
        let current = currentTerm(on: today)?.id
        var ordered = terms.items.sorted { $0.start > $1.start }
        if let i = ordered.firstIndex(where: { $0.id == current }) { ordered.insert(ordered.remove(at: i), at: 0) }
        for term in ordered {
            for m in board(of: term.id) where seen.insert(m.name.compactFolded).inserted {
                out.append(TrainerChoice(name: m.name, ref: m.id, note: [m.position, m.field, term.name].compactMap { $0 }.joined(separator: " · ")))
            }
        }
        for p in partners.items {
            for person in p.people where seen.insert(person.compactFolded).inserted {
                out.append(TrainerChoice(name: person, ref: nil, note: p.name, partner: p.id))
            }
        }
        return out
    }
}

/// One entry of the trainer picker: a record (board member) or a partner's person (text).
public struct TrainerChoice: Hashable, Sendable {
    public var name: String
    public var ref: EntityID?
    public var note: String
    /// The partner a person came from: picking them links the partner to the session too.
    public var partner: EntityID?

    public init(name: String, ref: EntityID?, note: String, partner: EntityID? = nil) {
        self.name = name
        self.ref = ref
        self.note = note
        self.partner = partner
    }
}
