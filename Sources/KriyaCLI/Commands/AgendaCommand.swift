import ArgumentParser
import Foundation
import KriyaCore
import KriyaStore
import KriyaViews
import KriyaText

struct AgendaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "agenda",
        abstract: "Upcoming Bimtek sessions and exhibitions, with overlapping bookings flagged."
    )

    @Option(help: "First day (16/09/2026, 16 Sep 2026, 2026-09-16; default today).") var from: String?
    @Option(help: "How many days to show.") var days = 60
    @Flag(help: "Print JSON for scripts.") var json = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        var start = SystemInfo.now().today
        if let from {
            guard let parsed = DateInput.parse(from) else {
                Output.error("--from: " + L10n.problem(.invalidDate(from), lang))
                throw ExitCode(EX_DATAERR)
            }
            start = parsed
        }
        guard days > 0, days <= AgendaPrinter.maxDays else {
            Output.error("--days: " + L10n.problem(.outOfRange(min: 1, max: AgendaPrinter.maxDays), lang))
            throw ExitCode(EX_DATAERR)
        }
        let store = try global.openRecords(create: false)
        let end = start.adding(days: days - 1)
        let printer = AgendaPrinter(data: store.data, lang: lang, from: start, to: end, width: Output.width())
        if json {
            Output.line(try JSONOutput.encode(printer.jsonItems()))
        } else {
            printer.print(today: SystemInfo.now().today)
        }
    }
}

/// The agenda as a table, then the overlapping bookings.
struct AgendaPrinter {
    /// Ten years at a time is more than any plan of the office.
    static let maxDays = 3660
    let data: Dataset
    let lang: Lang
    let from: CivilDate
    let to: CivilDate
    let width: Int?

    func print(today: CivilDate? = nil) {
        let today = today ?? from
        let items = Agenda.items(data, from: from, to: to, today: today)
        var out = [CLIText.text(.cAgendaHeader, lang, from.short(lang), to.short(lang))]
        guard !items.isEmpty else {
            Output.lines(out + [CLIText.text(.cNoEvents, lang)])
            return
        }
        // Minimum widths fit 80 columns; dates and ids are never cut.
        var table = Table([.init(L10n.text(.fDates, lang), minWidth: 16), .init(L10n.text(.fKind, lang), minWidth: 7),
                           .id(L10n.text(.fID, lang)), .init(L10n.text(.fTitle, lang), minWidth: 13),
                           .init(L10n.text(.fVenue, lang), minWidth: 6), .init(L10n.text(.cWhen, lang), minWidth: 12),
                           .init(L10n.text(.cPeople, lang), alignRight: true, minWidth: 6)])
        for item in items {
            // Outreach is said as such: it is not a training.
            let outreach = item.kind == .session && data.sessions[item.id]?.kind == .sosialisasi
            let kind = outreach ? L10n.value(SessionKind.sosialisasi, lang).prefix(1).uppercased() + L10n.value(SessionKind.sosialisasi, lang).dropFirst()
                : item.kind == .session ? CLIText.text(.cKindSession, lang) : CLIText.text(.cKindExhibition, lang)
            var title = item.title
            // A clash must survive a narrow terminal: where the title will be cut, its flag
            // goes first ("⚠1 Dekranasda Fe…"); with room, after it in words.
            if !item.conflicts.isEmpty {
                title = (width ?? 200) >= 120 ? title + "  " + L10n.text(.cConflictFlag, lang, item.conflicts.count)
                                              : "⚠\(item.conflicts.count) " + title
            }
            table.add([span(item.start, item.end), kind, item.id.description, title, item.place,
                       when(item.start, item.end, today), "\(item.people)"])
        }
        out += table.render(width: width)
        let clashes = Conflicts.find(data, from: from, to: to)
        if !clashes.isEmpty {
            out += ["", CLIText.text(.cConflictsHeader, lang)]
            for c in clashes {
                let who = "\(c.artisan) \(data.artisans[c.artisan]?.name ?? "")"
                let line = "  " + TerminalSafe.text(CLIText.text(.cConflictLine, lang, who, label(c.first), label(c.second))) + " (\(c.day.numeric))"
                // Wrapped, not cut, on a narrow terminal: who and both bookings are the point.
                out += width.map { Wrap.lines(line, width: $0) } ?? [line]
            }
        }
        Output.lines(out)
    }

    private func label(_ id: EntityID) -> String {
        let title = data.sessions[id]?.title ?? data.exhibitions[id]?.name ?? ""
        return "\(id) \(title)"
    }

    /// `16/09/2026` or `16/09 – 18/09/2026`.
    private func span(_ start: CivilDate, _ end: CivilDate) -> String {
        guard start != end else { return start.numeric }
        return start.year == end.year ? "\(pad2(start.day))/\(pad2(start.month))–\(end.numeric)" : "\(start.numeric)–\(end.numeric)"
    }

    private func when(_ start: CivilDate, _ end: CivilDate, _ today: CivilDate) -> String {
        if start == today { return CLIText.text(.cToday, lang) }
        if start < today && end >= today { return L10n.text(.cOngoing, lang) }
        if end < today { return L10n.text(.cPast, lang) }
        return L10n.text(.cDaysUntil, lang, today.days(until: start))
    }

    private func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    struct JSONItem: Encodable {
        let kind: String, id: EntityID, title: String, start: CivilDate, end: CivilDate
        let place: String, status: String, people: Int, conflicts: [EntityID]
    }

    func jsonItems() -> [JSONItem] {
        Agenda.items(data, from: from, to: to, today: SystemInfo.now().today).map {
            JSONItem(kind: $0.kind.rawValue, id: $0.id, title: $0.title, start: $0.start, end: $0.end,
                     place: $0.place, status: $0.status, people: $0.people, conflicts: $0.conflicts)
        }
    }
}
