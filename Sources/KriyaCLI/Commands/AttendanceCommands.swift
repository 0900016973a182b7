import ArgumentParser
import Foundation
import KriyaCore
import KriyaStore
import KriyaText
import KriyaViews

struct AttendanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attendance",
        abstract: "Print a Bimtek session's attendance list: each participant, each meeting day (or one day); or correct one mark.",
        discussion: """
            Correcting: kriya attendance B-000003 --set A-000123 --day 2 --mark izin --reason "anak sakit"
            Marks: hadir, terlambat, izin, sakit, alpa (or present, late, excused, sick, absent); none takes a mark away.
            Today's marks, while the day is open, are a clerk's (the door); a past day, or today once closed, is
            corrected by an editor with --reason. Each correction is audited. Days that have not begun take no mark.
            People who withdrew are listed with what they had (attendance, certificate), marked as withdrawn.
            """
    )

    @Argument(help: "The session, e.g. B-000003.") var session: String
    @Option(help: "Only meeting day N (1 is the first).") var day: Int?
    @Flag(help: "CSV (as `kriya export attendance`), for a spreadsheet.") var csv = false
    @Flag(help: "JSON for scripts.") var json = false
    @Option(help: "Correct the mark of this artisan (with --mark, and --day when the session has several days).") var set: String?
    @Option(help: "The mark to set: hadir, terlambat, izin, sakit, alpa, or none to take it away.") var mark: String?
    @Option(help: "Why (izin or sakit; required to correct a past or closed day): kept with the mark.") var reason: String?
    @OptionGroup var csvSeparator: CSVSeparatorOption
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        let store = try global.openRecords(create: false)
        var s = try global.session(session, in: store.data)
        if let set { return try correct(set, in: s, store) }
        var days = s.days
        if let day {
            guard days.indices.contains(day - 1) else {
                Output.error(CLIText.text(.cNoSuchDay, lang, day, s.id, days.count))
                throw ExitCode(EX_USAGE)
            }
            days = [days[day - 1]]
            s.meetingDays = days
        }
        // Those who withdrew stay on the list with what they had: their marks and certificate are records.
        let people = s.participants.filter { $0.enrolment == .registered || ($0.enrolment == .cancelled && (!$0.attendance.isEmpty || $0.certificate != nil)) }
        if csv || json {
            var table = ExportTables.attendance([s], artisans: store.data.artisans, lang: json ? .en : lang)
            let shown = [Enrolment.registered, .cancelled].map { L10n.value($0, json ? .en : lang) }
            let listed = Set(people.map(\.artisan.description))
            table.rows = table.rows.filter { shown.contains($0[8]) && listed.contains($0[3]) }
            if json {
                let keys = ["session", "title", "day", "artisan", "name", "business", "phone", "role", "enrolment",
                            "mark", "time", "recordedBy", "note", "certificate"]
                return Output.line(try JSONOutput.encode(table.rows.map { Dictionary(uniqueKeysWithValues: zip(keys, $0)) }))
            }
            let rows = isatty(STDOUT_FILENO) != 0 ? table.rows.map { $0.map { TerminalSafe.text($0) } } : table.rows
            FileHandle.standardOutput.write(Data(SpreadsheetFile.csv(headings: table.headings, rows: rows, delimiter: csvSeparator.character(lang)).dropFirst(SpreadsheetFile.byteOrderMark.count)))
            return
        }
        let t = { (k: TextKey, a: [CustomStringConvertible]) in L10n.text(k, lang, arguments: a) }
        var out = [TerminalSafe.text("\(s.id)  \(s.title)"), days.map(\.numeric).joined(separator: ", "), ""]
        for d in days {
            let marks = people.filter { $0.enrolment == .registered }.compactMap { $0.mark(on: d)?.mark }
            out.append(CLIText.text(.cAttendanceCounts, lang, arguments: [d.numeric, marks.filter { $0 == .hadir }.count, marks.filter { $0 == .terlambat }.count,
                                              marks.filter { $0 == .izin }.count, marks.filter { $0 == .alpa }.count, people.count - marks.count]))
        }
        out.append("")
        var columns: [Table.Column] = [.init(t(.fArtisan, []), minWidth: 8), .init(t(.fName, []), minWidth: 10), .init(t(.fBusiness, []), minWidth: 8)]
        columns += days.count == 1 ? [.init(t(.fAttendance, []), minWidth: 8), .init(t(.fTime, []), minWidth: 5), .init(t(.fRecordedBy, []), minWidth: 6)]
                                   : [.init(t(.fAttendance, []), minWidth: days.count)]
        columns.append(.init(t(.fCertificate, []), minWidth: 8))
        var table = Table(columns)
        let data = store.data
        for p in people.sorted(by: { (data.artisans[$0.artisan]?.name ?? "") < (data.artisans[$1.artisan]?.name ?? "") }) {
            let a = data.artisans[p.artisan]
            let withdrawn = p.enrolment == .cancelled ? " (" + CLIText.text(.cWithdrawnNote, lang) + ")" : ""
            var row = [p.artisan.description, (a?.name ?? "?") + withdrawn, a?.business ?? ""]
            if days.count == 1 {
                let m = p.mark(on: days[0])
                row += [m.map { L10n.value($0.mark, lang) } ?? "–", m?.time?.description ?? "", m?.by ?? ""]
            } else {
                row.append(days.map { d in p.mark(on: d).map { Marks.letter($0.mark) } ?? "?" }.joined())
            }
            row.append(p.certificate ?? "")
            table.add(row.map { TerminalSafe.text($0) })
        }
        out += table.render(width: Output.width())
        if days.count > 1 { out.append(Marks.legend(lang)) }
        Output.lines(out)
    }
}

