import Foundation
import Testing
@testable import KriyaCore
@testable import KriyaStore
@testable import KriyaViews
@testable import KriyaCLI

/// Issue 15: the daftar hadir as a printable document.
@Suite struct AttendanceSheetTests {
    let today = CivilDate(year: 2026, month: 11, day: 30)!

    /// Four participants (one with a name that is markup), a speaker, one on the waitlist and one
    /// who withdrew; a two-day session.
    func data() throws -> (Dataset, BimtekSession) {
        let ctx = CommandContext(user: "ratna", today: today, time: ClockTime(hour: 9, minute: 0)!)
        var d = Dataset()
        let names = ["Siti <b>Rahayu</b> & \"Co\"", "Budi Santoso", "Ani Wijaya", "Dewi Lestari", "Pak Narasumber", "Eko Tunggu", "Fajar Mundur"]
        for (i, name) in names.enumerated() {
            d.commit(try d.plan(.addArtisan(Artisan(id: EntityID(.artisan, 1), name: name, phone: "0812-0000-50\(10 + i)",
                                                    kelurahan: Wilayah.kelurahan[i].code, business: "Usaha \(i)", category: .batik)), ctx))
        }
        var s = BimtekSession(id: EntityID(.session, 1), title: "Bimtek Pewarna Alam", organiser: "Dekranasda Kota Malang",
                              venue: "Aula Balai Kota", start: today, end: today.adding(days: 1))
        s.capacity = 5
        s.partner = "Universitas Brawijaya"
        d.commit(try d.plan(.addSession(s), ctx))
        let sid = EntityID(.session, 1)
        for n in [1, 2, 3, 4, 7] { d.commit(try d.plan(.enrol(session: sid, artisan: EntityID(.artisan, n), role: .peserta), ctx)) }
        d.commit(try d.plan(.enrol(session: sid, artisan: EntityID(.artisan, 5), role: .narasumber), ctx))
        d.commit(try d.plan(.enrol(session: sid, artisan: EntityID(.artisan, 6), role: .peserta), ctx))   // full: waitlist
        d.commit(try d.plan(.withdraw(session: sid, artisan: EntityID(.artisan, 7)), ctx))                // Eko moves up
        d.commit(try d.plan(.checkIn(session: sid, artisan: EntityID(.artisan, 2), day: today, time: ClockTime(hour: 8, minute: 12)!, enrol: false), ctx))
        d.commit(try d.plan(.markAttendance(session: sid, artisan: EntityID(.artisan, 3), day: today, mark: .izin, time: nil, note: "anak sakit"), ctx))
        return (d, try #require(d.sessions[sid]))
    }

    @Test func everyParticipantByNameWithStaggeredSignatureCells() throws {
        let (d, s) = try data()
        let html = AttendanceSheet.html(s, day: today, data: d, lang: .id, blankRows: 3)
        // Participants only (no speaker, nobody who withdrew), waitlist moved up included, by name.
        let rows = html.components(separatedBy: "<tr class=\"person\">").dropFirst().map { String($0.prefix { $0 != "\n" }) }
        let order = ["Ani Wijaya", "Budi Santoso", "Dewi Lestari", "Eko Tunggu", "Siti &lt;b&gt;Rahayu&lt;/b&gt; &amp; &quot;Co&quot;"]
        #expect(rows.count == 5)
        for (row, name) in zip(rows, order) { #expect(row.contains("<td>\(name)</td>"), "\(row)") }
        #expect(rows[0].contains("<td class=\"phone\">0812-0000-5012</td>"), "\(rows[0])")
        #expect(!html.contains("Pak Narasumber") && !html.contains("Fajar Mundur") && !html.contains("<b>Rahayu"))
        // Odd rows sign left, even rows right; the three blank rows number on.
        #expect(rows[0].hasSuffix("<td class=\"sig left\">1.</td><td class=\"sig right\"></td></tr>"))
        #expect(rows[1].hasSuffix("<td class=\"sig left\"></td><td class=\"sig right\">2.</td></tr>"))
        #expect(html.components(separatedBy: "<tr class=\"blank\">").count == 4 && html.contains("<td class=\"sig right\">8.</td>"))
        // The heading row repeats on every page; rows never split; A4.
        #expect(html.contains("thead { display: table-header-group; }") && html.contains("page-break-inside: avoid") && html.contains("size: A4"))
        // The day in Indonesian, the place, the partner, the letterhead and "Mengetahui".
        #expect(html.contains("Senin, 30 November 2026 (hari ke-1 dari 2)") && html.contains("Universitas Brawijaya"))
        #expect(html.contains("Dekranasda") && html.contains("Malang, 30 November 2026") && html.contains("Mengetahui,"))
        #expect(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"))
    }

    @Test func afterTheDayTheRecapShowsMarksAndTimes() throws {
        let (d, s) = try data()
        let html = AttendanceSheet.html(s, day: today, data: d, lang: .id, filled: true)
        #expect(html.contains("<td class=\"mark\">hadir 08:12</td>") && html.contains("<td class=\"mark\">izin (anak sakit)</td>"))
        #expect(html.contains("<th>Presensi</th>") && !html.contains("class=\"sig left") && !html.contains("class=\"blank\""))
        let en = AttendanceSheet.html(s, day: today, data: d, lang: .en, filled: true)
        #expect(en.contains("Attendance Sheet") && en.contains("present 08:12") && en.contains("Monday, 30 November 2026"))
    }

    @Test func theCommandWritesTheFileAndSaysWhere() throws {
        let folder = TempFolder("print")
        let store = try Store(path: folder.path)
        let (d, _) = try data()
        for a in d.artisans.items { try store.apply(.addArtisan(a, allowDuplicate: true)) }
        var s = try #require(d.sessions.items.first)
        s.participants = []
        try store.apply(.addSession(s))
        try store.apply(.enrol(session: s.id, artisan: EntityID(.artisan, 2), role: .peserta))
        let out = folder.path + "-sheet.html"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let r = try Kriya.run(["print", "attendance-sheet", "B-000001", "--day", "2", "--out", out, "--data", folder.path, "--lang", "id"])
        #expect(r.status == 0 && r.stdout.contains(out), "\(r.stderr)")
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.contains("Budi Santoso") && html.contains("Selasa, 1 Desember 2026"))
        let bad = try Kriya.run(["print", "attendance-sheet", "B-000001", "--day", "3", "--data", folder.path, "--lang", "en"])
        #expect(bad.status == 65 && bad.stderr.contains("3"), "\(bad.stderr)")
    }

    @Test func certificatesOnePageEachForThoseWithANumber() throws {
        var (d, s) = try data()
        let ctx = CommandContext(user: "ratna", today: today.adding(days: 1), time: ClockTime(hour: 16, minute: 0)!)
        d.commit(try d.plan(.issueCertificate(session: s.id, artisan: EntityID(.artisan, 1), number: "DKM/BT/2026/007"), ctx))
        d.commit(try d.plan(.issueCertificate(session: s.id, artisan: EntityID(.artisan, 2), number: "DKM/BT/2026/008"), ctx))
        s = try #require(d.sessions[s.id])
        let html = Certificates.html(s, data: d, lang: .id)
        #expect(html.components(separatedBy: "<div class=\"certificate").count - 1 == 2 && html.contains("<div class=\"certificate next\">"))
        #expect(html.contains("Nomor: DKM/BT/2026/007") && html.contains("Nomor: DKM/BT/2026/008") && html.contains("size: A4 landscape"))
        #expect(html.contains("Siti &lt;b&gt;Rahayu&lt;/b&gt; &amp; &quot;Co&quot;") && !html.contains("<b>Rahayu"))
        #expect(html.contains("Dekranasda Kota Malang bersama Universitas Brawijaya pada 30 November – 1 Desember 2026 di Aula Balai Kota"), "\(html)")
        #expect(html.contains("Malang, 1 Desember 2026") && !html.contains("Mengetahui"))
        let one = Certificates.html(s, only: EntityID(.artisan, 2), data: d, lang: .en)
        #expect(one.components(separatedBy: "<div class=\"certificate").count - 1 == 1 && one.contains("Budi Santoso") && one.contains("No. DKM/BT/2026/008"))
    }

    @Test func theListsOfParticipantsAndOfTheDelegation() throws {
        var (d, s) = try data()
        let html = PeopleLists.participants(s, data: d, lang: .id, today: today)
        let rows = html.components(separatedBy: "<tr class=\"person\">").dropFirst().map { String($0.prefix { $0 != "\n" }) }
        // Participants by name, then the speaker; nobody who withdrew.
        #expect(rows.count == 6 && rows[0].contains("Ani Wijaya") && rows[5].contains("Pak Narasumber") && rows[5].contains("narasumber"))
        #expect(!html.contains("Fajar Mundur") && html.contains("Daftar Peserta") && html.contains("5 peserta terdaftar, kapasitas 5"))
        // A fair asking for PIRT: Ani accepted with a booth, Budi proposed, Dewi rejected (left out).
        let ctx = CommandContext(user: "ratna", today: today, time: ClockTime(hour: 9, minute: 0)!)
        var e = Exhibition(id: EntityID(.exhibition, 1), name: "Malang Craft Fair", level: .lokal, start: today, end: today.adding(days: 2))
        e.requiredCertifications = [.pirt]
        d.commit(try d.plan(.addExhibition(e), ctx))
        let eid = EntityID(.exhibition, 1)
        for n in [3, 2, 4] { d.commit(try d.plan(.propose(exhibition: eid, artisan: EntityID(.artisan, n)), ctx)) }
        d.commit(try d.plan(.setCuration(exhibition: eid, artisan: EntityID(.artisan, 3), curation: .accepted), ctx))
        d.commit(try d.plan(.setCuration(exhibition: eid, artisan: EntityID(.artisan, 4), curation: .rejected, note: "belum siap"), ctx))
        d.commit(try d.plan(.assignBooth(exhibition: eid, artisan: EntityID(.artisan, 3), booth: "a 1"), ctx))
        s = try #require(d.sessions[s.id])
        let kontingen = PeopleLists.delegation(try #require(d.exhibitions[eid]), data: d, lang: .id, today: today)
        let people = kontingen.components(separatedBy: "<tr class=\"person\">").dropFirst().map { String($0.prefix { $0 != "\n" }) }
        #expect(people.count == 2 && people[0].contains("Ani Wijaya") && people[0].contains("<td>lolos kurasi</td><td>A-01</td><td>PIRT</td>"))
        #expect(people[1].contains("Budi Santoso") && people[1].contains("diusulkan") && !kontingen.contains("Dewi Lestari"))
        #expect(kontingen.contains("Daftar Kontingen") && kontingen.contains("Sertifikasi wajib"))
    }
}

/// The documents in a real browser: headless Chromium prints them to PDF, pdfinfo reads the
/// pages. Skipped (saying why) only where Chromium or poppler cannot be installed.
@Suite struct PrintInABrowserTests {
    static let tools: String? = {
        for tool in ["chromium", "pdfinfo"] where Tool.which(tool) == nil { return tool }
        return nil
    }()

    @Test(.enabled(if: tools == nil, "chromium and pdfinfo are not installed (.ci/run installs them where it can)"))
    func theSheetPrintsOnA4AndItsHeadingRepeats() throws {
        let folder = TempFolder("browser")
        #expect(try Kriya.run(["demo", "--data", folder.path]).status == 0)
        let html = folder.path + "-sheet.html", pdf = folder.path + "-sheet.pdf"
        defer { for f in [html, pdf] { try? FileManager.default.removeItem(atPath: f) } }
        // The 40-seat session of the demo: more rows than one page holds.
        let data = try Store(path: folder.path).data
        let big = try #require(data.sessions.items.max { $0.enrolledCount < $1.enrolledCount })
        #expect(try Kriya.run(["print", "attendance-sheet", big.id.description, "--out", html, "--data", folder.path, "--lang", "id"]).status == 0)
        let print = try Tool.run("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                                    "--print-to-pdf=\(pdf)", "file://\(html)"], timeout: 120)
        #expect(FileManager.default.fileExists(atPath: pdf), "\(print.stderr.suffix(500))")
        let info = try Tool.run("pdfinfo", [pdf]).stdout
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
        #expect(info.contains("(A4)"), "\(info)")
        // 40 people and 5 blank rows at 9 mm and more: at least two pages, at most one per 10 rows.
        #expect(pages >= 2 && pages <= 5, "\(pages) pages")
        let text = try Tool.run("pdftotext", ["-layout", pdf, "-"]).stdout
        // The heading row is printed again on the second page.
        #expect(text.components(separatedBy: "Tanda tangan").count - 1 == pages, "\(text.prefix(400))")
    }

    static let scanTools: String? = {
        for tool in ["chromium", "pdftoppm", "zbarimg"] where Tool.which(tool) == nil { return tool }
        return nil
    }()

    @Test(.enabled(if: scanTools == nil, "chromium, pdftoppm or zbarimg is not installed (.ci/run installs them where it can)"))
    func theCardsCodesReadBackAsTheIdsPrintedOnThem() throws {
        let folder = TempFolder("cards")
        #expect(try Kriya.run(["demo", "--data", folder.path]).status == 0)
        let html = folder.path + "-cards.html", pdf = folder.path + "-cards.pdf", png = folder.path + "-cards"
        defer { for f in [html, pdf, png + "-1.png"] { try? FileManager.default.removeItem(atPath: f) } }
        let ids = ["A-000001", "A-000042", "A-000099", "A-000123", "A-000150", "A-000200", "A-000222", "A-000250", "A-000299", "A-000300"]
        #expect(try Kriya.run(["print", "cards", "--artisans"] + ids + ["--out", html, "--data", folder.path]).status == 0)
        _ = try Tool.run("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(pdf)", "file://\(html)"], timeout: 120)
        #expect(try Tool.run("pdfinfo", [pdf]).stdout.contains("Pages:           1"))
        // As a 300 dpi scan of the printed page would see it, smoothed and sharp: zbar, reading
        // ten codes in one picture, now and then misses one of them in one of the two.
        var read: [String] = []
        for smoothing in [[], ["-aa", "no", "-aaVector", "no"]] {
            _ = try Tool.run("pdftoppm", ["-png"] + smoothing + ["-r", "300", "-f", "1", "-l", "1", pdf, png])
            read += try Tool.run("zbarimg", ["--raw", "-q", png + "-1.png"]).stdout.split(separator: "\n").map(String.init)
        }
        #expect(Set(read).sorted() == ids, "\(read)")
    }

    @Test(.enabled(if: tools == nil, "chromium and pdfinfo are not installed (.ci/run installs them where it can)"))
    func certificatesPrintOnePageEachInLandscape() throws {
        let folder = TempFolder("certs")
        #expect(try Kriya.run(["demo", "--data", folder.path]).status == 0)
        let html = folder.path + "-certs.html", pdf = folder.path + "-certs.pdf"
        defer { for f in [html, pdf] { try? FileManager.default.removeItem(atPath: f) } }
        let data = try Store(path: folder.path).data
        let done = try #require(data.sessions.items.first { $0.participants.contains { $0.certificate != nil } })
        let holders = done.participants.filter { $0.certificate != nil }.count
        #expect(try Kriya.run(["print", "certificates", done.id.description, "--out", html, "--data", folder.path]).status == 0)
        _ = try Tool.run("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(pdf)", "file://\(html)"], timeout: 120)
        let info = try Tool.run("pdfinfo", [pdf]).stdout
        #expect(info.contains("Pages:           \(holders)\n") && info.contains("841.92 x 594.96 pts (A4)"), "\(holders) certificates: \(info)")
        let none = try Kriya.run(["print", "certificates", "B-000014", "--data", folder.path, "--lang", "en"])
        #expect(none.status == 65 && none.stderr.contains("no numbered certificates"), "\(none.stderr)")
    }

    @Test(.enabled(if: tools == nil, "chromium and pdfinfo are not installed (.ci/run installs them where it can)"))
    func theListsPrintOnA4InIndonesianByDefault() throws {
        let folder = TempFolder("lists")
        #expect(try Kriya.run(["demo", "--data", folder.path]).status == 0)
        let data = try Store(path: folder.path).data
        let fair = try #require(data.exhibitions.items.first { $0.participants.contains { $0.curation == .accepted } })
        for (args, word) in [(["participants", "B-000001"], "Daftar Peserta"), (["delegation", fair.id.description], "Daftar Kontingen")] {
            let html = folder.path + "-\(args[0]).html", pdf = folder.path + "-\(args[0]).pdf"
            defer { for f in [html, pdf] { try? FileManager.default.removeItem(atPath: f) } }
            // The Kriya.run environment is an English locale: documents stay Indonesian.
            #expect(try Kriya.run(["print"] + args + ["--out", html, "--data", folder.path]).status == 0)
            #expect(try String(contentsOfFile: html, encoding: .utf8).contains(word))
            _ = try Tool.run("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(pdf)", "file://\(html)"], timeout: 120)
            let info = try Tool.run("pdfinfo", [pdf]).stdout
            #expect(info.contains("(A4)") && !info.contains("Pages:           0"), "\(info)")
        }
    }
}

