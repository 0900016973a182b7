/// What the exhibitions brought: sales, transactions and participants per exhibition, per
/// level, per craft, and year over year.
enum ExhibitionReport {
    struct Tally {
        var exhibitions = 0, participants = 0, transactions = 0
        var sales: Int64 = 0
    }

    static func make(_ data: Dataset, today: CivilDate, lang: Lang) -> Report {
        let shown = data.exhibitions.items.filter { $0.status != .cancelled && $0.start <= today }.sorted { $0.start < $1.start }
        let money: (Int64) -> String = Rupiah.format
        var each = ReportTable(columns: [L10n.text(.rExhibition, lang), L10n.text(.fDates, lang), L10n.text(.fLevel, lang),
                                         L10n.text(.fParticipants, lang), L10n.text(.fTransactions, lang), L10n.text(.fSales, lang)],
                               numeric: [3, 4, 5], fixed: [1])
        var byLevel: [ExhibitionLevel: Tally] = [:]
        var byYear: [Int: Tally] = [:]
        var byCategory: [CraftCategory: Tally] = [:]
        var total = Tally()
        for e in shown {
            let accepted = e.participants.filter { $0.curation == .accepted }
            let transactions = accepted.lazy.compactMap(\.transactions).clampedSum()
            let sales = accepted.lazy.compactMap(\.sales).clampedSum()
            each.rows.append([e.name, Report.dates(e.start, e.end), L10n.value(e.level, lang), String(accepted.count),
                              String(transactions), money(sales)])
            byLevel[e.level, default: Tally()].add(accepted.count, transactions, sales)
            byYear[e.start.year, default: Tally()].add(accepted.count, transactions, sales)
            total.add(accepted.count, transactions, sales)
            for p in accepted {
                guard let category = data.artisans[p.artisan]?.category else { continue }
                byCategory[category, default: Tally()].add(1, p.transactions ?? 0, p.sales ?? 0, countsExhibition: false)
            }
        }
        each.rows.append([L10n.text(.rTotal, lang), "", "", String(total.participants), String(total.transactions), money(total.sales)])
        each.hasTotalRow = true

        let tallyColumns = [L10n.text(.rExhibitions, lang), L10n.text(.fParticipants, lang), L10n.text(.fTransactions, lang), L10n.text(.fSales, lang)]
        var levels = ReportTable(columns: [L10n.text(.fLevel, lang)] + tallyColumns, numeric: [1, 2, 3, 4])
        for level in ExhibitionLevel.allCases {
            let t = byLevel[level] ?? Tally()
            levels.rows.append([L10n.value(level, lang), String(t.exhibitions), String(t.participants), String(t.transactions), money(t.sales)])
        }
        var crafts = ReportTable(columns: [L10n.text(.fCategory, lang), L10n.text(.fParticipants, lang), L10n.text(.fTransactions, lang),
                                           L10n.text(.fSales, lang)], numeric: [1, 2, 3])
        let craftRows = byCategory.sorted { $0.value.sales != $1.value.sales ? $0.value.sales > $1.value.sales : $0.key.rawValue < $1.key.rawValue }
        for (category, t) in craftRows { crafts.rows.append([category.label(lang), String(t.participants), String(t.transactions), money(t.sales)]) }
        let craftChart = BarChart(title: L10n.text(.rSalesPerCategory, lang),
                                  bars: craftRows.map { .init($0.key.label(lang), Double($0.value.sales), money($0.value.sales)) })

        var years = ReportTable(columns: [L10n.text(.rYear, lang)] + tallyColumns + [L10n.text(.rChange, lang)], numeric: [1, 2, 3, 4, 5])
        var previous: Int64?
        for (year, t) in byYear.sorted(by: { $0.key < $1.key }) {
            let change = previous.map { p in p > 0 ? String(format: "%+.0f%%", Double(t.sales - p) * 100 / Double(p)) : "–" } ?? "–"
            years.rows.append([String(year), String(t.exhibitions), String(t.participants), String(t.transactions), money(t.sales), change])
            previous = t.sales
        }
        let yearChart = BarChart(title: L10n.text(.rSalesPerYear, lang),
                                 bars: byYear.sorted { $0.key < $1.key }.map { .init(String($0.key), Double($0.value.sales), money($0.value.sales)) })
        return Report(name: .exhibitions, title: L10n.text(.rExhibitionsTitle, lang), subtitle: Report.subtitle(today, lang), sections: [
            .init(heading: L10n.text(.rPerExhibition, lang), table: each, notes: [L10n.text(.rAcceptedOnly, lang)]),
            .init(heading: L10n.text(.rPerLevel, lang), table: levels),
            .init(heading: L10n.text(.rPerCategory, lang), table: crafts, chart: craftChart),
            .init(heading: L10n.text(.rYearOverYear, lang), table: years, chart: yearChart),
        ])
    }
}

extension ExhibitionReport.Tally {
    mutating func add(_ people: Int, _ transactions: Int, _ sales: Int64, countsExhibition: Bool = true) {
        if countsExhibition { exhibitions += 1 }
        participants = participants.addingClamped(people)
        self.transactions = self.transactions.addingClamped(transactions)
        self.sales = self.sales.addingClamped(sales)
    }
}
