import KriyaCore
import KriyaStore
import KriyaText

/// What `kriya` alone prints: where the data is, how much there is, what is coming up.
struct OverviewPrinter {
    let store: any RecordStore
    let lang: Lang
    let demo: Bool

    func print() {
        let data = store.data
        var out = ["Kriya — Dekranasda Kota Malang", CLIText.text(.cDataDirectory, lang, TerminalSafe.text(store.location))]
        if data.isEmpty {
            out.append(CLIText.text(.cNoStore, lang, TerminalSafe.text(store.location)))
            Output.lines(out)
            return
        }
        out.append(CLIText.text(.cCounts, lang, data.artisans.count, data.sessions.count, data.exhibitions.count))
        Output.lines(out + [""])
        let today = SystemInfo.now().today
        AgendaPrinter(data: data, lang: lang, from: today, to: today.adding(days: 60), width: Output.width()).print()
        let prefix = demo ? "kriya --demo" : "kriya"
        Output.lines(["", "\(prefix) find batik   ·   \(prefix) show A-000001   ·   \(prefix) agenda --days 90   ·   \(prefix) --help"])
    }
}
