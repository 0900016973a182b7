import Foundation
import Testing
@testable import KriyaCore
@testable import KriyaStore

/// Issue 14 on the command line: duplicates refused naming who, marks only from their day on,
/// marks corrected with a reason, withdrawn people kept in the attendance list.
@Suite struct EventDayCommandTests {
    let data = TempFolder("eventday")

    /// Two artisans, a two-day session from today with both enrolled.
    func store() throws -> Store {
        let store = try Store(path: data.path)
        for (name, phone) in [("Siti Rahayu", "0812-0000-1234"), ("Budi Santoso", "0812-0000-5678")] {
            try store.apply(.addArtisan(Artisan(id: EntityID(.artisan, 1), name: name, phone: phone, kelurahan: Wilayah.kelurahan[0].code,
                                                business: "Usaha " + name, category: .batik)))
        }
        let today = SystemInfo.now().today
        try store.apply(.addSession(BimtekSession(id: EntityID(.session, 1), title: "Bimtek Batik", organiser: "Dekranasda",
                                                  venue: "Aula", start: today, end: today.adding(days: 1))))
        for n in 1...2 { try store.apply(.enrol(session: EntityID(.session, 1), artisan: EntityID(.artisan, n), role: .peserta)) }
        return store
    }

    @Test func addingSomeoneAlreadyRegisteredIsRefusedNamingThem() throws {
        _ = try store()
        let args = ["add", "artisan", "--name", "Siti R", "--phone", "+62 812 0000 1234", "--kelurahan", "Dinoyo", "--business", "Keramik",
                    "--category", "keramik", "--data", data.path]
        let refused = try Kriya.run(args)
        #expect(refused.status == 65 && refused.stderr.contains("A-000001") && refused.stderr.contains("Siti Rahayu"), "\(refused.stderr)")
        #expect(try Store(path: data.path).data.artisans.count == 2)
        let anyway = try Kriya.run(args + ["--allow-duplicate"])
        #expect(anyway.status == 0 && anyway.stdout.hasPrefix("A-000003"))
        let check = try Kriya.run(["check", "--data", data.path])
        #expect(check.stdout.contains("A-000001, A-000003"), "\(check.stdout)")
    }

