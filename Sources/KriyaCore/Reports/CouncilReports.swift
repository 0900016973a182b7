/// The council's own work: training and outreach run with each partner, per year; what the
/// board taught.
enum PartnersReport {
    struct Tally {
        var training = 0, outreach = 0, participants = 0, certificates = 0
        mutating func add(_ s: BimtekSession) {
            if s.kind == .sosialisasi { outreach += 1 } else { training += 1 }
            participants += s.enrolledCount
            certificates += s.participants.filter { $0.enrolment == .registered && $0.certificate != nil }.count
        }
        var row: [String] { [String(training), String(outreach), String(participants), String(certificates)] }
    }

    static func make(_ data: Dataset, today: CivilDate, lang: Lang) -> Report {
        let t = { (key: TextKey) in L10n.text(key, lang) }
        var byPartnerYear: [EntityID?: [Int: Tally]] = [:]
        var total = Tally()
        for s in data.sessions.items where s.status != .cancelled {
            total.add(s)
            let partners: [EntityID?] = s.partners.isEmpty ? [nil] : s.partners.map { $0 }
            for p in partners { byPartnerYear[p, default: [:]][s.start.year, default: Tally()].add(s) }
        }
        // No kind column here: at 80 columns the partners' names need the room to tell apart.
        var table = ReportTable(columns: [t(.fPartner), t(.rYear), t(.rTraining), t(.rOutreach),
                                          t(.fParticipants), t(.rCertificates)], numeric: [1, 2, 3, 4, 5])
        // Partners by name, then the sessions run without one.
        let name = { (id: EntityID?) in id.flatMap { data.partners[$0]?.name } ?? t(.rNoPartner) }
        let order = byPartnerYear.keys.sorted { a, b in
            (a == nil ? 1 : 0, name(a).lowercased()) < (b == nil ? 1 : 0, name(b).lowercased())
        }
        for partner in order {
            for (year, tally) in byPartnerYear[partner]!.sorted(by: { $0.key < $1.key }) {
                table.rows.append([name(partner), String(year)] + tally.row)
            }
        }
        table.rows.append([t(.rTotal), ""] + total.row)
        table.hasTotalRow = true

        var fairs = ReportTable(columns: [t(.fPartner), t(.fKind), t(.rExhibitions), t(.rAccepted)], numeric: [2, 3])
        for p in data.partners.items.sorted(by: { $0.name.lowercased() < $1.name.lowercased() }) {
            let list = data.exhibitions(withPartner: p.id).filter { $0.status != .cancelled }
            guard !list.isEmpty else { continue }
            let accepted = list.reduce(0) { $0 + $1.participants.filter { $0.curation == .accepted }.count }
            fairs.rows.append([p.name, L10n.value(p.kind, lang), String(list.count), String(accepted)])
        }
        // Participants per partner over the years, largest first.
        let reached = order.map { p in (name(p), byPartnerYear[p]!.values.reduce(0) { $0 + $1.participants }) }
            .sorted { ($1.1, $0.0) < ($0.1, $1.0) }
        let chart = BarChart(title: t(.rParticipantsPerPartner), bars: reached.map { .init($0.0, Double($0.1), String($0.1)) })
        var sections: [Report.Section] = [.init(heading: t(.rPerPartnerYear), table: table, chart: chart, notes: [t(.rPartnerRule)])]
        if !fairs.rows.isEmpty { sections.append(.init(heading: t(.rExhibitionsPerPartner), table: fairs)) }
        return Report(name: .partners, title: t(.rPartnersTitle), subtitle: Report.subtitle(today, lang), sections: sections)
    }
}

enum BoardReport {
    static func make(_ data: Dataset, today: CivilDate, lang: Lang) -> Report {
        let t = { (key: TextKey) in L10n.text(key, lang) }
        let terms = data.terms.items.sorted { $0.start > $1.start }
        guard !terms.isEmpty else {
            return Report(name: .board, title: t(.rBoardTitle), subtitle: Report.subtitle(today, lang),
                          sections: [.init(heading: t(.rPerTerm), notes: [t(.rNoBoard)])])
        }
        var perTerm = ReportTable(columns: [t(.fTerm), t(.fBoardMember), t(.rMembersLeft), t(.rMembersTaught)], numeric: [1, 2, 3])
        var taught = ReportTable(columns: [t(.fTerm), t(.fPosition), t(.fName), t(.rSessions), t(.rReached), t(.rLastTaught)],
                                 numeric: [3, 4], fixed: [5])
        for term in terms {
            let board = data.board(of: term.id)
            var teachers = 0
            for m in board {
                let sessions = data.sessionsTaught(by: m.id).filter { term.holds($0.start) }
                guard !sessions.isEmpty else { continue }
                teachers += 1
                let reached = sessions.reduce(0) { $0 + $1.enrolledCount }
                taught.rows.append([term.name, m.position, m.name, String(sessions.count), String(reached), sessions[0].start.numeric])
            }
            let left = board.filter { $0.until.map { $0 < term.end } ?? false }.count
            perTerm.rows.append([term.name, String(board.count), String(left), String(teachers)])
        }
        let chart = BarChart(title: t(.rTaughtPerMember), bars: taught.rows.map { .init($0[2], Double($0[3]) ?? 0, $0[3]) })
        return Report(name: .board, title: t(.rBoardTitle), subtitle: Report.subtitle(today, lang), sections: [
            .init(heading: t(.rPerTerm), table: perTerm),
            .init(heading: t(.rBoardTaught), table: taught, chart: chart),
        ])
    }
}
