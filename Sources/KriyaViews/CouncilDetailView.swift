import KriyaCore
import KriyaText

/// The council's own records as lines of text (`kriya show T-…|M-…|R-…` and the console's
/// detail view): a term with its board, a board member with what they taught, a partner with
/// the sessions and exhibitions run with it.
extension DetailView {
    public func term(_ term: Term) -> [String] {
        var out = [TerminalSafe.text("\(term.id)  \(term.name)"), ""]
        let current = data.currentTerm(on: today)?.id == term.id
        out += fields([
            (.fDates, dates(term.start, term.end) + (current ? " (\(t(.cBoardCurrent)))" : "")),
            (.fInaugurated, term.inaugurated?.long(lang)), (.fDecree, term.decree), (.fNotes, term.notes),
        ])
        out += ["", t(.cBoardOfTerm)]
        out += boardTable(term)
        return out
    }

    /// The board of a term as a table: position, name, field, phone, and a note for someone
    /// who joined late or left.
    public func boardTable(_ term: Term) -> [String] {
        let seats = data.board(of: term.id)
        guard !seats.isEmpty else { return ["  " + t(.cNone)] }
        var table = Table([.id(t(.fID)), .init(t(.fPosition), minWidth: 8), .init(t(.fName), minWidth: 10),
                           .init(t(.fBidang), minWidth: 6), .init(t(.fPhone), minWidth: 8), .init(t(.fTaught), alignRight: true, minWidth: 3),
                           .init(t(.fNotes), minWidth: 6)])
        for m in seats {
            table.add([m.id.description, m.position, m.name, m.field ?? "", m.phoneShown ?? "",
                       String(data.sessionsTaught(by: m.id).count), seatNote(m)])
        }
        return table.render(width: width.map { $0 - 2 }).map { "  " + $0 }
    }

    /// "left 1 Mar 2021" / "from 2 Jan 2020": why a seat is not the whole term.
    func seatNote(_ m: BoardMember) -> String {
        [m.from.map { t(.cJoinedOn, $0.short(lang)) }, m.until.map { t(.cLeftOn, $0.short(lang)) }]
            .compactMap { $0 }.joined(separator: ", ")
    }

    public func member(_ m: BoardMember) -> [String] {
        var out = [TerminalSafe.text("\(m.id)  \(m.name)"), ""]
        let term = data.terms[m.term]
        out += fields([
            (.fPosition, m.position), (.fBidang, m.field), (.fTerm, term.map { "\($0.name) (\($0.id))" } ?? m.term.description),
            (.fFrom, m.from?.long(lang)), (.fUntil, m.until?.long(lang)), (.fPhone, m.phoneShown),
            (.fArtisanRecord, m.artisan.map { "\($0) \(data.artisans[$0]?.name ?? "")" }), (.fNotes, m.notes),
        ])
        out += ["", t(.cSessionsTaught)] + sessionTable(data.sessionsTaught(by: m.id))
        return out
    }

    public func partner(_ p: Partner) -> [String] {
        var out = [TerminalSafe.text("\(p.id)  \(p.name)"), ""]
        out += fields([
            (.fKind, L10n.value(p.kind, lang)), (.fContact, p.contact), (.fPhone, p.phoneShown),
            (.fPeople, p.people.joined(separator: "\n")), (.fNotes, p.notes),
        ])
        out += ["", t(.cSessionsWithPartner)] + sessionTable(data.sessions(withPartner: p.id))
        let fairs = data.exhibitions(withPartner: p.id)
        out += ["", t(.cExhibitionsWithPartner)]
        if fairs.isEmpty { out.append("  " + t(.cNone)) } else {
            var table = Table([.id(t(.fID)), .init(t(.fDates), minWidth: 11), .init(t(.fName), minWidth: 12),
                               .init(t(.fLevel), minWidth: 6)])
            for e in fairs { table.add([e.id.description, e.start.numeric, e.name, L10n.value(e.level, lang)]) }
            out += table.render(width: width.map { $0 - 2 }).map { "  " + $0 }
        }
        return out
    }

    /// Sessions as a table: id, first day, kind, title, people registered.
    func sessionTable(_ sessions: [BimtekSession]) -> [String] {
        guard !sessions.isEmpty else { return ["  " + t(.cNone)] }
        var table = Table([.id(t(.fID)), .init(t(.fDates), minWidth: 11), .init(t(.fSessionKind), minWidth: 6),
                           .init(t(.fTitle), minWidth: 12), .init(t(.cPeople), alignRight: true, minWidth: 3)])
        for s in sessions {
            table.add([s.id.description, s.start.numeric, L10n.value(s.kind, lang), s.title, String(s.enrolledCount)])
        }
        return table.render(width: width.map { $0 - 2 }).map { "  " + $0 }
    }

    /// An artisan's seats on the board: "Ketua Bidang Pelatihan, periode 2023–2028".
    func boardSeats(of artisan: EntityID) -> String? {
        let seats = data.seats(of: artisan)
        guard !seats.isEmpty else { return nil }
        return seats.map { m in
            t(.cSeatLine, [m.position, m.field].compactMap { $0 }.joined(separator: " "), data.terms[m.term]?.name ?? "?")
        }.joined(separator: "\n")
    }

    /// "narasumber di 4 Bimtek", nil when none.
    func taught(by id: EntityID, joined: [BimtekSession]? = nil) -> String? {
        let n = data.sessionsTaught(by: id, joined: joined).count
        return n == 0 ? nil : t(.cTaughtCount, n)
    }
}
