import Testing
@testable import KriyaCore

/// Issue 14, finding 12: what a saved change says to staff is in their language; the audit's
/// internal names (`set-curation`, `mark-attendance`, `certificateMinDays`, "trx") never show.
@Suite struct ChangeWordsTests {
    typealias F = Fixture
    let sid = EntityID(.session, 1), eid = EntityID(.exhibition, 1)
    let a = EntityID(.artisan, 1), b = EntityID(.artisan, 2), c = EntityID(.artisan, 3)
    /// English words and internal names that must not reach an Indonesian user.
    static let forbidden = ["-", "trx", "leads", "absent", "moved up", "waitlist", "none due", "registered", "accepted",
                            "enrolled", "added", "updated", "excused", "present", "late"]

    /// Every kind of change a clerk makes on an event day, as the core plans it.
    func changes() throws -> [Change] {
        var d = try F.build([.addSession(F.session(start: F.today, days: 2, capacity: 1)), .addExhibition(F.exhibition(start: F.today.adding(days: -1))),
                             .addArtisan(F.artisan("Ani", phone: "0812-0000-0001")), .addArtisan(F.artisan("Budi", phone: "0812-0000-0002")),
                             .addArtisan(F.artisan("Citra", phone: "0812-0000-0003"))])
        let at = ClockTime(hour: 8, minute: 10)!
        var out: [Change] = []
        for command: Command in [
            .enrol(session: sid, artisan: a, role: .peserta), .enrol(session: sid, artisan: b, role: .peserta),
            .checkIn(session: sid, artisan: a, day: F.today, time: at, enrol: false),
            .checkIn(session: sid, artisan: c, day: F.today, time: at, enrol: true, pastCapacity: true),
            .markAttendance(session: sid, artisan: a, day: F.today, mark: .sakit, time: nil, note: "demam"),
            .clearAttendance(session: sid, artisan: a, day: F.today),
            .closeDay(session: sid, day: F.today), .issueCertificates(session: sid, pattern: .standard, year: 2026),
            .withdraw(session: sid, artisan: a),
            .propose(exhibition: eid, artisan: a), .setCuration(exhibition: eid, artisan: a, curation: .accepted),
            .assignBooth(exhibition: eid, artisan: a, booth: "a 1"),
            .recordSales(exhibition: eid, artisan: a, sales: 3_250_000, transactions: 12, leads: 3),
        ] {
            let change = try d.plan(command, F.ctx)
            d.commit(change)
            out.append(change)
        }
        return out
    }

    @Test func everyEventDayChangeReadsInIndonesian() throws {
        for change in try changes() {
            let said = ChangeWords.summary(change, .id, name: { $0 == EntityID(.artisan, 2) ? "Budi" : nil })
            #expect(!said.contains(change.command), "\(said)")
            for word in Self.forbidden where word != "-" { #expect(!said.lowercased().contains(word), "\(change.command): \(said)") }
        }
        let all = try changes().map { ChangeWords.summary($0, .id, name: { $0 == EntityID(.artisan, 2) ? "Budi" : nil }) }
        #expect(all.contains("Hari ditutup: 29 Nov 2026: 1 alpa"), "\(all)")
        #expect(all.contains("Presensi dicatat: 29 Nov 2026 sakit (demam)"), "\(all)")
        #expect(all.contains("Penjualan dicatat: Rp3.250.000, 12 transaksi, 3 calon pembeli"), "\(all)")
        // Citra, let in at the door, keeps the session full: nobody moves up.
        #expect(all.contains("Mengundurkan diri"), "\(all)")
        #expect(all.contains("Hasil kurasi: lolos kurasi") && all.contains("Stan: nomor stan A-01"), "\(all)")
        #expect(all.contains { $0.hasPrefix("Presensi peserta: didaftarkan di tempat; 29 Nov 2026 ") }, "\(all)")
    }

    @Test func englishReadsAsEnglishWithPlurals() throws {
        let all = try changes().map { ChangeWords.summary($0, .en) }
        #expect(all.contains("Sales recorded: Rp3.250.000, 12 transactions, 3 trade leads"), "\(all)")
        #expect(all.contains("Day closed: 29 Nov 2026: 1 absent"), "\(all)")
    }

    @Test func undoAndImportNameWhatTheyTookBack() {
        #expect(ChangeWords.detail("mark-attendance", of: "undo", .id) == "Presensi dicatat")
        #expect(ChangeWords.detail("A-000002 moved up from the waitlist", of: "withdraw", .id, name: { _ in "Budi" }) == "Budi naik dari daftar tunggu")
        #expect(ChangeWords.detail("pameran.csv: 4 added, 0 updated", of: "import", .id) == "pameran.csv: 4 ditambahkan, 0 diperbarui")
        // A detail this version does not know is shown as stored, never dropped.
        #expect(ChangeWords.detail("something new", of: "close-day", .id) == "something new")
        #expect(ChangeWords.command("a-newer-command", .id) == "a-newer-command")
    }

    @Test func everyStoredFieldAndCommandHasALabelInBothLanguages() throws {
        let records: [Any] = [F.artisan(), F.session(), F.exhibition()]
        for record in records {
            for child in Mirror(reflecting: record).children {
                guard let field = child.label, !["id", "rev", "unknownMembers", "phoneTyped"].contains(field) else { continue }
                for lang in Lang.allCases { #expect(ChangeWords.field(field, lang) != field, "\(field) has no \(lang) label") }
            }
        }
        for change in try changes() {
            for lang in Lang.allCases { #expect(ChangeWords.command(change.command, lang) != change.command) }
        }
        for name in ["add-artisan", "update-artisan", "add-session", "update-session", "add-exhibition", "update-exhibition",
                     "issue-certificate", "archive-artisan", "restore-artisan", "delete", "undo", "import", "undo-import"] {
            for lang in Lang.allCases { #expect(ChangeWords.command(name, lang) != name) }
        }
    }
}