extension AttendanceCommand {
    /// `--set ARTISAN --mark M [--day N] [--reason R]`: one mark corrected, audited.
    func correct(_ who: String, in s: BimtekSession, _ store: any RecordStore) throws {
        let lang = global.language
        let parsed = try global.id(who, of: .artisan)
        let aid = store.data.officeID(ofWalkIn: parsed) ?? parsed
        guard let markText = mark else {
            Output.error(CLIText.text(.cMarkNeeded, lang))
            throw ExitCode(EX_USAGE)
        }
        let words: [String: AttendanceMark?] = ["hadir": .hadir, "present": .hadir, "terlambat": .terlambat, "late": .terlambat,
                                                "izin": .izin, "excused": .izin, "sakit": .sakit, "sick": .sakit, "alpa": .alpa,
                                                "absent": .alpa, "none": nil, "clear": nil, "hapus": nil]
        guard let chosen = words[markText.lowercased().trimmingSpaces] else {
            Output.error(CLIText.text(.cMarkUnknown, lang, markText))
            throw ExitCode(EX_USAGE)
        }
        let days = s.days
        let n = day ?? (days.count == 1 ? 1 : days.firstIndex(of: SystemInfo.now().today).map { $0 + 1 } ?? 0)
        guard days.indices.contains(n - 1) else {
            Output.error(CLIText.text(.cNoSuchDay, lang, n, s.id, days.count))
            throw ExitCode(EX_USAGE)
        }
        let when = days[n - 1]
        let command: Command = chosen.map { .markAttendance(session: s.id, artisan: aid, day: when, mark: $0, time: nil, note: reason) }
            ?? .clearAttendance(session: s.id, artisan: aid, day: when, reason: reason)
        switch Result(catching: { () throws(StoreError) in try store.apply(command) }) {
        case .success:
            let name = TerminalSafe.text(store.data.artisans[aid]?.name ?? "")
            Output.line(chosen.map { CLIText.text(.cMarkSet, lang, aid, name, L10n.value($0, lang) + (reason.map { " (\(TerminalSafe.text($0)))" } ?? ""), when.numeric) }
                        ?? CLIText.text(.cMarkCleared, lang, aid, name, when.numeric))
        case .failure(.command(let box)):
            Output.error(TerminalSafe.text(box.error.message(lang), keepNewlines: true))
            throw ExitCode(EX_DATAERR)
        case .failure(let other):
            throw other
        }
    }
}

struct CheckInCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "checkin",
        abstract: "Record one check-in at a Bimtek session, now (late after the start time plus the grace period)."
    )

    @Argument(help: "The session, e.g. B-000003.") var session: String
    @Argument(help: "The artisan, e.g. A-000123.") var artisan: String
    @Option(help: "Meeting day N (default: today's).") var day: Int?
    @Flag(help: "Enrol the artisan first when not enrolled (someone who came without registering).") var enrol = false
    @Flag(help: "Let them in past the session's capacity (what the console's door asks before doing).") var pastCapacity = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        let store = try global.openRecords(create: false)
        let sid = try global.id(session, of: .session)
        let parsed = try global.id(artisan, of: .artisan)
        let aid = store.data.officeID(ofWalkIn: parsed) ?? parsed
        guard let s = store.data.sessions[sid] else {
            Output.error(CLIText.text(.cUnknownID, lang, session))
            throw ExitCode(EX_NOINPUT)
        }
        let now = SystemInfo.now()
        let when: CivilDate
        if let day {
            guard s.days.indices.contains(day - 1) else {
                Output.error(CLIText.text(.cNoSuchDay, lang, day, sid, s.days.count))
                throw ExitCode(EX_USAGE)
            }
            when = s.days[day - 1]
        } else {
            when = now.today
        }
        switch Result(catching: { () throws(StoreError) in try store.apply(.checkIn(session: sid, artisan: aid, day: when, time: now.time, enrol: enrol, pastCapacity: pastCapacity)) }) {
        case .success(let change):
            let mark = change.sessions.first?.participant(aid)?.mark(on: when)
            Output.line(TerminalSafe.text("\(aid) \(store.data.artisans[aid]?.name ?? "") \(mark.map { L10n.value($0.mark, lang) } ?? "") \(now.time)"))
        case .failure(.command(let box)):
            Output.error(TerminalSafe.text(box.error.message(lang), keepNewlines: true))
            throw ExitCode(EX_DATAERR)
        case .failure(let other):
            throw other
        }
    }
}
