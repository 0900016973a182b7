import KriyaCore

/// A printable document as one self-contained HTML file: inline CSS with A4 page rules, no
/// scripts, no network. Every document shares this page, its letterhead and its signature block.
enum PrintPage {
    static func html(title: String, lang: Lang, landscape: Bool = false, css: String = "", body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(lang.rawValue)">
        <head>
        <meta charset="utf-8"/>
        <title>\(x(title))</title>
        <style>
        @page { size: A4\(landscape ? " landscape" : ""); margin: 15mm 14mm 15mm 16mm; }
        body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10pt; color: #000; margin: 0; }
        .letterhead { text-align: center; border-bottom: 3px double #000; padding-bottom: 4pt; margin-bottom: 10pt; position: relative; min-height: 16mm; }
        .letterhead .logo { position: absolute; left: 0; top: 0; height: 16mm; }
        .letterhead .council { font-size: 13pt; font-weight: bold; text-transform: uppercase; }
        .letterhead .address { font-size: 9pt; }
        h1 { font-size: 13pt; text-align: center; margin: 6pt 0 8pt; text-transform: uppercase; letter-spacing: 1pt; }
        table.facts { margin: 0 0 8pt; border-collapse: collapse; }
        table.facts td { padding: 1pt 6pt 1pt 0; vertical-align: top; border: none; }
        table.list { border-collapse: collapse; width: 100%; }
        table.list th, table.list td { border: 1px solid #000; padding: 3pt 4pt; vertical-align: middle; }
        table.list th { background: #eee; text-align: center; }
        /* The heading row is printed again at the top of every page; a row never splits. */
        table.list thead { display: table-header-group; }
        table.list tr { page-break-inside: avoid; break-inside: avoid; }
        td.no { text-align: right; width: 7mm; }
        .signature { margin-top: 14pt; width: 70mm; margin-left: auto; text-align: center; page-break-inside: avoid; break-inside: avoid; }
        .signature .space { height: 20mm; }
        .signature .name { font-weight: bold; text-decoration: underline; }
        .signature .name.blank { font-weight: normal; text-decoration: none; letter-spacing: -0.5pt; }
        \(css)
        </style>
        </head>
        <body>
        \(body)
        </body>
        </html>

        """
    }

    static func letterhead(_ settings: DocumentSettings) -> String {
        let logo = settings.logoDataURI.map { "<img class=\"logo\" src=\"\(x($0))\" alt=\"\"/>" } ?? ""
        return "<div class=\"letterhead\">\(logo)<div class=\"council\">\(x(settings.council))</div><div class=\"address\">\(x(settings.address))</div></div>\n"
    }

    /// "Malang, 30 November 2026 / Mengetahui, / Ketua … / (space) / name".
    static func signature(_ settings: DocumentSettings, date: CivilDate, lang: Lang, acknowledged: Bool = true) -> String {
        // No name in the settings: a line to write it on by hand.
        let name = settings.signatoryName.isEmpty ? "(" + String(repeating: ".", count: 40) + ")" : settings.signatoryName
        let above = acknowledged ? "<div>\(x(L10n.text(.dAcknowledged, lang)))</div>" : ""
        return """
            <div class="signature"><div>\(x(settings.city)), \(x(date.full(lang)))</div>\(above)
            <div>\(x(settings.signatoryPosition))</div><div class="space"></div><div class="name\(settings.signatoryName.isEmpty ? " blank" : "")">\(x(name))</div></div>

            """
    }

    /// "30 November 2026", "16–18 Desember 2026", "30 November – 2 Desember 2026".
    static func dates(_ start: CivilDate, _ end: CivilDate, _ lang: Lang) -> String {
        if start == end { return start.full(lang) }
        if start.year == end.year && start.month == end.month { return "\(start.day)–\(end.full(lang))" }
        if start.year == end.year { return String(start.full(lang).dropLast(5)) + " – " + end.full(lang) }
        return start.full(lang) + " – " + end.full(lang)
    }

    static func x(_ text: String) -> String { ReportDocument.x(text) }
}
