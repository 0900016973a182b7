import Foundation
import Testing
@testable import KriyaCore
@testable import KriyaStore

/// Issue 32, finding 4, from the command line: the fields added to the table alone (an
/// artisan's Instagram account and online shop) are typed with `--set`, checked, shown,
/// exported and imported like the fields that have code of their own.
@Suite struct ArtisanTextFieldCommandTests {
    let data = TempFolder("textfields")

    @Test func anAccountAndAShopAreAddedShownFoundExportedAndImported() throws {
        let r = try Kriya.run(["add", "artisan", "--data", data.path, "--name", "Siti Rahayu", "--phone", "0812-0000-1234",
                               "--kelurahan", "Dinoyo", "--business", "Keramik Sekar", "--category", "keramik",
                               "--set", "instagram=https://www.instagram.com/Sekar.Dinoyo/", "--set", "marketplace=tokopedia.com/sekar-dinoyo"])
        #expect(r.status == 0, "\(r.stderr)")
        let show = try Kriya.run(["show", "A-000001", "--data", data.path, "--lang", "id"])
        #expect(show.stdout.contains("Instagram") && show.stdout.contains("@sekar.dinoyo"), "\(show.stdout)")
        #expect(show.stdout.contains("Toko online") && show.stdout.contains("https://tokopedia.com/sekar-dinoyo"))
        let found = try Kriya.run(["find", "sekar.dinoyo", "--data", data.path])
        #expect(found.stdout.contains("A-000001"), "\(found.stdout)")

        // A bad account and an unknown field: named, nothing written.
        let bad = try Kriya.run(["add", "artisan", "--data", data.path, "--name", "Budi", "--phone", "0812-0000-5678",
                                 "--kelurahan", "Dinoyo", "--business", "Rotan", "--category", "rotan", "--set", "instagram=budi rotan"])
        #expect(bad.status == 65 && bad.stderr.contains("--set instagram") && bad.stderr.contains("budi rotan"), "\(bad.stderr)")
        let unknown = try Kriya.run(["add", "artisan", "--data", data.path, "--name", "Budi", "--phone", "0812-0000-5678",
                                     "--kelurahan", "Dinoyo", "--business", "Rotan", "--category", "rotan", "--set", "tiktok=@budi"])
        #expect(unknown.status == 65 && unknown.stderr.contains("tiktok") && unknown.stderr.contains("marketplace"), "\(unknown.stderr)")
        #expect(try Store(path: data.path).data.artisans.count == 1)

        // Out as a column, and in again from a sheet whose headings are the office's own.
        let out = data.path + "/out.csv"
        let export = try Kriya.run(["export", "artisans", "--out", out, "--data", data.path, "--lang", "id"])
        #expect(export.status == 0, "\(export.stderr)")
        let csv = try String(contentsOfFile: out, encoding: .utf8)
        let heading = csv.split(separator: "\n")[0]
        #expect(heading.contains("Merek;Instagram;Toko online;NIB"), "\(heading)")
        #expect(csv.contains("@sekar.dinoyo;https://tokopedia.com/sekar-dinoyo"))

        let sheet = data.path + "/sheet.csv"
        try """
        Nama Lengkap,No. HP,Kelurahan,Nama Usaha,Kategori,Akun Instagram,Link Toko Online
        Budi Santoso,0812-0000-5678,Sawojajar,Rotan Jaya,rotan,instagram.com/rotan.jaya,shopee.co.id/rotanjaya
        Wati,0812-0000-9999,Sawojajar,Batik Wati,batik,wati batik,
        """.write(toFile: sheet, atomically: true, encoding: .utf8)
        let imported = try Kriya.run(["import", "artisans", sheet, "--skip-bad", "--data", data.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.contains("Akun Instagram → Instagram") && imported.stdout.contains("\"wati batik\" is not an account name"), "\(imported.stdout)")
        let store = try Store(path: data.path)
        let budi = try #require(store.data.artisans.items.first { $0.name == "Budi Santoso" })
        #expect(budi[text: .instagram] == "@rotan.jaya" && budi[text: .marketplace] == "https://shopee.co.id/rotanjaya")
        #expect(!store.data.artisans.items.contains { $0.name == "Wati" })
    }
}