/// Another program of the machine (a browser, poppler), run to its end or for `timeout` seconds.
enum Tool {
    static func which(_ name: String) -> String? {
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let path = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static func run(_ name: String, _ args: [String], timeout: Double = 60) throws -> Kriya.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(which(name)))
        process.arguments = args
        let out = NSTemporaryDirectory() + "kriya-tool-\(UUID().uuidString)", err = out + ".err"
        for f in [out, err] { FileManager.default.createFile(atPath: f, contents: nil) }
        defer { for f in [out, err] { try? FileManager.default.removeItem(atPath: f) } }
        process.standardOutput = FileHandle(forWritingAtPath: out)
        process.standardError = FileHandle(forWritingAtPath: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning { process.terminate(); process.waitUntilExit() }
        let text = { (f: String) in String(decoding: FileManager.default.contents(atPath: f) ?? Data(), as: UTF8.self) }
        return Kriya.Result(status: process.terminationStatus, stdout: text(out), stderr: text(err))
    }
}

/// The cards' content, without a browser.
@Suite struct ParticipantCardsTests {
    @Test func tenToAPageEachWithItsCodeAndEscapedText() {
        var people: [Artisan] = []
        for n in 1...12 {
            people.append(Artisan(id: EntityID(.artisan, n), name: n == 1 ? "Siti <i>&</i>" : "Orang \(n)", phone: "0812-0000-0000",
                                  kelurahan: Wilayah.kelurahan[0].code, business: "Usaha", category: .batik))
        }
        let html = ParticipantCards.html(people, event: "Bimtek \"Batik\"", lang: .id)
        #expect(html.components(separatedBy: "<div class=\"card\">").count - 1 == 12)
        #expect(html.components(separatedBy: "<div class=\"page").count - 1 == 2 && html.contains("<div class=\"page next\">"))
        #expect(html.contains("Siti &lt;i&gt;&amp;&lt;/i&gt;") && !html.contains("<i>&</i>") && html.contains("Bimtek &quot;Batik&quot;"))
        #expect(html.components(separatedBy: "<svg").count - 1 == 12 && html.contains("<div class=\"id\">A-000012</div>"))
        #expect(html.contains("Kartu Peserta") && !html.contains("<script"))
    }
}

