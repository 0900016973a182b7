/// Certifications held (NIB, PIRT, halal, SNI, merek, BNSP) and those running out soon, with
/// the phone numbers to call.
enum CertificationReport {
    static let horizonDays = 90

    static func make(_ data: Dataset, today: CivilDate, lang: Lang) -> Report {
        let horizon = today.adding(days: horizonDays)
        var held: [CertificationKind: (artisans: Set<EntityID>, valid: Int, expired: Int, soon: Int)] = [:]
        var expiring: [(artisan: Artisan, cert: Certification, until: CivilDate)] = []
        for a in data.artisans.items where !a.archived {
            for c in a.certifications {
                var entry = held[c.kind] ?? ([], 0, 0, 0)
                entry.artisans.insert(a.id)
                if let until = c.validUntil, until < today { entry.expired += 1 } else { entry.valid += 1 }
                if let until = c.validUntil, until >= today, until <= horizon {
                    entry.soon += 1
                    expiring.append((a, c, until))
                }
                held[c.kind] = entry
            }
        }
        var kinds = ReportTable(columns: [L10n.text(.fKind, lang), L10n.text(.rArtisans, lang), L10n.text(.rValid, lang),
                                          L10n.text(.rExpired, lang), L10n.text(.rExpiringSoon, lang, horizonDays)], numeric: [1, 2, 3, 4])
        for kind in CertificationKind.allCases {
            let e = held[kind] ?? ([], 0, 0, 0)
            kinds.rows.append([kind.rawValue, String(e.artisans.count), String(e.valid), String(e.expired), String(e.soon)])
        }
        let chart = BarChart(title: L10n.text(.rArtisansPerKind, lang), bars: CertificationKind.allCases.map { kind in
            let n = held[kind]?.artisans.count ?? 0
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
