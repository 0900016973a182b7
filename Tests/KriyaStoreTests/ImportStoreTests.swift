import Foundation
import Testing
@testable import KriyaCore
@testable import KriyaStore

/// Spreadsheet files as offices have them, read, planned and saved as one step; exports that
/// come back unchanged.
@Suite struct ImportStoreTests {
    let dir = TempDir("import")

    /// An Excel export from an Indonesian Windows: BOM, CRLF, semicolons, quoted separators,
    /// quotes and line breaks, row numbers, a duplicate, bad rows, a blank row at the end.
    static let messy: [UInt8] = [0xEF, 0xBB, 0xBF] + Array((
        "No;Nama Pemilik;Nama Usaha;No HP/WA;Alamat;Kelurahan;Kecamatan;Jenis Kerajinan;Produk;NIB\r\n" +
        "1;Siti Rahayu;Keramik Sekar Dinoyo;0812-0000-1234;\"Jl. MT Haryono; Gg. 3\";Dinoyo;Lowokwaru;Keramik;\"Vas=75.000; Piring=50.000\";1234567890123\r\n" +
        "2;\"Bambang \"\"Bams\"\" Sutejo\";Topeng Asmorobangun;81334445566;\"Jl. Prajurit Sulam,\r\nKedungmonggo\";Kedungkandang;;Topeng Malangan;Topeng Panji;\r\n" +
        "3;Dewi Lestari;Batik Celaket;0856 1234 5678;;Samaan;Klojen;Batik Tulis;Kain batik, selendang;\r\n" +
        "4;Dewi L.;Batik Celaket;0856-1234-5678;;Samaan;Klojen;Batik;;\r\n" +
        "5;Agus;Rotan Jaya;0812;;Balearjosari;Blimbing;Rotan;;12345\r\n" +
        "6;Yanto;Kulit Yanto;6,28123E+12;;Tunjungsekar;Lowokwaru;Tas kulit;;\r\n" +
        "7;;;;;;;;;\r\n").utf8)

    func write(_ name: String, _ bytes: [UInt8]) -> String {
        try? FileManager.default.createDirectory(atPath: dir.path, withIntermediateDirectories: true)
        dir.write(name, bytes)
        return dir.file(name)
    }

    @Test func aMessyExcelExportIsReadRowByRow() throws {
        let source = try ArtisanImport(path: write("messy.csv", Self.messy))
        #expect(source.file.encoding == .utf8 && source.table.delimiter == ";")
        #expect(source.rows.map(\.row) == [2, 3, 4, 5, 6, 7])           // the numbered blank row is left out
        #expect(source.rows.map(\.line) == [2, 3, 5, 6, 7, 8])          // row 3 spans two lines
        let bambang = source.rows[1]
        #expect(bambang.artisan.name == "Bambang \"Bams\" Sutejo")
        #expect(bambang.artisan.address == "Jl. Prajurit Sulam,\r\nKedungmonggo")
        #expect(bambang.artisan.phone == "+6281334445566" && bambang.artisan.phoneShown == "0813-3444-5566")
        #expect(source.rows[0].artisan.address == "Jl. MT Haryono; Gg. 3")
        #expect(source.rows[0].artisan.products.count == 2)

        let store = try Store(path: dir.file("data"))
        let plan = ImportPlan(rows: source.rows, against: store.data, onDuplicate: .skip, context: S.ctx)
        #expect(plan.adds.map(\.name) == ["Siti Rahayu", "Bambang \"Bams\" Sutejo", "Dewi Lestari"])
        #expect(plan.repeats.map(\.row) == [5])
        #expect(plan.bad.map(\.row) == [6, 7])
        #expect(Set(plan.bad[0].errors.map(\.field)) == ["phone", "nib"])
        #expect(plan.bad[1].errors.map(\.problem) == [.roundedNumber("6,28123E+12")])

        try store.save(plan, detail: "messy.csv", context: S.ctx)
        let reopened = try Store(path: dir.file("data"))
        #expect(reopened.data.artisans.items.map(\.name).sorted() == ["Bambang \"Bams\" Sutejo", "Dewi Lestari", "Siti Rahayu"])
        #expect(dir.text("data/audit.jsonl").contains("\"cmd\":\"import\""))

        // Importing the same file again finds everyone already there.
        let again = ImportPlan(rows: source.rows, against: reopened.data, onDuplicate: .skip, context: S.ctx)
        #expect(again.adds.isEmpty && again.skipped.count == 3)
    }

