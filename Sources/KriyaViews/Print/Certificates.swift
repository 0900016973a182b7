import KriyaCore
import KriyaText

/// Certificates of a Bimtek, one A4 landscape page each, for the participants who earned one
/// and were given a number (F8 at the door, or `issueCertificates`): the number, the name and
/// business, what they attended, when and with whom, and the signatory of `[documents]`.
public enum Certificates {
    public static func html(_ s: BimtekSession, only: EntityID? = nil, data: Dataset, settings: DocumentSettings = .standard,
                            lang: Lang) -> String {
        let x = PrintPage.x
        let t = { (key: TextKey, args: [CustomStringConvertible]) in L10n.text(key, lang, arguments: args) }
        let holders = holders(s, only: only, data: data)
        let partners = data.partnerNames(of: s)
        let partner = partners.isEmpty ? "" : t(.dCertificateWith, [partners.joined(separator: ", ")])
        var body = ""
        for (n, (p, a)) in holders.enumerated() {
            body += """
                <div class="certificate\(n > 0 ? " next" : "")">
                \(settings.logoDataURI.map { "<img class=\"logo\" src=\"\(x($0))\" alt=\"\"/>" } ?? "")
                <div class="council">\(x(settings.council))</div>
                <h1>\(x(t(.dCertificateTitle, [])))</h1>
                <div class="number">\(x(t(.dCertificateNumber, [p.certificate ?? ""])))</div>
                <div class="given">\(x(t(.dCertificateGiven, [])))</div>
                <div class="holder">\(x(a.name))</div>
                <div class="business">\(x(a.business))</div>
                <div class="what">\(x(wording(settings, s, partner: partner, lang: lang)))</div>
                \(PrintPage.signature(settings.signed(data, on: s.end), date: s.end, lang: lang, acknowledged: false))
                </div>

                """
        }
        let css = """
            @page { size: A4 landscape; margin: 12mm; }
            .certificate { height: 180mm; box-sizing: border-box; border: 2mm double #5a2d0c; padding: 12mm 18mm; text-align: center; position: relative; }
            .certificate.next { page-break-before: always; break-before: page; }
            .certificate .logo { height: 20mm; display: block; margin: 0 auto 3mm; }
            .council { font-size: 12pt; font-weight: bold; text-transform: uppercase; letter-spacing: 1pt; }
            .certificate h1 { font-size: 30pt; letter-spacing: 6pt; margin: 8mm 0 2mm; color: #5a2d0c; }
            .number { font-size: 10pt; margin-bottom: 8mm; }
            .given { font-size: 11pt; }
            .holder { font-size: 24pt; font-weight: bold; margin: 3mm 0 1mm; }
            .business { font-size: 12pt; margin-bottom: 6mm; }
            .what { font-size: 11pt; line-height: 1.5; max-width: 200mm; margin: 0 auto; }
            .certificate .signature { position: absolute; right: 22mm; bottom: 10mm; margin: 0; }
            """
        return PrintPage.html(title: t(.dCertificateTitle, []) + " · " + s.title, lang: lang, landscape: true, css: css, body: body)
    }

    /// The council's own sentence when the settings have one, the standard one otherwise.
    static func wording(_ settings: DocumentSettings, _ s: BimtekSession, partner: String, lang: Lang) -> String {
        let values = [s.title, s.organiser + partner, PrintPage.dates(s.start, s.end, lang), s.venue]
        guard var text = settings.certificateText else { return L10n.text(.dCertificateWhat, lang, arguments: values) }
        // Names become positions in the sentence first, then one pass fills them: a title
        // holding "{tanggal}" stays as typed.
        for (n, names) in [["{activity}", "{kegiatan}"], ["{organiser}", "{penyelenggara}"], ["{dates}", "{tanggal}"], ["{place}", "{tempat}"]].enumerated() {
            for name in names { text = text.replacingAll(name, with: "{\(n)}") }
        }
        return Template.fill(text, values)
    }

    /// Who holds a certificate of the session (by name); one artisan when `only` is given.
    public static func holders(_ s: BimtekSession, only: EntityID? = nil, data: Dataset) -> [(SessionParticipant, Artisan)] {
        s.participants.filter { $0.certificate != nil && (only == nil || $0.artisan == only) }
            .compactMap { p in data.artisans[p.artisan].map { (p, $0) } }
            .sorted { $0.1.name.precedesByName($1.1.name) }
    }
}
