import Foundation
import Testing
@testable import KriyaCore
@testable import KriyaStore

/// Issue 34: `kriya invite B-… --whatsapp` — the page opened in headless Chromium has one link per
/// mobile participant, each to that number in wa.me's form with the person's name, the session's
/// date and place in its text; the CSV for a broadcast has the same rows.
@Suite struct InviteCommandTests {
    let data = TempFolder("invite")

    @Test(.enabled(if: Tool.which("chromium") != nil, "chromium is not installed (.ci/run installs it)"))
    func thePageInABrowserHasALinkPerMobileParticipant() throws {
        #expect(try Kriya.run(["demo", "--data", data.path]).status == 0)
        let store = try Store(path: data.path)
        let s = try #require(store.data.sessions.items.first { $0.enrolledCount >= 5 })
        let people = s.participants.filter { $0.enrolment == .registered && $0.role == .peserta }.compactMap { store.data.artisans[$0.artisan] }
        let html = data.path + "-wa.html", csv = data.path + "-wa.csv"
        defer { for f in [html, csv] { try? FileManager.default.removeItem(atPath: f) } }
        let made = try Kriya.run(["invite", s.id.description, "--whatsapp", "--out", html, "--data", data.path, "--lang", "id"])
        #expect(made.status == 0 && made.stdout.contains("\(people.count) pesan"), "\(made.stdout)\(made.stderr)")

        let dom = try Tool.run("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", "file://\(html)"], timeout: 120).stdout
        let links = dom.components(separatedBy: "href=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }.filter { $0.hasPrefix("https://wa.me/") }
        #expect(links.count == people.count, "\(links.count) links for \(people.count) people")
        let day = s.days.first ?? s.start
        for a in people {
            let number = String(a.phone.dropFirst())
            let link = try #require(links.first { $0.hasPrefix("https://wa.me/\(number)?text=") }, "\(a.name): no link")
            let text = try #require(String(link.dropFirst("https://wa.me/\(number)?text=".count)).replacingOccurrences(of: "&amp;", with: "&").removingPercentEncoding)
            #expect(number.hasPrefix("628") && text.contains(a.name) && text.contains(day.full(.id)) && text.contains(s.venue), "\(text)")
        }

        let broadcast = try Kriya.run(["invite", s.id.description, "--whatsapp", "--format", "csv", "--out", csv, "--data", data.path, "--lang", "id"])
        #expect(broadcast.status == 0)
        let rows = try String(contentsOfFile: csv, encoding: .utf8).components(separatedBy: "\r\n").filter { $0.contains("wa.me") }
        #expect(rows.count == people.count)
    }
}
