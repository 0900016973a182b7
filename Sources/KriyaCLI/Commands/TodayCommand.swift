import ArgumentParser
import Foundation
import KriyaCore
import KriyaStore
import KriyaText

/// `kriya today`: what the office's day starts with (issue 34), for a script or a quick look
/// over SSH: today's sessions and their doors, the exhibitions running, the coming week, and
/// what is due. Plain text, nothing from the data reaching the terminal raw.
struct TodayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "today",
        abstract: "What is on today: sessions and who is in, exhibitions running, the coming week, what is due."
    )

    @Flag(help: "Print JSON for scripts.") var json = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        let store = try global.openRecords(create: false)
        let today = SystemInfo.now().today
        let summary = TodaySummary(store.data, today: today)
        if json { return Output.line(try JSONOutput.encode(TodayJSON(summary, lang))) }
        var out = [CLIText.text(.tdTitle, lang, today.long(lang)), "", CLIText.text(.tdSessions, lang)]
        if summary.sessions.isEmpty { out.append("  " + CLIText.text(.tdNoSessions, lang)) }
        for s in summary.sessions {
            let when = [s.startTime?.description, s.days > 1 ? CLIText.text(.tdDayOf, lang, s.day, s.days) : nil].compactMap { $0 }.joined(separator: ", ")
            out.append("  \(s.session)  \(s.title) · \(s.venue)" + (when.isEmpty ? "" : " · \(when)"))
            out.append("            " + s.doorLine(lang))
        }
        if !summary.exhibitions.isEmpty {
            out += ["", CLIText.text(.tdExhibitions, lang)]
            for e in summary.exhibitions { out.append("  \(e.id)  \(e.name) · " + CLIText.text(.tdUntil, lang, e.end.short(lang))) }
        }
        if !summary.comingWeek.isEmpty {
            out += ["", CLIText.text(.tdComing, lang)]
            for item in summary.comingWeek { out.append("  \(item.start.short(lang))  \(item.id)  \(item.title) · \(item.place) · \(item.people)") }
        }
        out += ["", CLIText.text(.tdDue, lang)]
        if summary.due.isEmpty { out.append("  " + CLIText.text(.tdNothingDue, lang)) }
        for d in summary.due { out.append("  " + d.message(lang)) }
        Output.lines(out.map { TerminalSafe.text($0) })
    }
}

/// `kriya today --json`: the same, by field.
struct TodayJSON: Encodable {
    struct Session: Encodable {
        let id: String, title: String, venue: String, startTime: String?, day: Int, days: Int
        let expected: Int, present: Int, late: Int, away: Int, notYet: Int, closed: Bool
    }
    struct Exhibition: Encodable { let id: String, name: String, end: String }
    struct Coming: Encodable { let id: String, kind: String, title: String, start: String, place: String, people: Int }
    struct Due: Encodable { let kind: String, id: String?, text: String }
    let today: String
    let sessions: [Session]
    let exhibitions: [Exhibition]
    let comingWeek: [Coming]
    let due: [Due]

    init(_ s: TodaySummary, _ lang: Lang) {
        today = s.today.iso
        sessions = s.sessions.map { Session(id: $0.session.description, title: $0.title, venue: $0.venue, startTime: $0.startTime?.description,
                                            day: $0.day, days: $0.days, expected: $0.expected, present: $0.present, late: $0.late,
                                            away: $0.away, notYet: $0.notYet, closed: $0.closed) }
        exhibitions = s.exhibitions.map { Exhibition(id: $0.id.description, name: $0.name, end: $0.end.iso) }
        comingWeek = s.comingWeek.map { Coming(id: $0.id.description, kind: $0.kind.rawValue, title: $0.title, start: $0.start.iso, place: $0.place, people: $0.people) }
        due = s.due.map { d in
            let (kind, id): (String, EntityID?)
            switch d {
            case .dayNotClosed(let s, _, _): (kind, id) = ("dayNotClosed", s)
            case .certificatesToNumber(let s, _, _): (kind, id) = ("certificatesToNumber", s)
            case .underEnrolled(let s, _, _, _, _): (kind, id) = ("underEnrolled", s)
            case .certificationsExpiring: (kind, id) = ("certificationsExpiring", nil)
            case .doorOut(let s, _, _, _): (kind, id) = ("doorOut", s)
            }
            return Due(kind: kind, id: id?.description, text: d.message(lang))
        }
    }
}