/// `[documents]` in the config: the council's own letterhead, logo and certificate sentence.
@Suite struct DocumentSettingsTests {
    @Test func theConfigSetsTheLetterheadLogoAndWording() throws {
        let logo = NSTemporaryDirectory() + "kriya-logo-\(UUID().uuidString.prefix(6)).png"
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]).write(to: URL(fileURLWithPath: logo))
        defer { try? FileManager.default.removeItem(atPath: logo) }
        let toml = """
            [documents]
            council = "Dekranasda Kota Batu"
            city = "Batu"
            signatory_name = "Hj. Ketua"
            logo = "\(logo)"
            certificate_text = "telah mengikuti {kegiatan} di {tempat} pada {tanggal}."
            """
        let config = Config.parse(toml, file: "c.toml")
        #expect(config.warning == nil, "\(config.warning ?? "")")
        #expect(config.documents.council == "Dekranasda Kota Batu" && config.documents.logoDataURI == "data:image/png;base64,iVBORw0KGgo=")
        var s = BimtekSession(id: EntityID(.session, 1), title: "Kelas {tanggal} Batik", organiser: "Dekranasda", venue: "Aula",
                              start: CivilDate(year: 2026, month: 12, day: 1)!, end: CivilDate(year: 2026, month: 12, day: 1)!)
        let a = Artisan(id: EntityID(.artisan, 1), name: "Siti", phone: "0812-0000-0001", kelurahan: Wilayah.kelurahan[0].code,
                        business: "Batik Siti", category: .batik)
        s.participants = [SessionParticipant(artisan: a.id)]
        s.participants[0].certificate = "DKM/BT/2026/001"
        var d = Dataset()
        d.artisans.merge(a)
        let html = Certificates.html(s, data: d, settings: config.documents, lang: .id)
        // The title's own "{tanggal}" is kept as typed: one pass fills the sentence.
        #expect(html.contains("telah mengikuti Kelas {tanggal} Batik di Aula pada 1 Desember 2026."), "\(html)")
        #expect(html.contains("Batu, 1 Desember 2026") && html.contains("Hj. Ketua") && html.contains("<img class=\"logo\" src=\"data:image/png;base64,"))
        #expect(Config.parse("[documents]\nlogo = \"/nowhere/logo.png\"\n", file: "c.toml").warning?.contains("documents.logo") == true)
        #expect(Config.parse("[documents]\nmotto = \"x\"\n", file: "c.toml").warning?.contains("documents.motto is not a setting") == true)
    }
}
