import Foundation
import Testing
@testable import KriyaCore
@testable import KriyaStore

/// Issue 30, finding 9, on the real binary: a clerk in Indonesian at 80×24 with the longest names
/// a Malang registry holds walks the panes, a record, the door (a tie, a walk-in question, the
/// closing question), the participants and a delegation, and the menus. On no screen is the title
/// cut, a message or a dialog cut (a word ending in "…"), or an amount cut ("Rp4.750.…").
@Suite(.serialized) struct NarrowTerminalTests {
    let data = TempFolder("narrow")

    func prepare() throws {
        let store = try Store(path: data.path, user: "ratna")
        let today = SystemInfo.now().today
        var d = DemoData.make(artisans: 300, today: today)
        // The first artisans of today's Bimtek get the longest names; its title is long too.
        let sid = try #require(d.sessions.items.first { $0.days.contains(today) }?.id)
        for p in d.sessions[sid]!.participants.prefix(3) {
            var a = try #require(d.artisans[p.artisan])
            (a.name, a.business, a.rev) = ("Hj. Sri Wahyuningsih Kusumawardhani", "Sanggar Batik Tulis Celaket Permata Rampalcelaket", a.rev + 1)
            d.artisans.merge(a)
        }
        var s = try #require(d.sessions[sid])
        (s.title, s.rev) = ("Bimtek Pewarnaan Alam Batik Tulis bagi Sanggar di Kelurahan Rampalcelaket", s.rev + 1)
        d.sessions.merge(s)
        try store.replaceAll(with: d, reason: "test")
    }

    /// What must hold on every screen a clerk sees.
    func check(_ screen: String, _ step: String, dialog: Bool) {
        let lines = screen.components(separatedBy: "\n")
        guard let title = lines.first else { return }
        // The data folder's path on the right keeps its end by design ("…share/kriya · ratna").
        let left = title.components(separatedBy: "  ").first ?? title
        #expect(!left.contains("…"), "\(step): title cut: \(title)")
        // Dialog text sits between the box's side bars; status lines are the two above the key bar.
        // (A menu's "Saring…" opens more: its dots are the label's.)
        let boxed = dialog ? lines.filter { $0.contains("│ ") && $0.contains(" │") } : []
        for line in boxed {
            let inner = line.split(separator: "│").dropFirst().first.map(String.init) ?? ""
            #expect(!inner.contains("…"), "\(step): dialog cut: \(line)")
        }
        let bottom = lines.suffix(4).dropLast()
        for line in bottom where !line.contains("│") {
            // A list row may end in a cut cell; a message never ends mid-word.
            if line.hasPrefix(" ✓") || line.contains(": ") && !line.contains("  ") {
                #expect(!line.trimmingCharacters(in: .whitespaces).hasSuffix("…"), "\(step): message cut: \(line)")
            }
        }
        for line in lines where line.contains("Rp") {
            var rest = Substring(line)
            while let at = rest.range(of: "Rp") {
                let after = rest[at.upperBound...].drop { $0.isNumber || $0 == "." || $0 == "," }
                #expect(after.first != "…", "\(step): amount cut: \(line)")
                rest = rest[at.upperBound...]
            }
        }
    }

    @Test func aClerkAt80ColumnsSeesNothingCut() throws {
        try prepare()
        let t = try TmuxSession(term: "xterm-256color", width: 80, height: 24)
        func see(_ text: String, _ step: String, dialog: Bool = false) {
            #expect(t.waitFor(text, seconds: 10), "\(step): waiting for \(text)\n\(t.screen)")
            check(t.screen, step, dialog: dialog)
        }
        func esc(_ gone: String) { t.key("Escape"); _ = t.waitForGone(gone, seconds: 5) }
        t.send("\(Kriya.binary) --data \(data.path) --lang id; echo EXIT=$?", enter: true)
        see("1 Pelaku IKM", "the artisans pane")
        t.send("/"); t.send("hj sri"); t.key("Enter")
        see("Hj. Sri Wahyuni", "a search")
        t.key("Enter")
        see("Kusumawardhani", "a record's detail")
        esc("Kusumawardhani")
        t.send("2")
        see("Bimtek", "the Bimtek pane")
        t.send("c")
        see("Presensi peserta", "the door")
        t.send("hj")
        see("Hj. Sri Wahyuni", "the door: a tie")
        t.key("Enter")
        see("orang cocok", "the door: the tie said")
        esc("orang cocok")
        t.key("F6")
        see("Tutup hari", "the closing question", dialog: true)
        t.send("n")
        _ = t.waitForGone("Tutup hari", seconds: 5)
        t.key("F7")
        see("Daftar di tempat", "the walk-in form")
        esc("Daftar di tempat")
        esc("Presensi peserta")
        t.send("p")
        see("peserta terdaftar", "the participants list")
        esc("peserta terdaftar")
        for (n, menu) in ["Data", "Lihat", "Acara", "Bantuan"].enumerated() {
            t.key("F9")
            for _ in 0..<n { t.key("Right") }
            see("┌─ \(menu)", "the \(menu) menu")
            esc("┌─ \(menu)")
        }
        t.send("3")
        see("Pameran", "the exhibitions pane")
        t.send("p")
        see("lolos kurasi", "a delegation")
        esc("lolos kurasi")
        t.send("q")
        #expect(t.waitFor("EXIT=0"), "\(t.screen)")
    }
}
