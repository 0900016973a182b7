import Foundation
import KriyaCore
import KriyaStore
import KriyaViews

extension ConsoleApp {
    /// Ctrl-P: the daftar hadir of the day, written as `kriya print attendance-sheet` writes it,
    /// into the folder the console was started from; the status line says where.
    func printAttendance(_ session: EntityID, _ day: CivilDate) -> Effect? {
        let lang = state.shared.lang
        guard let s = store.data.sessions[session], let n = s.days.firstIndex(of: day) else { return nil }
        let html = AttendanceSheet.html(s, day: day, data: store.data, settings: documents, lang: lang,
                                        filled: day < state.shared.today)
        return write(html, named: lang == .id ? "daftar-hadir-\(s.id)-hari-\(n + 1).html" : "attendance-sheet-\(s.id)-day-\(n + 1).html")
    }

    /// Ctrl-P on the reports: the report as `kriya report NAME --format html` writes it.
    func printReport(_ name: ReportName) -> Effect? {
        let lang = state.shared.lang
        let report = Report.make(name, data: store.data, today: state.shared.today, lang: lang)
        return write(ReportDocument.html(report, lang: lang), named: (lang == .id ? "laporan-" : "report-") + name.rawValue + ".html")
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
