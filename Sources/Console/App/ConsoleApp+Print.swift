import Foundation
import KriyaCore
import KriyaStore
import KriyaViews

extension ConsoleApp {
    /// Ctrl-P: a document written as `kriya print …` (or `kriya report --format html`) writes
    /// it, into the folder the console was started from; the status line says where.
    func printDocument(_ job: PrintJob) -> Effect? {
        let (lang, data, today) = (state.shared.lang, store.data, state.shared.today)
        switch job {
        case .attendance(let session, let day):
            guard let s = data.sessions[session], let n = s.days.firstIndex(of: day) else { return nil }
            // Once the day's door is shut (past, or closed with F6) the sheet is the recap: each
            // mark and time, written beside the blank sheet, never over it.
            let filled = s.door(on: day, today: today).onlyByCorrection
            let html = AttendanceSheet.html(s, day: day, data: data, settings: documents, lang: lang, filled: filled)
            return write(html, named: PrintFileName.attendanceSheet(s.id, day: n + 1, recap: filled, lang))
        case .participants(let session):
            guard let s = data.sessions[session] else { return nil }
            return write(PeopleLists.participants(s, data: data, settings: documents, lang: lang, today: today),
                         named: PrintFileName.participants(s.id, lang))
        case .cards(let session):
            guard let s = data.sessions[session] else { return nil }
            let people = AttendanceSheet.participants(s, data: data).map(\.1)
            return write(ParticipantCards.html(people, event: s.title, settings: documents, lang: lang),
                         named: PrintFileName.cards(s.id, lang))
        case .certificates(let session):
            guard let s = data.sessions[session] else { return nil }
            guard !Certificates.holders(s, data: data).isEmpty else { return state.deliver(.failed(L10n.text(.dNoCertificates, lang, s.id))) }
            return write(Certificates.html(s, data: data, settings: documents, lang: lang),
                         named: PrintFileName.certificates(s.id, lang))
        case .delegation(let exhibition):
            guard let e = data.exhibitions[exhibition] else { return nil }
            return write(PeopleLists.delegation(e, data: data, settings: documents, lang: lang, today: today),
                         named: PrintFileName.delegation(e.id, lang))
        case .report(let name):
            let report = Report.make(name, data: data, today: today, lang: lang)
            return write(ReportDocument.html(report, lang: lang), named: PrintFileName.report(name.rawValue, lang))
        }
    }

    /// Into the folder the console started from; the screen that asked is told where.
    private func write(_ html: String, named name: String) -> Effect? {
        let path = (printFolder ?? FileManager.default.currentDirectoryPath) + "/" + name
        do {
            try PrivateFile.write(Array(html.utf8), to: path)
            return state.deliver(.written(path))
        } catch {
            return state.deliver(.failed(L10n.text(.cStoreOpenFailed, state.shared.lang, path, "\(error)")))
        }
    }
}
