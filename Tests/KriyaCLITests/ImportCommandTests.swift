import Foundation
import Testing
@testable import KriyaCore
@testable import KriyaStore

/// `kriya import` and `kriya export` as the office uses them, with the real binary.
@Suite(.serialized) struct ImportCommandTests {
    let data = TempFolder("import")

    func file(_ name: String, _ text: String, bom: Bool = true) -> String {
        let path = data.path + "-" + name
        FileManager.default.createFile(atPath: path, contents: Data((bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)))
        return path
    }

    /// `rows` artisans with distinct phones, as an office spreadsheet with semicolons and CRLF.
    func generated(_ rows: Int, name: String) -> String {
        let path = data.path + "-" + name
        var text = "No;Nama;Nama Usaha;No HP/WA;Kelurahan;Kategori;Produk\r\n"
        text.reserveCapacity(rows * 110)
        for i in 0..<rows {
            text += "\(i + 1);Pengrajin \(i);\"Usaha \(i); Malang\";0813\(String(format: "%08d", i));\(Wilayah.kelurahan[i % 57].name);"
            text += "\(CraftCategory.allCases[i % 12].label(.id));Produk \(i)=\(1000 + i)\r\n"
        }
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    static let sheet = """
        Nama;No HP/WA;Kelurahan;Nama Usaha;Kategori;Tgl Input\r
        Siti Rahayu;0812-0000-1234;Dinoyo;Keramik Sekar Dinoyo;Keramik;01/02/2024\r
        Budi;0341 551234;Dinoyoo;Ukir Budi;Kayu;\r
        Rina;0813 3333 4444;Purwantoro;Kripik Tempe Sanan;Mamin;\r

        """

    @Test func dryRunShowsEverythingAndSavesNothing() throws {
        let csv = file("sheet.csv", Self.sheet)
        let r = try Kriya.run(["import", "artisans", csv, "--dry-run", "--data", data.path])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stdout.contains("separator \";\", 3 rows"))
        #expect(r.stdout.contains("Not read: \"Tgl Input\""))
        #expect(r.stdout.contains("row 3, Budi, column \"No HP/WA\" holding \"0341 551234\": is not an Indonesian mobile number"))
        #expect(r.stdout.contains("row 3, Budi, column \"Kelurahan\": \"Dinoyoo\" is not a kelurahan"))
        #expect(r.stdout.contains("Would add 2, update 0"))
        #expect(!FileManager.default.fileExists(atPath: data.path), "a dry run created the data directory")

        // A real run with bad rows saves nothing, and says how to go on.
        let refused = try Kriya.run(["import", "artisans", csv, "--data", data.path])
        #expect(refused.status == 65 && refused.stderr.contains("--skip-bad"))
        #expect(try Store(path: data.path).data.artisans.count == 0)
    }

