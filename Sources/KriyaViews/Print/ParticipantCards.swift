import KriyaCore
import KriyaText
import QRCode

/// Participant cards, ten to an A4 page (two columns of five, 85 × 54 mm, the size of a bank
/// card, with cut lines): name, business, kelurahan and the event, and a QR code holding the
/// artisan's id with the id printed under it, for the door's scanner or for typing.
public enum ParticipantCards {
    public static let perPage = 10

    public static func html(_ people: [Artisan], event: String?, settings: DocumentSettings = .standard, lang: Lang) -> String {
        let x = PrintPage.x
        var body = ""
        for (n, page) in stride(from: 0, to: max(people.count, 1), by: perPage).map({ Array(people[$0..<min($0 + perPage, people.count)]) }).enumerated() {
            body += "<div class=\"page\(n > 0 ? " next" : "")\">\n"
            for a in page {
                let code = QRCode(a.id.description)?.svg(millimetres: 30) ?? ""
                let place = Wilayah.kelurahan(code: a.kelurahan)?.name ?? ""
                body += """
                    <div class="card"><div class="text"><div class="council">\(x(settings.council))</div>
                    <div class="name">\(x(a.name))</div><div>\(x(a.business))</div><div>\(x(place))</div>
                    \(event.map { "<div class=\"event\">\(x($0))</div>" } ?? "")</div>
                    <div class="code">\(code)<div class="id">\(x(a.id.description))</div></div></div>

                    """
            }
            body += "</div>\n"
        }
        let css = """
            @page { size: A4; margin: 10mm 15mm; }
            .page { display: grid; grid-template-columns: 85mm 85mm; grid-auto-rows: 54mm; gap: 0; }
            .page.next { page-break-before: always; break-before: page; }
            .card { border: 0.3mm dashed #777; padding: 3mm; display: flex; justify-content: space-between; overflow: hidden; box-sizing: border-box; }
            .card .text { font-size: 9pt; line-height: 1.3; overflow: hidden; }
            .card .council { font-size: 6.5pt; color: #444; margin-bottom: 2mm; }
            .card .name { font-size: 12pt; font-weight: bold; margin-bottom: 1mm; }
            .card .event { font-size: 7.5pt; color: #444; margin-top: 2mm; }
            .card .code { text-align: center; flex: none; }
            .card .id { font-family: "DejaVu Sans Mono", monospace; font-size: 9pt; letter-spacing: 0.5pt; }
            """
        return PrintPage.html(title: L10n.text(.dCardsTitle, lang) + (event.map { " · " + $0 } ?? ""), lang: lang, css: css, body: body)
    }
}
