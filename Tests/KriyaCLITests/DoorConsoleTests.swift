import Foundation
import Testing
@testable import KriyaCore
@testable import KriyaStore

/// Issue 33 as the clerk at a venue meets it: a door folder opened in tmux at 80×24, in
/// Indonesian. Today's session opens at the door; a check-in, a walk-in, the day closed; then
/// the office brings it back.
@Suite(.serialized) struct DoorConsoleTests {
    let root = TempFolder("doorconsole")
    let today = SystemInfo.now().today

    @Test func aDoorAtTheVenueInIndonesian() throws {
        let office = root.path + "/kantor", door = root.path + "/pintu"
        let store = try Store(path: office, user: "ratna")
        for (i, name) in ["Ani Wijaya", "Budi Santoso", "Citra Lestari"].enumerated() {
            try store.apply(.addArtisan(Artisan(id: EntityID(.artisan, 1), name: name, phone: "0812-0000-50\(10 + i)",
                                                kelurahan: Wilayah.kelurahan[i].code, business: "Usaha \(name)", category: .batik)))
        }
        try store.apply(.addSession(BimtekSession(id: EntityID(.session, 1), title: "Bimtek Pewarna Alam", organiser: "Dekranasda Kota Malang",
                                                  venue: "Gedung Kartini", start: today, end: today)))
        for n in 1...3 { try store.apply(.enrol(session: EntityID(.session, 1), artisan: EntityID(.artisan, n), role: .peserta)) }
        let packed = try Kriya.run(["door", "pack", "B-000001", "--out", door, "--data", office, "--lang", "id"])
        #expect(packed.status == 0 && packed.stdout.contains("Pintu D1"), "\(packed.stderr)")
        // The office's day (issue 34) says the door is out, for scripts too.
        let summary = try Kriya.run(["today", "--json", "--data", office])
        let json = try JSONSerialization.jsonObject(with: Data(summary.stdout.utf8)) as? [String: Any]
        let due = json?["due"] as? [[String: Any]] ?? []
        #expect(due.contains { $0["kind"] as? String == "doorOut" && $0["id"] as? String == "B-000001" }, "\(summary.stdout)")
        #expect((json?["sessions"] as? [[String: Any]])?.first?["expected"] as? Int == 3)

        let t = try TmuxSession(term: "xterm-256color", width: 80, height: 24)
        func see(_ text: String) { #expect(t.waitFor(text, seconds: 10), "waiting for \(text):\n\(t.screen)") }
        t.send("\(Kriya.binary) --data \(door) --lang id; echo EXIT=$?", enter: true)
        // The door console says it is a door, and opens at today's session.
        see("Presensi peserta · Bimtek Pewarna Alam")
        #expect(t.screen.split(separator: "\n").first?.contains("Pintu D1 (") == true, "\(t.screen)")
        t.send("ani")
        see("Ani Wijaya")
        t.key("Enter")
        see("✓ Ani Wijaya: hadir")
        // A walk-in: registered at the door, let in.
        t.key("F7")
        see("Daftar di tempat")
        t.send("Rina Pendatang")
        t.key("Tab")
        t.send("0812-6666-0303")
        for _ in 0..<2 { t.key("Tab") }
        t.send("Dinoyo")
        t.key("Tab")
        t.send("Batik Rina")
        t.key("Tab")
        t.send("batik")
        t.key("F2")
        see("Rina Pendatang: hadir")
        // Closing the day: the others are alpa.
        t.key("F6")
        see("Tutup hari")
        t.send("y")
        see("Hari ditutup")
        t.key("Escape")
        #expect(t.waitForGone("Presensi peserta ·"), "\(t.screen)")
        // On the lists of a door: changing a record is the office's, said at the key (no form to fill in vain).
        t.send("e")
        see("ini pintu di luar kantor")
        t.send("q")
        see("EXIT=0")

        // Back at the office: everything once.
        let synced = try Kriya.run(["door", "sync", door, "--data", office, "--lang", "id"])
        #expect(synced.status == 0 && synced.stdout.contains("Rina Pendatang"), "\(synced.stdout)\(synced.stderr)")
        let s = try #require(try Store(path: office).data.sessions[EntityID(.session, 1)])
        let rina = try #require(try Store(path: office).data.artisans.items.first { (a: Artisan) in a.name == "Rina Pendatang" })
        #expect(!DoorRecord.isDoorID(rina.id))
        #expect(s.participant(EntityID(.artisan, 1))?.mark(on: today)?.mark == .hadir)
        #expect(s.participant(rina.id)?.mark(on: today)?.mark == .hadir)
        #expect(s.participant(EntityID(.artisan, 2))?.mark(on: today)?.mark == .alpa)
        #expect(s.closedDays == [today] && s.doors.first?.isOut == false)
        // Rina's card, printed at the door with the door's id, finds her at the office.
        let doorID = try #require(s.doors.first?.walkIns.first?.door)
        let shown = try Kriya.run(["show", doorID.description, "--data", office])
        #expect(shown.status == 0 && shown.stdout.contains("Rina Pendatang") && shown.stdout.hasPrefix(rina.id.description), "\(shown.stdout)\(shown.stderr)")
    }
}
