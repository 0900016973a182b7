/// Two records of one person made one: the sessions and exhibitions of the duplicate move to
/// the record kept, which takes the duplicate's values only where it has none; the duplicate
/// is archived with a pointer to the one kept, so its id and history still lead somewhere.
extension Dataset {
    func plan(merge other: EntityID, into keep: EntityID, baseRevs: (keep: Int, other: Int),
              into change: inout Change) throws(CommandError) {
        guard keep != other else { throw .alreadyMerged(other, into: keep) }
        guard var kept = artisans[keep] else { throw .notFound(keep) }
        guard var gone = artisans[other] else { throw .notFound(other) }
        guard kept.rev == baseRevs.keep else { throw .conflict(keep, base: baseRevs.keep, current: kept.rev) }
        guard gone.rev == baseRevs.other else { throw .conflict(other, base: baseRevs.other, current: gone.rev) }
        if let earlier = gone.mergedInto { throw .alreadyMerged(other, into: earlier) }
        if let earlier = kept.mergedInto { throw .alreadyMerged(keep, into: earlier) }

        for var s in sessions.items where s.participants.contains(where: { $0.artisan == other }) {
            Self.move(other, to: keep, in: &s.participants)
            s.rev += 1
            change.sessions.append(s)
        }
        for var e in exhibitions.items where e.participants.contains(where: { $0.artisan == other }) {
            if let i = e.participants.firstIndex(where: { $0.artisan == other }) {
                if let k = e.participants.firstIndex(where: { $0.artisan == keep }) {
                    // Both were proposed: the kept one's entry stays, with what only the other had.
                    let o = e.participants[i]
                    e.participants[k].booth = e.participants[k].booth ?? o.booth
                    e.participants[k].sales = e.participants[k].sales ?? o.sales
                    e.participants[k].transactions = e.participants[k].transactions ?? o.transactions
                    e.participants[k].leads = e.participants[k].leads ?? o.leads
                    e.participants.remove(at: i)
                } else {
                    e.participants[i].artisan = keep
                }
            }
            e.rev += 1
            change.exhibitions.append(e)
        }
        let before = kept
        kept.fill(from: gone)
        if kept != before {
            kept.rev += 1
            change.artisans.append(kept)
        }
        gone.archived = true
        gone.mergedInto = keep
        gone.rev += 1
        change.artisans.append(gone)
        change.targets = [keep, other] + change.sessions.map(\.id) + change.exhibitions.map(\.id)
        change.detail = "\(other) into \(keep)"
    }

    /// The duplicate's place in a session goes to the record kept; where both were in it, the
    /// kept one's entry stays and takes the days only the other had marked, and a certificate.
    static func move(_ other: EntityID, to keep: EntityID, in people: inout [SessionParticipant]) {
        guard let i = people.firstIndex(where: { $0.artisan == other }) else { return }
        guard let k = people.firstIndex(where: { $0.artisan == keep }) else {
            people[i].artisan = keep
            return
        }
        let o = people[i]
        for mark in o.attendance where people[k].mark(on: mark.day) == nil { people[k].attendance.append(mark) }
        people[k].attendance.sort { $0.day < $1.day }
        people[k].certificate = people[k].certificate ?? o.certificate
        if people[k].enrolment != .registered && o.enrolment == .registered { people[k].enrolment = .registered }
        people.remove(at: i)
    }
}

extension Artisan {
    /// Empty fields taken from another record of the same person; nothing set is overwritten.
    mutating func fill(from other: Artisan) {
        gender = gender ?? other.gender
        email = email ?? other.email
        for field in ArtisanTextField.ordered where self[text: field] == nil { self[text: field] = other[text: field] }
        nib = nib ?? other.nib
        kbli = kbli ?? other.kbli
        scale = scale ?? other.scale
        workers = workers ?? other.workers
        memberSince = [memberSince, other.memberSince].compactMap { $0 }.min()
        nik = nik ?? other.nik
        if products.isEmpty { products = other.products }
        for c in other.certifications where !certifications.contains(where: { $0.kind == c.kind }) { certifications.append(c) }
        if notes == nil { notes = other.notes }
    }
}