    @Test func noCheckInOnADayThatHasNotBegunAndMarksAreCorrected() throws {
        _ = try store()
        let tomorrow = try Kriya.run(["checkin", "B-000001", "A-000001", "--day", "2", "--data", data.path])
        #expect(tomorrow.status == 65 && tomorrow.stderr.contains("has not begun"), "\(tomorrow.stderr)")
        #expect(try Kriya.run(["checkin", "B-000001", "A-000001", "--data", data.path]).status == 0)
        let set = try Kriya.run(["attendance", "B-000001", "--set", "A-000001", "--day", "1", "--mark", "sakit", "--reason", "demam",
                                 "--data", data.path])
        #expect(set.status == 0 && (set.stdout.contains("sick") || set.stdout.contains("sakit")) && set.stdout.contains("demam"),
                "\(set.stdout)\(set.stderr)")
        let mark = try Store(path: data.path).data.sessions.items[0].participant(EntityID(.artisan, 1))?.attendance.first
        #expect(mark?.mark == .sakit && mark?.note == "demam")
        #expect(try Kriya.run(["attendance", "B-000001", "--set", "A-000001", "--day", "1", "--mark", "none", "--data", data.path]).status == 0)
        #expect(try Store(path: data.path).data.sessions.items[0].participant(EntityID(.artisan, 1))?.attendance.isEmpty == true)
        let unknown = try Kriya.run(["attendance", "B-000001", "--set", "A-000001", "--mark", "maybe", "--data", data.path])
        #expect(unknown.status != 0 && unknown.stderr.contains("maybe"))
    }

    /// Issue 30, findings 4 and 8: `check` lists people registered twice by name and place as
    /// well as by number; `find` leaves a merged record out (it is nobody to call) unless --all,
    /// which marks it.
    @Test func checkListsNamesakesAndFindLeavesMergedRecordsOut() throws {
        let store = try store()
        let siti = try #require(store.data.artisans[EntityID(.artisan, 1)])
        var again = siti
        again.phone = "0857-9999-0000"
        try store.apply(.addArtisan(again))
        let check = try Kriya.run(["check", "--data", data.path, "--lang", "en"])
        #expect(check.stdout.contains("same name and kelurahan: A-000001, A-000003"), "\(check.stdout)")
        let two = try Kriya.run(["find", "siti", "--data", data.path, "--lang", "en"])
        #expect(two.stdout.contains("A-000001") && two.stdout.contains("A-000003"))
        let kept = try #require(store.data.artisans[EntityID(.artisan, 1)]), gone = try #require(store.data.artisans[EntityID(.artisan, 3)])
        try store.apply(.mergeArtisans(keep: kept.id, other: gone.id, keepRev: kept.rev, otherRev: gone.rev))
        let one = try Kriya.run(["find", "siti", "--data", data.path, "--lang", "en"])
        #expect(one.stdout.contains("A-000001") && !one.stdout.contains("A-000003"), "\(one.stdout)")
        let all = try Kriya.run(["find", "siti", "--all", "--data", data.path, "--lang", "en"])
        #expect(all.stdout.contains("A-000003") && all.stdout.contains("merged into A-000001"), "\(all.stdout)")
        let after = try Kriya.run(["check", "--data", data.path, "--lang", "en"])
        #expect(!after.stdout.contains("A-000001, A-000003"), "\(after.stdout)")
    }

    /// Issue 30, finding 1: the command line and the console apply the core's one rule; a past
    /// day is not the door's, and its correction says why.
    @Test func aPastDayTakesNoCheckInAndItsCorrectionSaysWhy() throws {
        let store = try store()
        var s = try #require(store.data.sessions.items.first)
        let today = SystemInfo.now().today
        (s.start, s.end) = (today.adding(days: -8), today.adding(days: -7))
        try store.apply(.updateSession(s, baseRev: s.rev))
        let late = try Kriya.run(["checkin", "B-000001", "A-000002", "--day", "2", "--data", data.path, "--lang", "en"])
        #expect(late.status == 65 && late.stderr.contains("is past: the door marks only today"), "\(late.stderr)")
        let noReason = try Kriya.run(["attendance", "B-000001", "--set", "A-000002", "--day", "2", "--mark", "terlambat", "--data", data.path,
                                      "--lang", "en"])
        #expect(noReason.status == 65 && noReason.stderr.contains("says why"), "\(noReason.stderr)")
        #expect(try Store(path: data.path).data.sessions.items[0].participant(EntityID(.artisan, 2))?.attendance.isEmpty == true)
        let because = try Kriya.run(["attendance", "B-000001", "--set", "A-000002", "--day", "2", "--mark", "terlambat",
                                     "--reason", "daftar hadir kertas", "--data", data.path])
        #expect(because.status == 0, "\(because.stderr)")
    }

    @Test func someoneWhoWithdrewStaysInTheAttendanceWithWhatTheyHad() throws {
        let store = try store()
        try store.apply(.checkIn(session: EntityID(.session, 1), artisan: EntityID(.artisan, 2), day: SystemInfo.now().today,
                                 time: ClockTime(hour: 8, minute: 0)!, enrol: false))
        try store.apply(.withdraw(session: EntityID(.session, 1), artisan: EntityID(.artisan, 2)))
        let list = try Kriya.run(["attendance", "B-000001", "--day", "1", "--data", data.path, "--lang", "en"])
        #expect(list.stdout.contains("Budi Santoso (withdrawn)"), "\(list.stdout)")
        let csv = try Kriya.run(["attendance", "B-000001", "--csv", "--data", data.path])
        #expect(csv.stdout.contains("A-000002"))
    }

    /// Finding 13: the real limit of --days said; CSV for Excel with Indonesian settings.
    @Test func smallOnesMetOnTheWay() throws {
        _ = try store()
        let far = try Kriya.run(["agenda", "--days", "5000", "--data", data.path])
        #expect(far.status == 65 && far.stderr.contains("from 1 to 3660"), "\(far.stderr)")
        // Indonesian: ";" as Excel there expects; English: ","; --separator says otherwise.
        let id = try Kriya.run(["export", "artisans", "--lang", "id", "--data", data.path])
        let en = try Kriya.run(["export", "artisans", "--lang", "en", "--data", data.path])
        let comma = try Kriya.run(["attendance", "B-000001", "--csv", "--separator", "comma", "--lang", "id", "--data", data.path])
        let semi = try Kriya.run(["attendance", "B-000001", "--csv", "--lang", "id", "--data", data.path])
        #expect(id.stdout.split(separator: "\r\n").first?.contains(";Nama;") == true, "\(id.stdout.prefix(200))")
        #expect(en.stdout.split(separator: "\r\n").first?.contains(",Name,") == true, "\(en.stdout.prefix(200))")
        #expect(comma.stdout.contains(",Siti Rahayu,") && semi.stdout.contains(";Siti Rahayu;"), "\(comma.stdout)\n\(semi.stdout)")
        // What was exported in Indonesian imports back unchanged.
        let file = data.path + "-export.csv"
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(try Kriya.run(["export", "artisans", "--lang", "id", "--out", file, "--data", data.path]).status == 0)
        let back = try Kriya.run(["import", "artisans", file, "--dry-run", "--data", data.path])
        #expect(back.stdout.contains("separator \";\"") && back.stdout.contains("0 bad"), "\(back.stdout)")
    }

    /// Duplicates already stored: listed by check with how to merge them; merged in one step.
    @Test func aDuplicateIsMergedFromTheCommandLine() throws {
        let store = try store()
        try store.apply(.addArtisan(Artisan(id: EntityID(.artisan, 1), name: "Siti R.", phone: "+62 812 0000 1234",
                                            kelurahan: Wilayah.kelurahan[0].code, business: "Keramik Siti", category: .batik), allowDuplicate: true))
        try store.apply(.enrol(session: EntityID(.session, 1), artisan: EntityID(.artisan, 3), role: .peserta))
        let check = try Kriya.run(["check", "--data", data.path, "--lang", "en"])
        #expect(check.stdout.contains("A-000001, A-000003") && check.stdout.contains("kriya merge KEEP DUPLICATE"), "\(check.stdout)")
        let merged = try Kriya.run(["merge", "A-000001", "A-000003", "--data", data.path, "--lang", "en"])
        #expect(merged.status == 0 && merged.stdout.contains("A-000003 Siti R. merged into A-000001 Siti Rahayu"), "\(merged.stderr)")
        let after = try Store(path: data.path).data
        #expect(after.sessions.items.first?.participant(EntityID(.artisan, 3)) == nil && after.artisans[EntityID(.artisan, 3)]?.mergedInto == EntityID(.artisan, 1))
        #expect(try Kriya.run(["check", "--data", data.path]).stdout.contains("A-000001, A-000003") == false)
        #expect(try Kriya.run(["show", "A-000003", "--data", data.path, "--lang", "en"]).stdout.contains("Merged into"))
        let twice = try Kriya.run(["merge", "A-000001", "A-000003", "--data", data.path, "--lang", "en"])
        #expect(twice.status == 65 && twice.stderr.contains("already merged"), "\(twice.stderr)")
    }
}

