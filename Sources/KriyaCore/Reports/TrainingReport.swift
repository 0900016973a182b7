/// Bimtek sessions and who took part: per year, per topic, and the artisans never trained.
enum TrainingReport {
    /// Present (or late) marks against the marks possible so far, for registered participants.
    struct Tally {
        var sessions = 0, participants = 0, present = 0, possible = 0
        mutating func add(_ s: BimtekSession, today: CivilDate) {
            sessions += 1
            let people = s.participants.filter { $0.enrolment == .registered && $0.role == .peserta }
            participants += people.count
            let pastDays = s.days.filter { $0 <= today }
            possible += pastDays.count * people.count
            for p in people { present += p.attendance.filter { pastDays.contains($0.day) && $0.mark.countsAsPresent }.count }
        }
        var rate: String { Report.percent(present, of: possible) }
    }

    static func make(_ data: Dataset, today: CivilDate, lang: Lang) -> Report {
        let sessions = data.sessions.items.filter { $0.status != .cancelled }
        var byYear: [Int: Tally] = [:]
        var byTopic: [String: Tally] = [:]
        var trained = Set<EntityID>()
        for s in sessions {
            byYear[s.start.year, default: Tally()].add(s, today: today)
            byTopic[s.topic ?? s.title, default: Tally()].add(s, today: today)
            for p in s.participants where p.enrolment == .registered && p.role == .peserta && s.start <= today {
                trained.insert(p.artisan)
            }
        }
        let numbers: Set<Int> = [1, 2, 3]
        var years = ReportTable(columns: [L10n.text(.rYear, lang), L10n.text(.rSessions, lang), L10n.text(.fParticipants, lang),
                                          L10n.text(.fAttendance, lang)], numeric: numbers)
        for (year, t) in byYear.sorted(by: { $0.key < $1.key }) {
            years.rows.append([String(year), String(t.sessions), String(t.participants), t.rate])
        }
        var topics = ReportTable(columns: [L10n.text(.fTopic, lang), L10n.text(.rSessions, lang), L10n.text(.fParticipants, lang),
                                           L10n.text(.fAttendance, lang)], numeric: numbers)
        let topicRows = byTopic.sorted { $0.value.participants != $1.value.participants ? $0.value.participants > $1.value.participants : $0.key < $1.key }
        for (topic, t) in topicRows { topics.rows.append([topic, String(t.sessions), String(t.participants), t.rate]) }
        let topicChart = BarChart(title: L10n.text(.rParticipantsPerTopic, lang),
                                  bars: topicRows.map { .init($0.key, Double($0.value.participants), String($0.value.participants)) })

        var never = ReportTable(columns: [L10n.text(.fKecamatan, lang), L10n.text(.rArtisans, lang), L10n.text(.rNeverTrained, lang),
                                          L10n.text(.rShare, lang)], numeric: numbers)
        var bars: [BarChart.Bar] = []
        var all = 0, untrained = 0
        for kec in Wilayah.kecamatan {
            let here = data.artisans.items.filter { !$0.archived && $0.kecamatanCode == kec.code }
            let notYet = here.filter { !trained.contains($0.id) }.count
            all += here.count
            untrained += notYet
            never.rows.append([kec.name, String(here.count), String(notYet), Report.percent(notYet, of: here.count)])
            bars.append(.init(kec.name, here.isEmpty ? 0 : Double(notYet) / Double(here.count), Report.percent(notYet, of: here.count)))
        }
        never.rows.append([L10n.text(.rTotal, lang), String(all), String(untrained), Report.percent(untrained, of: all)])
        never.hasTotalRow = true

        return Report(name: .training, title: L10n.text(.rTrainingTitle, lang), subtitle: Report.subtitle(today, lang), sections: [
            .init(heading: L10n.text(.rPerYear, lang), table: years, notes: [L10n.text(.rAttendanceRule, lang)]),
            .init(heading: L10n.text(.rPerTopic, lang), table: topics, chart: topicChart),
            .init(heading: L10n.text(.rNeverTrainedByKecamatan, lang), table: never,
                  chart: BarChart(title: L10n.text(.rNeverTrainedShare, lang), bars: bars)),
        ])
    }
}
