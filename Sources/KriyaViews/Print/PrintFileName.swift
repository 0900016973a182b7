import KriyaCore

/// The file each printed document is written to, in the user's language: one table for the
/// console and the command line (issue 32: each built the names itself, per language).
public enum PrintFileName {
    /// The daftar hadir of meeting day `day` (1 is the first); `recap`: the filled one of a day
    /// whose door is shut, written beside the blank sheet, never over it.
    public static func attendanceSheet(_ session: EntityID, day: Int, recap: Bool, _ lang: Lang) -> String {
        lang == .id ? "daftar-hadir-\(session)-hari-\(day)\(recap ? "-rekap" : "").html"
            : "attendance-sheet-\(session)-day-\(day)\(recap ? "-recap" : "").html"
    }

    public static func participants(_ session: EntityID, _ lang: Lang) -> String {
        (lang == .id ? "daftar-peserta-" : "participants-") + "\(session).html"
    }

    /// Cards for a session's participants, or (nil) for artisans named one by one.
    public static func cards(_ session: EntityID?, _ lang: Lang) -> String {
        (lang == .id ? "kartu-peserta" : "participant-cards") + (session.map { "-\($0)" } ?? "") + ".html"
    }

    /// A session's certificates, or one artisan's (`only`).
    public static func certificates(_ session: EntityID, only: EntityID? = nil, _ lang: Lang) -> String {
        (lang == .id ? "sertifikat-" : "certificates-") + "\(session)" + (only.map { "-\($0)" } ?? "") + ".html"
    }

    public static func delegation(_ exhibition: EntityID, _ lang: Lang) -> String {
        (lang == .id ? "kontingen-" : "delegation-") + "\(exhibition).html"
    }

    public static func report(_ name: String, _ lang: Lang) -> String {
        (lang == .id ? "laporan-" : "report-") + name + ".html"
    }
}
