import Testing
@testable import KriyaCore

/// The council's reports, built from small data sets whose answers are known.
@Suite struct ReportTests {
    func artisan(_ name: String, _ kelurahan: String, _ category: CraftCategory, phone: Int) -> Command {
        .addArtisan(Fixture.artisan(name, phone: "0812\(String(format: "%08d", phone))", kelurahan: kelurahan, category: category))
    }

    @Test func coverageCountsMarksGapsAndFindsSignatures() throws {
        // Lowokwaru (Dinoyo): 4 ceramics, 1 batik. Klojen (Samaan): 4 batik. Nobody elsewhere.
        var commands: [Command] = (0..<4).map { artisan("K\($0)", "Dinoyo", .keramikGerabah, phone: $0) }
        commands.append(artisan("B", "Dinoyo", .batik, phone: 10))
        commands += (0..<4).map { artisan("S\($0)", "Samaan", .batik, phone: 20 + $0) }
        let data = try Fixture.build(commands)
        let report = Report.make(.coverage, data: data, today: Fixture.today, lang: .en)
        let matrix = try #require(report.sections[0].table)
        let lowokwaru = try #require(matrix.columns.firstIndex(of: "Lowokwaru"))
        let klojen = try #require(matrix.columns.firstIndex(of: "Klojen"))
        let ceramics = try #require(matrix.rows.firstIndex { $0[0] == "Ceramics & pottery" })
        let batik = try #require(matrix.rows.firstIndex { $0[0] == "Batik" })
        #expect(matrix.rows[ceramics][lowokwaru] == "4" && matrix.rows[batik][klojen] == "4" && matrix.rows[batik][lowokwaru] == "1")
        #expect(matrix.rows.last?.last == "9" && matrix.hasTotalRow)
        // 12 crafts × 5 kecamatan = 60 cells, of which 3 hold artisans.
        #expect(matrix.highlighted.count == 57)
        #expect(!matrix.highlighted.contains(.init(ceramics, lowokwaru)) && matrix.highlighted.contains(.init(ceramics, klojen)))

        let tops = try #require(report.sections[2].table)
        let row = { (name: String) in tops.rows.first { $0[0] == name }! }
        #expect(row("Lowokwaru")[1] == "Ceramics 4, Batik 1" && row("Lowokwaru")[2] == "Ceramics")
        #expect(row("Klojen")[2] == "Batik")
        #expect(row("Sukun")[2] == "none stands out" && row("Sukun")[3] == "12")
        #expect(report.sections[2].notes.last == "Without a signature craft yet: Blimbing, Kedungkandang, Sukun.")
    }

    @Test func certificationListsWhoToCallFirst() throws {
        var soon = Fixture.artisan("Erna", phone: "0812-1111-2222")
        soon.certifications = [Certification(kind: .pirt, number: "P-IRT 1", validUntil: Fixture.today.adding(days: 30)),
                               Certification(kind: .halal, validUntil: Fixture.today.adding(days: 400))]
        var lapsed = Fixture.artisan("Tono", phone: "0812-3333-4444")
        lapsed.certifications = [Certification(kind: .pirt, validUntil: Fixture.today.adding(days: -1))]
        var sooner = Fixture.artisan("Ani", phone: "0812-5555-6666")
        sooner.certifications = [Certification(kind: .halal, validUntil: Fixture.today.adding(days: 5))]
        let data = try Fixture.build([.addArtisan(soon), .addArtisan(lapsed), .addArtisan(sooner)])
        let report = Report.make(.certification, data: data, today: Fixture.today, lang: .en)
        let kinds = try #require(report.sections[0].table)
        #expect(kinds.rows.first { $0[0] == "PIRT" } == ["PIRT", "2", "1", "1", "1"])
        #expect(kinds.rows.first { $0[0] == "halal" } == ["halal", "2", "2", "0", "1"])
        let calls = try #require(report.sections[1].table)
        #expect(calls.rows.map { $0[0] } == ["Ani", "Erna"])
        #expect(calls.rows[0][5] == "5" && calls.rows[0][6] == "0812-5555-6666")
    }

    @Test func trainingCountsAttendanceAndTheUntrained() throws {
        var s = Fixture.session(start: Fixture.today.adding(days: -3), days: 2)
        s.topic = "batik dasar"
        var data = try Fixture.build([.addArtisan(Fixture.artisan("A", phone: "081200000001")),
                                      .addArtisan(Fixture.artisan("B", phone: "081200000002")),
                                      .addArtisan(Fixture.artisan("C", phone: "081200000003", kelurahan: "Samaan")), .addSession(s)])
        let session = EntityID(.session, 1)
        for n in [1, 2] { data.commit(try data.plan(.enrol(session: session, artisan: EntityID(.artisan, n), role: .peserta), Fixture.ctx)) }
        let day1 = Fixture.today.adding(days: -3), day2 = Fixture.today.adding(days: -2)
        for (n, day, mark) in [(1, day1, AttendanceMark.hadir), (1, day2, .terlambat), (2, day1, .alpa), (2, day2, .hadir)] {
            // Marked at the door on the day itself.
            data.commit(try data.plan(.markAttendance(session: session, artisan: EntityID(.artisan, n), day: day, mark: mark,
                                                      time: nil, note: nil), CommandContext(user: "tester", today: day, time: Fixture.ctx.time)))
        }
        let report = Report.make(.training, data: data, today: Fixture.today, lang: .en)
        #expect(report.sections[0].table?.rows == [[String(day1.year), "1", "2", "75%"]])
        #expect(report.sections[1].table?.rows.first == ["batik dasar", "1", "2", "75%"])
        let never = try #require(report.sections[2].table)
        #expect(never.rows.first { $0[0] == "Lowokwaru" } == ["Lowokwaru", "2", "0", "0%"])
        #expect(never.rows.first { $0[0] == "Klojen" } == ["Klojen", "1", "1", "100%"])
        #expect(never.rows.last == ["Total", "3", "1", "33%"])
    }

    @Test func exhibitionsAddUpAndCompareYears() throws {
        var commands: [Command] = [.addArtisan(Fixture.artisan())]
        for (year, sales) in [(2025, 10_000_000), (2026, 15_000_000)] {
            var e = Fixture.exhibition(start: CivilDate(year: year, month: 3, day: 10)!)
            e.name = "Fair \(year)"
            e.level = year == 2025 ? .nasional : .lokal
            commands.append(.addExhibition(e))
            let id = EntityID(.exhibition, year - 2024)
            commands += [.propose(exhibition: id, artisan: EntityID(.artisan, 1)),
                         .setCuration(exhibition: id, artisan: EntityID(.artisan, 1), curation: .accepted),
                         .recordSales(exhibition: id, artisan: EntityID(.artisan, 1), sales: Int64(sales), transactions: 10, leads: 2)]
        }
        let data = try Fixture.build(commands)
        let report = Report.make(.exhibitions, data: data, today: Fixture.today, lang: .en)
        let each = try #require(report.sections[0].table)
        #expect(each.rows.last == ["Total", "", "", "2", "20", "Rp25.000.000"])
        #expect(each.rows[0][1] == "10–12/03/2025")
        let levels = try #require(report.sections[1].table)
        #expect(levels.rows.first { $0[0] == "national" } == ["national", "1", "1", "10", "Rp10.000.000"])
        let years = try #require(report.sections[3].table)
        #expect(years.rows.map(\.last) == ["–", "+50%"])
        #expect(report.sections[2].table?.rows == [["Ceramics & pottery", "2", "20", "Rp25.000.000"]])
    }
}
