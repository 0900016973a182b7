import KriyaCore

/// The lists the office files with an event: a session's participants and an exhibition's
/// delegation (kontingen), each a table under the letterhead, signed "Mengetahui".
public enum PeopleLists {
    public static func participants(_ s: BimtekSession, data: Dataset, settings: DocumentSettings = .standard, lang: Lang,
                                    today: CivilDate) -> String {
        let t = { (key: TextKey) in L10n.text(key, lang) }
        // Enrolled first (participants, then speakers and committee), the waitlist after; by name.
        let order: [Enrolment] = [.registered, .waitlist]
        let people = s.participants.filter { order.contains($0.enrolment) }
            .compactMap { p in data.artisans[p.artisan].map { (p, $0) } }
            .sorted { a, b in
                let (ea, eb) = (order.firstIndex(of: a.0.enrolment)!, order.firstIndex(of: b.0.enrolment)!)
                if ea != eb { return ea < eb }
                if (a.0.role == .peserta) != (b.0.role == .peserta) { return a.0.role == .peserta }
                return a.1.name.precedesByName(b.1.name)
            }
        let rows = people.map { p, a in
            [a.name, a.business, Wilayah.kelurahan(code: a.kelurahan)?.name ?? "", a.phoneShown,
             p.role == .peserta ? L10n.value(p.enrolment, lang) : L10n.value(p.role, lang), p.certificate ?? ""]
        }
        let facts: [(TextKey, String?)] = [(.dActivity, s.title), (.fDates, PrintPage.dates(s.start, s.end, lang)),
                                           (.fVenue, s.venue), (.fOrganiser, s.organiser), (.fPartners, data.partnerNames(of: s).joined(separator: ", ")),
                                           (.fEnrolled, L10n.people(s, lang))]
        return document(title: t(.dParticipantsTitle), record: s.title, facts: facts,
                        columns: [t(.fName), t(.fBusiness), t(.fKelurahan), t(.fPhone), t(.fEnrolled), t(.fCertificate)],
                        rows: rows, settings: settings.signed(data, on: today), lang: lang, date: today)
    }

    public static func delegation(_ e: Exhibition, data: Dataset, settings: DocumentSettings = .standard, lang: Lang,
                                  today: CivilDate) -> String {
        let t = { (key: TextKey) in L10n.text(key, lang) }
        // The kontingen: those who passed curation, then those still proposed; by name.
        let order: [Curation] = [.accepted, .proposed]
        let people = e.participants.filter { order.contains($0.curation) }
            .compactMap { p in data.artisans[p.artisan].map { (p, $0) } }
            .sorted { a, b in
                let (ca, cb) = (order.firstIndex(of: a.0.curation)!, order.firstIndex(of: b.0.curation)!)
                return ca != cb ? ca < cb : a.1.name.precedesByName(b.1.name)
            }
        let rows = people.map { p, a in
            [a.name, a.business, a.category.label(lang), Wilayah.kelurahan(code: a.kelurahan)?.name ?? "", a.phoneShown,
             L10n.value(p.curation, lang), p.booth ?? "", e.missingCertifications(a).map(\.rawValue).joined(separator: ", ")]
        }
        let place = [e.venue, e.city, e.country].compactMap { $0 }.joined(separator: ", ")
        let facts: [(TextKey, String?)] = [(.dActivity, e.name), (.fDates, PrintPage.dates(e.start, e.end, lang)),
                                           (.fVenue, place.isEmpty ? nil : place), (.fOrganiser, e.organiser),
                                           (.fRequiredCertifications, e.requiredCertifications.isEmpty ? nil
                                                : e.requiredCertifications.map(\.rawValue).joined(separator: ", "))]
        return document(title: t(.dDelegationTitle), record: e.name, facts: facts,
                        columns: [t(.fName), t(.fBusiness), t(.fCategory), t(.fKelurahan), t(.fPhone), t(.fCuration), t(.fBooth),
                                  t(.fMissingCertifications)],
                        rows: rows, settings: settings.signed(data, on: today), lang: lang, date: today)
    }

    /// Letterhead, title, facts, a numbered table whose heading repeats on every page, signature.
    static func document(title: String, record: String, facts: [(TextKey, String?)], columns: [String], rows: [[String]],
                         settings: DocumentSettings, lang: Lang, date: CivilDate) -> String {
        let x = PrintPage.x
        var body = PrintPage.letterhead(settings) + "<h1>\(x(title))</h1>\n<table class=\"facts\">\n"
        for (key, value) in facts {
            guard let value, !value.isEmpty else { continue }
            body += "<tr><td>\(x(L10n.text(key, lang)))</td><td>:</td><td>\(x(value))</td></tr>\n"
        }
        body += "</table>\n<table class=\"list\">\n<thead><tr><th>No</th>" + columns.map { "<th>\(x($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for (i, row) in rows.enumerated() {
            body += "<tr class=\"person\"><td class=\"no\">\(i + 1)</td>" + row.map { "<td>\(x($0))</td>" }.joined() + "</tr>\n"
        }
        if rows.isEmpty { body += "<tr><td colspan=\"\(columns.count + 1)\">\(x(L10n.text(.cNone, lang)))</td></tr>\n" }
        body += "</tbody>\n</table>\n" + PrintPage.signature(settings, date: date, lang: lang)
        return PrintPage.html(title: title + " · " + record, lang: lang, body: body)
    }
}
