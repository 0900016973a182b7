import KriyaCore

/// The page the clerk clicks down on the office PC (issue 34): one row per participant with the
/// message and a link that opens WhatsApp with it to that number; a row clicked is marked sent,
/// kept in the browser (localStorage), so the list can be left and taken up again. Those without
/// a mobile number are listed apart. Self-contained: no network but the links themselves.
public enum WhatsAppPage {
    public static func html(_ s: BimtekSession, messages: [WhatsAppMessage], unreachable: [WhatsAppMessage], lang: Lang) -> String {
        let t = { (key: TextKey) in L10n.text(key, lang) }
        let title = L10n.text(.waPageTitle, lang, s.title)
        var rows = ""
        for (i, m) in messages.enumerated() {
            // Stable across pages made again: the same message to the same person is the same row.
            let key = "kriya-wa-\(s.id)-\(m.artisan)-\(fnv(m.text))"
            rows += """
                <tr data-key="\(x(key))"><td class="no">\(i + 1)</td><td>\(x(m.name))<br/><span class="phone">\(x(m.phone))</span></td>\
                <td class="text">\(x(m.text).replacingOccurrences(of: "\n", with: "<br/>"))</td>\
                <td><a class="send" href="\(x(m.link ?? ""))" target="_blank" rel="noopener">\(x(t(.waSend)))</a> <span class="state"></span></td></tr>

                """
        }
        let apart = unreachable.map { "<li>\(x($0.name)) — \(x($0.phone.isEmpty ? "–" : $0.phone))</li>" }.joined(separator: "\n")
        return """
            <!DOCTYPE html>
            <html lang="\(lang.rawValue)">
            <head><meta charset="utf-8"/><title>\(x(title))</title>
            <style>
            body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; margin: 16px; }
            table { border-collapse: collapse; width: 100%; }
            td, th { border: 1px solid #999; padding: 4px 6px; vertical-align: top; }
            td.no { text-align: right; width: 2em; } .phone { color: #555; } td.text { font-size: 10pt; }
            a.send { background: #25d366; color: #fff; padding: 3px 10px; border-radius: 4px; text-decoration: none; }
            tr.sent { background: #e8f5e9; } tr.sent a.send { background: #9e9e9e; }
            </style></head>
            <body>
            <h1>\(x(title))</h1>
            <p>\(x(t(.waPageHelp)))</p>
            <table data-sent="\(x(t(.waSent)))"><tbody>
            \(rows)</tbody></table>
            \(unreachable.isEmpty ? "" : "<h2>\(x(t(.waApart)))</h2>\n<ul class=\"apart\">\n\(apart)\n</ul>")
            <script>
            // A row clicked is sent: kept in this browser, so the list can be taken up again.
            const sent = document.querySelector("table").getAttribute("data-sent");
            document.querySelectorAll("tr[data-key]").forEach(function (row) {
              const key = row.getAttribute("data-key");
              function mark() { row.classList.add("sent"); row.querySelector(".state").textContent = "✓ " + sent; }
              try { if (localStorage.getItem(key)) mark(); } catch (e) {}
              row.querySelector("a.send").addEventListener("click", function () {
                try { localStorage.setItem(key, "1"); } catch (e) {}
                mark();
              });
            });
            </script>
            </body></html>

            """
    }

    private static func x(_ text: String) -> String { PrintPage.x(text) }

    /// FNV-1a of the text, in hex.
    static func fnv(_ text: String) -> String {
        var h: UInt32 = 2_166_136_261
        for b in text.utf8 { h = (h ^ UInt32(b)) &* 16_777_619 }
        return String(h, radix: 16)
    }
}
