/// Certifications held (NIB, PIRT, halal, SNI, merek, BNSP) and those running out soon, with
/// the phone numbers to call.
enum CertificationReport {
    static let horizonDays = 90

    static func make(_ data: Dataset, today: CivilDate, lang: Lang) -> Report {
        let horizon = today.adding(days: horizonDays)
        // Counted in place: a dictionary of sets copied per certification made 100k artisans take seconds.
        var holders: [CertificationKind: Set<EntityID>] = [:]
        var valid: [CertificationKind: Int] = [:], expired: [CertificationKind: Int] = [:], running: [CertificationKind: Int] = [:]
        var expiring: [(artisan: Artisan, cert: Certification, until: CivilDate)] = []
        for a in data.artisans.items where !a.archived {
            for c in a.certifications {
                holders[c.kind, default: []].insert(a.id)
                if let until = c.validUntil, until < today { expired[c.kind, default: 0] += 1 } else { valid[c.kind, default: 0] += 1 }
                if let until = c.validUntil, until >= today, until <= horizon {
                    running[c.kind, default: 0] += 1
                    expiring.append((a, c, until))
                }
            }
        }
        var kinds = ReportTable(columns: [L10n.text(.fKind, lang), L10n.text(.rArtisans, lang), L10n.text(.rValid, lang),
                                          L10n.text(.rExpired, lang), L10n.text(.rExpiringSoon, lang, horizonDays)], numeric: [1, 2, 3, 4])
        for kind in CertificationKind.allCases {
            kinds.rows.append([kind.rawValue, String(holders[kind]?.count ?? 0), String(valid[kind] ?? 0), String(expired[kind] ?? 0),
                               String(running[kind] ?? 0)])
        }
        let chart = BarChart(title: L10n.text(.rArtisansPerKind, lang), bars: CertificationKind.allCases.map { kind in
            let n = holders[kind]?.count ?? 0
            return .init(kind.rawValue, Double(n), String(n))
        })
        var soon = ReportTable(columns: [L10n.text(.fName, lang), L10n.text(.fBusiness, lang), L10n.text(.fKind, lang), L10n.text(.rNumber, lang),
                                         L10n.text(.rValidUntil, lang), L10n.text(.rDaysLeft, lang), L10n.text(.fPhone, lang)], numeric: [5], fixed: [4, 6])
        for e in expiring.sorted(by: { ($0.until, $0.artisan.name) < ($1.until, $1.artisan.name) }) {
            soon.rows.append([e.artisan.name, e.artisan.business, e.cert.kind.rawValue, e.cert.number ?? "", e.until.numeric,
                              String(today.days(until: e.until)), e.artisan.phoneShown])
        }
        return Report(name: .certification, title: L10n.text(.rCertificationTitle, lang), subtitle: Report.subtitle(today, lang), sections: [
            .init(heading: L10n.text(.rPerKind, lang), table: kinds, chart: chart),
            .init(heading: L10n.text(.rExpiringList, lang, horizonDays), table: soon.rows.isEmpty ? nil : soon,
                  notes: soon.rows.isEmpty ? [L10n.text(.rNoneExpiring, lang, horizonDays)] : []),
        ])
    }
}