    @Test func encodingsAreDetectedOrRefused() throws {
        let header = "Nama,Nama Usaha,Telepon,Kelurahan,Kategori\r\n"
        let row = "José Müller,Café “Arjuno”,081200001111,Oro-oro Dowo,Makanan olahan\r\n"
        let windows = Array(header.utf8) + [UInt8]((row.data(using: .windowsCP1252))!)
        let read = try ArtisanImport(path: write("win.csv", windows))
        #expect(read.file.encoding == .windows1252)
        #expect(read.rows[0].artisan.name == "José Müller" && read.rows[0].artisan.business == "Café “Arjuno”")

        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in (header + row).utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        #expect(try ArtisanImport(path: write("u16.csv", utf16)).rows[0].artisan.name == "José Müller")

        // 0x81 is in neither UTF-8 nor Windows-1252: refused, with the line.
        let garbage = Array(header.utf8) + [0x41, 0x81, 0x42]
        #expect(throws: ArtisanImport.Problem.file(.unknownEncoding(path: dir.file("bad.csv"), line: 2))) {
            try ArtisanImport(path: write("bad.csv", garbage))
        }
        #expect(throws: ArtisanImport.Problem.file(.workbook(path: dir.file("x.xlsx"), kind: "Excel or LibreOffice (.xlsx/.ods)"))) {
            try ArtisanImport(path: write("x.xlsx", [0x50, 0x4B, 0x03, 0x04, 0, 0]))
        }
        #expect(throws: ArtisanImport.Problem.file(.empty(path: dir.file("empty.csv")))) {
            try ArtisanImport(path: write("empty.csv", [0xEF, 0xBB, 0xBF, 0x0D, 0x0A]))
        }
        #expect(try ArtisanImport(path: write("head.csv", Array(header.utf8))).rows.isEmpty)
        #expect(throws: ArtisanImport.Problem.missingColumns(path: dir.file("cols.csv"), [.phone, .kelurahan, .business, .category], headings: ["Nama", "Umur"])) {
            try ArtisanImport(path: write("cols.csv", Array("Nama,Umur\r\nSiti,40\r\n".utf8)))
        }
    }

    /// Office sheets start with a title, a date and a blank row; the heading is found below
    /// them and rows keep the numbers the spreadsheet shows.
    @Test func aTitleAboveTheHeadingsIsLeftOut() throws {
        let text = "DATA PELAKU IKM KOTA MALANG;;;;;\r\nper 1 Oktober 2026;;;;;\r\n;;;;;\r\n"
            + "No;Nama Pemilik;No. HP/WA;Kelurahan;Nama Usaha;Jenis Kerajinan\r\n"
            + "1;Siti Aminah;0812 3456 7890;Dinoyo;\"Keramik Aminah; Dinoyo\";Keramik\r\n"
            + "2;Budi;0341-551234;Bareng;Batik Budi;Batik\r\n"
        let read = try ArtisanImport(path: write("title.csv", Array(text.utf8)))
        #expect(read.table.headingRow == 4 && read.table.delimiter == ";")
        #expect(read.rows.map(\.row) == [5, 6])
        #expect(read.rows[0].artisan.business == "Keramik Aminah; Dinoyo" && read.rows[0].problems.isEmpty)
        #expect(read.rows[1].problems.map(\.field) == ["phone"])
        let lines = ImportReport.describe(read, file: "title.csv", rows: read.rows.count, lang: .en)
        #expect(lines.contains("Headings found on row 4; the 3 rows above them (a title?) were left out."))

        // Headings Kriya does not know, named with --map: found by those names.
        let own = "Rekap 2026\nPemilik,Usaha,WA,Kel,Jenis\nSiti,Keramik Sekar,081200001111,Dinoyo,Keramik\n"
        let mapped = try ArtisanImport(path: write("own.csv", Array(own.utf8)),
                                       overrides: ["Pemilik=name", "Usaha=business", "WA=phone", "Jenis=category"])
        #expect(mapped.table.headingRow == 2 && mapped.rows.count == 1 && mapped.rows[0].problems.isEmpty)
    }

    /// "No HP" and "No WA" side by side: a WA number fills an empty HP cell, a different one
    /// goes to the notes, the same one twice counts once.
    @Test func aSecondPhoneColumnIsRead() throws {
        let text = "Nama;No HP;No WA;Kelurahan;Nama Usaha;Kategori\r\n"
            + "Siti;0812-1111-0001;0856-2222-0001;Dinoyo;Usaha A;Batik\r\n"
            + "Budi;;0812-1111-0003;Dinoyo;Usaha B;Batik\r\n"
            + "Rina;0812-1111-0004;+62 812 1111 0004;Dinoyo;Usaha C;Batik\r\n"
        let read = try ArtisanImport(path: write("two.csv", Array(text.utf8)))
        #expect(read.map.extraPhones == [2])
        let a = read.rows.map(\.artisan)
        #expect(read.rows.allSatisfy { $0.problems.isEmpty })
        #expect(a.map(\.phone) == ["+6281211110001", "+6281211110003", "+6281211110004"])
        #expect(a.map(\.notes) == ["HP lain: 0856-2222-0001", nil, nil])
    }

    @Test func anUnclosedQuoteIsRefusedWithItsRow() throws {
        let text = "Nama,Nama Usaha,Telepon,Kelurahan,Kategori\nA,B,081200001111,Dinoyo,Batik\n\"C,D,081200002222,Dinoyo,Batik\nE,F,081200003333,Dinoyo,Batik\n"
        #expect(throws: ArtisanImport.Problem.csv(path: dir.file("q.csv"), .unclosedQuote(row: 3, line: 3))) {
            try ArtisanImport(path: write("q.csv", Array(text.utf8)))
        }
    }

    @Test func aBatchIsSavedWholeOrNotAtAll() throws {
        let store = try Store(path: dir.path)
        try store.apply(.addArtisan(S.artisan(1)), context: S.ctx)
        let before = store.data
        // The third command is stale (someone saved the artisan since): nothing of the batch is saved.
        var stale = store.data.artisans.items[0]
        stale.brand = "Lama"
        let commands: [Command] = [.addArtisan(S.artisan(2)), .addArtisan(S.artisan(3)), .updateArtisan(stale, baseRev: 0)]
        #expect(throws: StoreError.self) { try store.apply(batch: commands, as: "import", detail: "", context: S.ctx) }
        #expect(S.same(store.data, before))
        #expect(S.same(try Store(path: dir.path).data, before))
    }

    /// A colleague registers someone while the import's preview is open: saving the import
    /// would register them twice, so nothing is saved and the message says who.
    @Test func someoneRegisteredMeanwhileStopsTheImport() throws {
        let store = try Store(path: dir.path)
        try store.apply(.addArtisan(S.artisan(1)), context: S.ctx)
        let rows = [2, 3].map { n in
            ImportPlan.Row(row: n, line: n, text: ArtisanText(S.artisan(n), lang: .en), present: [.name, .phone, .kelurahan, .business, .category])
        }
        let plan = ImportPlan(rows: rows, against: store.data, onDuplicate: .skip, context: S.ctx)
        #expect(plan.adds.count == 2)

        let colleague = try Store(path: dir.path)
        var same = S.artisan(3)
        same.name = "Pengrajin Tiga"
        try colleague.apply(.addArtisan(same), context: S.ctx)
        let before = try Store(path: dir.path).data
        #expect(throws: StoreError.command(CommandErrorBox(error: .addedMeanwhile(EntityID(.artisan, 2), name: "Pengrajin Tiga")))) {
            try store.save(plan, detail: "", context: S.ctx)
        }
        #expect(S.same(try Store(path: dir.path).data, before))

        // Someone else, with another phone, does not stop it.
        try colleague.apply(.addArtisan(S.artisan(9)), context: S.ctx)
        let again = ImportPlan(rows: [rows[0]], against: store.data, onDuplicate: .skip, context: S.ctx)
        try colleague.apply(.addArtisan(S.artisan(10)), context: S.ctx)
        try store.save(again, detail: "", context: S.ctx)
        #expect(try Store(path: dir.path).data.artisans.count == 5)
    }

    @Test func aLargeBatchGoesStraightIntoTheSnapshots() throws {
        let store = try Store(path: dir.path)
        let count = Store.lineLimit + 10
        let commands = (1...count).map { Command.addArtisan(S.artisan($0)) }
        let change = try store.apply(batch: commands, as: "import", detail: "big", context: S.ctx)
        #expect(change.targets.count == count)
        // Folded into the next generation's snapshot, not one huge journal line.
        // The journal holds its header only (with the change's audit line), no records.
        let journal = dir.text(dir.name(.journal))
        #expect(journal.split(separator: "\n").count == 1 && !journal.contains(#""artisans":["#) && journal.contains(#""audit":{"#))
        let reopened = try Store(path: dir.path)
        #expect(reopened.data.artisans.count == count && reopened.issues.isEmpty)
        #expect(S.same(reopened.data, store.data))
    }

    @Test func exportedArtisansImportUnchanged() throws {
        var data = DemoData.make(artisans: 300, today: S.today, user: "tester")
        // Awkward values: a formula, quotes, separators, line breaks, a masked-NIK case.
        var first = data.artisans.items[0]
        first.name = "=HYPERLINK(\"x\")"
        first.notes = "Baris satu\nbaris dua; \"kutip\", koma"
        first.phoneTyped = "+62 812 0000 0000"
        first.nik = "3573010101010001"
        first.rev += 1
        data.artisans.merge(first)
        let source = try Store(path: dir.file("a"))
        try source.replaceAll(with: data, reason: "test")

        let table = ExportTables.artisans(source.data.artisans.items.sorted { $0.id < $1.id }, lang: .id, includeSensitive: false)
        let csv = SpreadsheetFile.csv(headings: table.headings, rows: table.rows)
        #expect(csv.starts(with: SpreadsheetFile.byteOrderMark))
        #expect(String(decoding: csv, as: UTF8.self).contains("'=HYPERLINK"))
        #expect(!String(decoding: csv, as: UTF8.self).contains("3573010101010001"))

        let imported = try ArtisanImport(path: write("export.csv", csv))
        let target = try Store(path: dir.file("b"))
        let plan = ImportPlan(rows: imported.rows, against: target.data, onDuplicate: .skip, context: S.ctx)
        #expect(plan.bad.isEmpty, "\(plan.bad.prefix(3).map(\.errors))")
        try target.save(plan, detail: "", context: S.ctx)
        // A mobile number is shown the office's way whatever its spelling (issue 30): an older
        // record's kept spelling is not carried over, the number and how it shows are.
        #expect(target.data.artisans.items.map(\.phoneShown) == source.data.artisans.items.sorted { $0.id < $1.id }.map(\.phoneShown))
        let strip = { (a: Artisan) -> Artisan in var c = a; c.rev = 0; c.nik = nil; c.phoneTyped = nil; return c }
        #expect(target.data.artisans.items.map(strip) == source.data.artisans.items.sorted { $0.id < $1.id }.map(strip))

        // Into the store it came from: every row is already there and unchanged, the NIK kept.
        let back = ImportPlan(rows: imported.rows, against: source.data, onDuplicate: .update, context: S.ctx)
        #expect(back.unchanged.count == 300 && back.changeCount == 0)
    }
}