    @Test func skipBadSavesTheGoodRowsAndHandsBackTheRest() throws {
        let csv = file("sheet.csv", Self.sheet)
        let r = try Kriya.run(["import", "artisans", csv, "--skip-bad", "--data", data.path, "--lang", "id"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Ditambahkan 2"))
        let badPath = data.path + "-sheet-bad.csv"
        defer { try? FileManager.default.removeItem(atPath: badPath) }
        let bad = try #require(FileManager.default.contents(atPath: badPath))
        let text = String(decoding: bad, as: UTF8.self)
        #expect(text.hasPrefix("\u{FEFF}Nama;No HP/WA;Kelurahan;Nama Usaha;Kategori;Tgl Input;Masalah"))
        #expect(text.contains("Budi;0341 551234;Dinoyoo"))

        // Fixed in the spreadsheet, imported again: the good rows are already there.
        let fixed = text.replacingOccurrences(of: "0341 551234", with: "0812 7777 8888").replacingOccurrences(of: "Dinoyoo", with: "Dinoyo")
        FileManager.default.createFile(atPath: badPath, contents: Data(fixed.utf8))
        let again = try Kriya.run(["import", "artisans", badPath, "--data", data.path])
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(try Store(path: data.path).data.artisans.items.map(\.name).sorted() == ["Budi", "Rina", "Siti Rahayu"])
        let twice = try Kriya.run(["import", "artisans", csv, "--skip-bad", "--bad-rows", badPath, "--data", data.path])
        #expect(twice.stdout.contains("Added 0") && twice.stdout.contains("2 already there, skipped"))
    }

    @Test func exportThenImportIntoANewStoreGivesTheSameArtisans() throws {
        #expect(try Kriya.run(["demo", "--data", data.path]).status == 0)
        let out = data.path + "-export.csv"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let export = try Kriya.run(["export", "artisans", "--out", out, "--data", data.path, "--lang", "id"])
        #expect(export.status == 0 && export.stderr.contains("300"))
        let copy = TempFolder("import-copy")
        let r = try Kriya.run(["import", "artisans", out, "--data", copy.path])
        #expect(r.status == 0 && r.stdout.contains("Added 300"), "\(r.stdout)\(r.stderr)")
        let strip = { (a: Artisan) -> Artisan in var c = a; c.rev = 0; return c }
        #expect(try Store(path: copy.path).data.artisans.items.map(strip) == Store(path: data.path).data.artisans.items.map(strip))

        let json = try Kriya.run(["export", "attendance", "--format", "json", "--session", "B-000001", "--data", data.path])
        #expect(json.status == 0 && json.stdout.contains("\"session\" : \"B-000001\""))
        let sessions = try Kriya.run(["export", "sessions", "--data", data.path])
        #expect(sessions.stdout.split(separator: "\r\n").count == 1 + (try Store(path: data.path).data.sessions.count))
    }

    @Test func theLastImportCanBeTakenBack() throws {
        #expect(try Kriya.run(["demo", "--data", data.path]).status == 0)
        let csv = generated(50, name: "undo.csv")
        #expect(try Kriya.run(["import", "artisans", csv, "--data", data.path]).status == 0)
        #expect(try Store(path: data.path).data.artisans.count == 350)
        let dry = try Kriya.run(["import", "undo", "--dry-run", "--data", data.path])
        #expect(dry.stdout.contains("would remove 50 artisans") && dry.stdout.contains("Dry run"), "\(dry.stdout)")
        let undo = try Kriya.run(["import", "undo", "--data", data.path, "--lang", "id"])
        #expect(undo.status == 0 && undo.stdout.contains("50 pelaku IKM yang ditambahkan dihapus"), "\(undo.stdout)")
        #expect(try Store(path: data.path).data.artisans.count == 300)
        #expect(try Kriya.run(["import", "undo", "--data", data.path]).stdout.contains("There is no import to take back"))
    }

    @Test func anImportKilledHalfwayLeavesTheStoreAsItWas() throws {
        #expect(try Kriya.run(["demo", "--data", data.path]).status == 0)
        let before = try Store(path: data.path).data
        let csv = generated(20_000, name: "kill.csv")
        // How long a whole import takes here, so the kills land all through it (reading,
        // checking and the save), however fast or slow this machine is today.
        let timing = TempFolder("import-timing")
        let started = DispatchTime.now().uptimeNanoseconds
        #expect(try Kriya.run(["import", "artisans", csv, "--data", timing.path]).status == 0)
        let whole = Double(DispatchTime.now().uptimeNanoseconds - started) / 1_000
        var rng = SplitMix64(seed: 7)
        var interrupted = 0
        for round in 0..<6 {
            // Never /dev/null here: `start` creates its output file, which would replace the device.
            let output = data.path + "-kill-out"
            defer { try? FileManager.default.removeItem(atPath: output) }
            let process = try Kriya.start(["import", "artisans", csv, "--data", data.path], stdoutFile: output)
            usleep(UInt32(whole * Double.random(in: 0.1...0.9, using: &rng)))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let after = try Store(path: data.path)
            let count = after.data.artisans.count
            // All of it or none of it, never part.
            #expect(count == before.artisans.count || count == before.artisans.count + 20_000, "round \(round): \(count)")
            if count > before.artisans.count { break }
            interrupted += 1
            #expect(after.data.artisans.items == before.artisans.items)
            #expect(try Store.check(path: data.path).isSound)
        }
        print("import killed before it finished in \(interrupted) round(s)")
        #expect(interrupted > 0, "every kill came after the import had finished; the test proves little")
    }

    @Test func memoryGrowsOnlyWithWhatIsImported() throws {
        let small = generated(10_000, name: "10k.csv")
        let large = generated(50_000, name: "50k.csv")
        let a = Kriya.measure(["import", "artisans", small, "--data", data.path + "-a"])
        let b = Kriya.measure(["import", "artisans", large, "--data", data.path + "-b"])
        defer { for s in ["-a", "-b"] { try? FileManager.default.removeItem(atPath: data.path + s) } }
        #expect(a.status == 0 && b.status == 0)
        #expect(try Store(path: data.path + "-b").data.artisans.count == 50_000)
        let perRow = Double(b.maxRSSKB - a.maxRSSKB) * 1024 / 40_000
        print("import peak memory: 10k rows \(a.maxRSSKB / 1024) MB, 50k rows \(b.maxRSSKB / 1024) MB, \(Int(perRow)) bytes per extra row")
        // The artisans themselves take about 1.7 KB each once loaded; more than 5 KB per row
        // would mean the file or the rows are being held several times over.
        #expect(perRow < 5_000)
    }
}
