import Foundation
import Testing
@testable import KriyaCore
@testable import KriyaStore

/// Issue 16 as a clerk does it: the real binary in tmux at 80×24, in Indonesian. Pane 5, a
/// new partner; the session's form: the partner ticked, a board member picked as trainer
/// (F5); then `kriya show --json` names both and `kriya report partners` counts the session.
@Suite(.serialized) struct OrganisationEndToEndTests {
    let data = TempFolder("organisation")
    let today = SystemInfo.now().today

    func prepare() throws {
        let store = try Store(path: data.path, user: "ratna")
        try store.apply(.addTerm(Term(id: EntityID(.term, 1), name: "2023–2028", start: CivilDate(year: 2023, month: 7, day: 1)!,
                                      end: CivilDate(year: 2028, month: 6, day: 30)!)))
        for (name, position) in [("Dr. Retno Widodo", "Ketua"), ("Hj. Sulastri Utomo", "Ketua Bidang")] {
            var m = BoardMember(id: EntityID(.member, 1), term: EntityID(.term, 1), name: name, position: position)
            m.field = position == "Ketua" ? nil : "Pelatihan"
            try store.apply(.addMember(m))
        }
        try store.apply(.addSession(BimtekSession(id: EntityID(.session, 1), title: "Bimtek Glasir Keramik", organiser: "Dekranasda Kota Malang",
                                                  venue: "Sentra Keramik Dinoyo", start: today.adding(days: 5), end: today.adding(days: 5))))
    }

    @Test(.enabled(if: ConsoleEndToEndTests.hasTmux)) func aPartnerLinkedAndABoardMemberPickedAsTrainer() throws {
        try prepare()
        let t = try TmuxSession(term: "xterm-256color", width: 80, height: 24)
        func see(_ text: String, _ note: String = "") { #expect(t.waitFor(text, seconds: 10), "\(note) waiting for \(text):\n\(t.screen)") }
        t.send("\(Kriya.binary) --data \(data.path) --lang id; echo EXIT=$?", enter: true)
        see("1 Pelaku IKM")
        t.send("5")
        see("5 Organisasi")
        see("Dr. Retno Widodo")
        t.send("n")
        see("Tambah apa?")
        t.key("Down")
        t.key("Enter")
        see("Mitra baru")
        t.send("Universitas Ma Chung")
        t.key("Tab")
        t.send("perg")
        t.key("Tab")
        t.key("F2")
        see("R-000001", "saved")

        t.send("2")
        see("Bimtek Glasir Keramik")
        t.send("e")
        see("Ubah B-000001")
        // Title, topic, kind, organiser: the partners' list is the fifth field.
        for _ in 0..<4 { t.key("Tab") }
        see("[ ] Universitas Ma Chung")
        t.send(" ")
        see("[x] Universitas Ma Chung")
        t.key("Tab")
        t.key("Tab")
        see("F5 Pilih narasumber")
        t.key("F5")
        see("Narasumber untuk Bimtek Glasir Keramik")
        t.send("sulas")
        see("Hj. Sulastri Utomo")
        t.key("Enter")
        see("ditambahkan sebagai narasumber")
        t.key("F2")
        see("B-000001", "saved")
        #expect(t.waitForGone("Ubah B-000001", seconds: 10), "\(t.screen)")
        t.send("q")
        see("EXIT=0")

        let show = try Kriya.run(["show", "B-000001", "--json", "--data", data.path])
        let json = try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any] ?? [:]
        let partners = json["partnersNamed"] as? [[String: Any]] ?? []
        let trainers = json["trainersNamed"] as? [[String: Any]] ?? []
        #expect(partners.first?["name"] as? String == "Universitas Ma Chung" && partners.first?["id"] as? String == "R-000001", "\(show.stdout)")
        #expect(trainers.first?["name"] as? String == "Hj. Sulastri Utomo" && trainers.first?["id"] as? String == "M-000002", "\(show.stdout)")
        let csv = try Kriya.run(["report", "partners", "--format", "csv", "--data", data.path]).stdout
        #expect(csv.contains("Universitas Ma Chung,\(today.adding(days: 5).year),1,0,0,0"), "\(csv)")
        // What the board taught: her row, one session.
        let board = try Kriya.run(["report", "board", "--format", "csv", "--data", data.path]).stdout
        #expect(board.contains("Ketua Bidang,Hj. Sulastri Utomo,1,0,"), "\(board)")
    }
}
