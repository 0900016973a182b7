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
        let name = lang == .id ? "daftar-hadir-\(s.id)-hari-\(n + 1).html" : "attendance-sheet-\(s.id)-day-\(n + 1).html"
        let path = (printFolder ?? FileManager.default.currentDirectoryPath) + "/" + name
        do {
            try PrivateFile.write(Array(html.utf8), to: path)
            return state.deliver(.written(path))
        } catch {
            return state.deliver(.failed(L10n.text(.cStoreOpenFailed, lang, path, "\(error)")))
        }
    }
}