/// Issue 14, finding 10: the CLI's filters take what the forms take, and say the human names.
@Suite struct FilterWordsTests {
    let data = TempFolder("filters")

    @Test func categoryWordsAndKecamatanStartsWork() throws {
        #expect(try Kriya.run(["demo", "--data", data.path]).status == 0)
        let gerabah = try Kriya.run(["find", "--category", "gerabah", "--data", data.path])
        #expect(gerabah.status == 0 && gerabah.stdout.contains("A-"), "\(gerabah.stderr)")
        let lowok = try Kriya.run(["find", "--kecamatan", "Lowok", "--data", data.path])
        #expect(lowok.status == 0 && lowok.stdout.contains("A-"), "\(lowok.stderr)")
        let unknown = try Kriya.run(["find", "--category", "plastik", "--data", data.path, "--lang", "en"])
        #expect(unknown.status != 0 && unknown.stderr.contains("Batik") && !unknown.stderr.contains("keramik_gerabah"), "\(unknown.stderr)")
    }
}

/// Issue 14, exhibitions: the delegation with booths, lacks and sales, for the organiser.
@Suite struct DelegationExportTests {
    let data = TempFolder("delegation")

    @Test func theDelegationIsExportedAsCSVAndJSON() throws {
        let store = try Store(path: data.path)
        for (name, phone) in [("Siti Rahayu", "0812-0000-1234"), ("Budi Santoso", "0812-0000-5678")] {
            try store.apply(.addArtisan(Artisan(id: EntityID(.artisan, 1), name: name, phone: phone, kelurahan: Wilayah.kelurahan[0].code,
                                                business: "Usaha " + name, category: .batik)))
        }
        let today = SystemInfo.now().today
        var e = Exhibition(id: EntityID(.exhibition, 1), name: "Malang Food Fair", level: .lokal, start: today.adding(days: -2), end: today)
        e.requiredCertifications = [.pirt]
        try store.apply(.addExhibition(e))
        let eid = EntityID(.exhibition, 1)
        for n in 1...2 { try store.apply(.propose(exhibition: eid, artisan: EntityID(.artisan, n))) }
        try store.apply(.setCuration(exhibition: eid, artisan: EntityID(.artisan, 2), curation: .rejected, note: "belum ada PIRT"))
        try store.apply(.setCuration(exhibition: eid, artisan: EntityID(.artisan, 1), curation: .accepted))
        try store.apply(.assignBooth(exhibition: eid, artisan: EntityID(.artisan, 1), booth: "b 3"))
        try store.apply(.recordSales(exhibition: eid, artisan: EntityID(.artisan, 1), sales: 4_500_000, transactions: 30, leads: 2))

        let csv = try Kriya.run(["export", "delegation", "P-000001", "--lang", "id", "--data", data.path])
        let lines = csv.stdout.split(separator: "\r\n").map(String.init)
        #expect(csv.status == 0 && lines.count == 3, "\(csv.stderr)\(csv.stdout)")
        #expect(lines[0].contains("Stan;") && lines[0].contains("Sertifikasi wajib yang belum ada"), "\(lines[0])")
        #expect(lines[1].contains(";Siti Rahayu;") && lines[1].contains(";lolos kurasi;B-03;") && lines[1].contains(";PIRT;4500000;30;2;"), "\(lines[1])")
        #expect(lines[2].contains(";Budi Santoso;") && lines[2].contains("tidak lolos kurasi") && lines[2].hasSuffix(";belum ada PIRT"), "\(lines[2])")
        let json = try Kriya.run(["export", "delegation", "P-000001", "--format", "json", "--data", data.path])
        let list = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(list.count == 2 && list.first?["booth"] as? String == "B-03" && list.last?["curationNote"] as? String == "belum ada PIRT")
        let missing = try Kriya.run(["export", "delegation", "--data", data.path])
        #expect(missing.status == 64 && missing.stderr.contains("needs the exhibition"), "\(missing.stderr)")
        // kriya show names what the fair requires and who lacks it.
        let show = try Kriya.run(["show", "P-000001", "--data", data.path, "--lang", "en"])
        #expect(show.stdout.contains("Required certifications") && show.stdout.contains("PIRT") && show.stdout.contains("belum ada PIRT"), "\(show.stdout)")
    }
}
