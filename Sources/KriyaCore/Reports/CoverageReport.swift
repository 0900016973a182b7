/// Artisans per kecamatan and craft: where each craft is, where it is missing, and each
/// kecamatan's signature crafts (the mayor wants every kecamatan to have its own).
enum CoverageReport {
    /// A craft is a kecamatan's signature when its share of the kecamatan's artisans is at
    /// least this many times its share in the whole city (a location quotient), with at least
    /// `signatureMinimum` artisans.
    static let signatureRatio = 1.5
    static let signatureMinimum = 3

    static func make(_ data: Dataset, today: CivilDate, lang: Lang) -> Report {
        let kecamatan = Wilayah.kecamatan
        let categories = CraftCategory.allCases
        var counts = [[Int]](repeating: [Int](repeating: 0, count: kecamatan.count), count: categories.count)
        let kecIndex = Dictionary(uniqueKeysWithValues: kecamatan.enumerated().map { ($1.code, $0) })
        let catIndex = Dictionary(uniqueKeysWithValues: categories.enumerated().map { ($1, $0) })
        for a in data.artisans.items where !a.archived {
            guard let k = a.kecamatanCode.flatMap({ kecIndex[$0] }), let c = catIndex[a.category] else { continue }
            counts[c][k] += 1
        }
        let perKec = kecamatan.indices.map { k in categories.indices.reduce(0) { $0 + counts[$1][k] } }
        let perCat = categories.indices.map { c in counts[c].reduce(0, +) }
        let total = perKec.reduce(0, +)

        var matrix = ReportTable(columns: [L10n.text(.fCategory, lang)] + kecamatan.map(\.name) + [L10n.text(.rTotal, lang)],
                                 numeric: Set(1...kecamatan.count + 1))
        for (c, category) in categories.enumerated() {
            matrix.rows.append([category.label(lang)] + counts[c].map(String.init) + [String(perCat[c])])
            for k in kecamatan.indices where counts[c][k] == 0 { matrix.highlighted.insert(.init(c, k + 1)) }
        }
        matrix.rows.append([L10n.text(.rTotal, lang)] + perKec.map(String.init) + [String(total)])
        matrix.hasTotalRow = true
        let empty = matrix.highlighted.count

        var tops = ReportTable(columns: [L10n.text(.fKecamatan, lang), L10n.text(.rTopCategories, lang), L10n.text(.rSignature, lang),
                                         L10n.text(.rMissing, lang)], numeric: [3])
        var withoutSignature: [String] = []
        for (k, kec) in kecamatan.enumerated() {
            let ranked = categories.indices.filter { counts[$0][k] > 0 }.sorted { counts[$0][k] > counts[$1][k] }
            let top = ranked.prefix(3).map { "\(categories[$0].shortLabel(lang)) \(counts[$0][k])" }.joined(separator: ", ")
            let signature = categories.indices.filter { c in
                guard counts[c][k] >= signatureMinimum, perKec[k] > 0, perCat[c] > 0, total > 0 else { return false }
                let local = Double(counts[c][k]) / Double(perKec[k])
                let city = Double(perCat[c]) / Double(total)
                return local >= signatureRatio * city
            }.sorted { counts[$0][k] > counts[$1][k] }
            if signature.isEmpty { withoutSignature.append(kec.name) }
            let missing = categories.indices.filter { counts[$0][k] == 0 }.count
            tops.rows.append([kec.name, top.isEmpty ? "–" : top,
                              signature.isEmpty ? L10n.text(.rNoSignature, lang) : signature.map { categories[$0].shortLabel(lang) }.joined(separator: ", "),
                              String(missing)])
        }

        let chart = BarChart(title: L10n.text(.rArtisansPerKecamatan, lang),
                             bars: kecamatan.indices.map { .init(kecamatan[$0].name, Double(perKec[$0]), String(perKec[$0])) })
        var signatureNotes = [L10n.text(.rSignatureRule, lang, "\(signatureRatio)".replacingAll(".", with: lang == .id ? "," : "."), signatureMinimum)]
        signatureNotes.append(withoutSignature.isEmpty ? L10n.text(.rAllHaveSignature, lang)
                                                       : L10n.text(.rWithoutSignature, lang, withoutSignature.joined(separator: ", ")))
        return Report(name: .coverage, title: L10n.text(.rCoverageTitle, lang), subtitle: Report.subtitle(today, lang), sections: [
            .init(heading: L10n.text(.rCoverageMatrix, lang), table: matrix, notes: [L10n.text(.rEmptyCells, lang, empty)]),
            .init(heading: L10n.text(.rArtisansPerKecamatan, lang), chart: chart),
            .init(heading: L10n.text(.rTopAndSignature, lang), table: tops, notes: signatureNotes),
        ])
    }
}
