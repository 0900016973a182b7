import KriyaCore
import KriyaText

/// The daftar hadir of one meeting day as the office makes it for its accounts (SPJ): the
/// letterhead, the activity, day and place, one row per participant (by name) with the
/// signature cells staggered left and right by row number, blank rows for walk-ins, and the
/// "Mengetahui" block. `filled` (after the day) puts each mark and time where the signatures go.
public enum AttendanceSheet {
    public static func html(_ s: BimtekSession, day: CivilDate, data: Dataset, settings: DocumentSettings = .standard,
                            lang: Lang, filled: Bool = false, blankRows: Int = 5) -> String {
        let t = { (key: TextKey, args: [CustomStringConvertible]) in L10n.text(key, lang, arguments: args) }
        let x = PrintPage.x
        let days = s.days
        let dayNumber = (days.firstIndex(of: day) ?? 0) + 1
        var body = PrintPage.letterhead(settings)
        body += "<h1>\(x(t(.dAttendanceTitle, [])))</h1>\n<table class=\"facts\">\n"
        let facts: [(TextKey, String?)] = [
            (.dActivity, s.title),
            (.dDayDate, day.weekdayName(lang) + ", " + day.full(lang) + (days.count > 1 ? " (" + t(.dDayOf, [dayNumber, days.count]) + ")" : "")),
            (.fVenue, s.venue + (s.startTime.map { ", \($0)" } ?? "")), (.fOrganiser, s.organiser),
            (.fPartners, data.partnerNames(of: s).joined(separator: ", ")), (.fTrainers, data.trainerNames(of: s).joined(separator: ", ")),
        ]
        for (key, value) in facts {
            guard let value, !value.isEmpty else { continue }
            body += "<tr><td>\(x(t(key, [])))</td><td>:</td><td>\(x(value))</td></tr>\n"
        }
        body += "</table>\n"

        let last = filled ? "<th>\(x(t(.fAttendance, [])))</th>" : "<th colspan=\"2\">\(x(t(.dSignature, [])))</th>"
        body += "<table class=\"list\">\n<thead><tr><th>No</th><th>\(x(t(.fName, [])))</th><th>\(x(t(.fBusiness, [])))</th>"
        body += "<th>\(x(t(.fKelurahan, [])))</th><th>\(x(t(.fPhone, [])))</th>\(last)</tr></thead>\n<tbody>\n"
        let people = participants(s, data: data)
        for (i, (p, a)) in people.enumerated() {
            let n = i + 1
            let cells = [a.name, a.business, Wilayah.kelurahan(code: a.kelurahan)?.name ?? ""].map { "<td>\(x($0))</td>" }.joined()
                + "<td class=\"phone\">\(x(a.phoneShown))</td>"
            body += "<tr class=\"person\"><td class=\"no\">\(n)</td>\(cells)\(filled ? mark(p, day, lang) : signatureCells(n))</tr>\n"
        }
        // Walk-ins sign on the rows left empty, numbered on.
        if !filled {
            for n in (people.count + 1)..<(people.count + 1 + blankRows) {
                body += "<tr class=\"blank\"><td class=\"no\">\(n)</td><td></td><td></td><td></td><td></td>\(signatureCells(n))</tr>\n"
            }
        }
        body += "</tbody>\n</table>\n"
        body += PrintPage.signature(settings.signed(data, on: day), date: day, lang: lang)
        let css = """
            table.list td { height: 9mm; }
            td.phone { white-space: nowrap; }
            td.sig { width: 22mm; font-size: 8pt; vertical-align: top; }
            td.sig.left { border-right: none; }
            td.sig.right { border-left: none; }
            """
        return PrintPage.html(title: t(.dAttendanceTitle, []) + " · " + s.title + " · " + day.full(lang), lang: lang, css: css, body: body)
    }

    /// Registered participants (not speakers or committee, not the waitlist or those who
    /// withdrew), by name: the order staff call them in.
    public static func participants(_ s: BimtekSession, data: Dataset) -> [(SessionParticipant, Artisan)] {
        s.participants.filter { $0.enrolment == .registered && $0.role == .peserta }
            .compactMap { p in data.artisans[p.artisan].map { (p, $0) } }
            .sorted { $0.1.name.precedesByName($1.1.name) }
    }

    /// Odd numbers sign in the left half, even ones in the right: neighbours never sign on top
    /// of each other, as Indonesian sign-in sheets are laid out.
    static func signatureCells(_ n: Int) -> String {
        n % 2 == 1 ? "<td class=\"sig left\">\(n).</td><td class=\"sig right\"></td>"
                   : "<td class=\"sig left\"></td><td class=\"sig right\">\(n).</td>"
    }

    static func mark(_ p: SessionParticipant, _ day: CivilDate, _ lang: Lang) -> String {
        guard let m = p.mark(on: day) else { return "<td class=\"mark\">–</td>" }
        let text = L10n.value(m.mark, lang) + (m.time.map { " \($0)" } ?? "") + (m.note.map { " (\($0))" } ?? "")
        return "<td class=\"mark\">\(PrintPage.x(text))</td>"
    }
}

extension String {
    /// Name order as people read it: case and accents aside.
    func precedesByName(_ other: String) -> Bool {
        let (a, b) = (Fold.string(self), Fold.string(other))
        return a != b ? a < b : self < other
    }
}
