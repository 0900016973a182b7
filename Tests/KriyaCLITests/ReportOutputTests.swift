import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import KriyaCore
@testable import KriyaText
@testable import KriyaViews

/// Reports as text for the terminal, as HTML for the mayor's office, and through `kriya report`.
@Suite struct ReportOutputTests {
    static let data = DemoData.make(artisans: 300, today: CivilDate(year: 2026, month: 11, day: 29)!)
    static let today = CivilDate(year: 2026, month: 11, day: 29)!

    @Test func textFitsTheTerminalAndFallsBackToASCII() {
        for name in ReportName.allCases {
            let report = Report.make(name, data: Self.data, today: Self.today, lang: .id)
            let lines = ReportText.plain(report, width: 80)
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= 80 }, "\(name): \(lines.filter { DisplayWidth.of($0) > 80 })")
            #expect(lines.contains { $0.contains("█") })
            let ascii = ReportText.plain(report, width: 80, unicode: false)
            let bars = ascii.filter { $0.contains("#") }
            #expect(!bars.isEmpty)
            #expect(ascii.joined().unicodeScalars.allSatisfy { $0.isASCII || !"█▏▎▍▌▋▊▉─·".unicodeScalars.contains($0) }, "\(name)")
        }
    }

    @Test func theHTMLReportIsOneWellFormedPrintableFile() throws {
        var data = Self.data
        var odd = data.artisans.items[0]
        odd.name = "<script>alert('x')</script> & \u{1B}[2J"
        odd.rev += 1
        data.artisans.merge(odd)
        for name in ReportName.allCases {
            let html = ReportDocument.html(Report.make(name, data: data, today: Self.today, lang: .id), lang: .id)
            let counter = ElementCounter()
            let parser = XMLParser(data: Data(html.utf8))
            parser.delegate = counter
            #expect(parser.parse(), "\(name): \(parser.parserError.map { "\($0)" } ?? "")")
            #expect(counter.counts["table", default: 0] >= 1 && counter.counts["svg", default: 0] >= 1, "\(name): \(counter.counts)")
            #expect(counter.counts["script", default: 0] == 0 && counter.counts["link", default: 0] == 0)
            #expect(html.contains("@page { size: A4"))
            #expect(!html.contains("\u{1B}"))
        }
        let coverage = ReportDocument.html(Report.make(.coverage, data: data, today: Self.today, lang: .id), lang: .id)
        #expect(coverage.contains("Pelaku IKM per kerajinan dan kecamatan"))
    }

    final class ElementCounter: NSObject, XMLParserDelegate {
        var counts: [String: Int] = [:]
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            counts[name, default: 0] += 1
        }
    }

    @Test func theReportCommand() throws {
        let folder = TempFolder("report")
        #expect(try Kriya.run(["demo", "--data", folder.path]).status == 0)
        let text = try Kriya.run(["report", "coverage", "--data", folder.path], env: ["COLUMNS": "80"])
        #expect(text.status == 0 && text.stdout.contains("Signature") && text.stdout.contains("Blimbing"))
        #expect(text.stdout.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 80 })
        let csv = try Kriya.run(["report", "exhibitions", "--format", "csv", "--data", folder.path])
        #expect(csv.stdout.hasPrefix("\u{FEFF}Exhibition Results"))
        let out = folder.path + "-report.html"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let html = try Kriya.run(["report", "training", "--format", "html", "--out", out, "--data", folder.path, "--lang", "id"])
        #expect(html.status == 0)
        #expect(String(decoding: FileManager.default.contents(atPath: out) ?? Data(), as: UTF8.self).contains("<h1>Rekap Pelatihan"))
        let unknown = try Kriya.run(["report", "sales", "--data", folder.path])
        #expect(unknown.status != 0 && unknown.stderr.contains("coverage, training, certification, exhibitions"))
    }
}
