import Foundation
import KriyaCore
import KriyaPostgres
import KriyaStore

/// Import speed: a spreadsheet of `size` artisans (Kriya's own export of demo data, so every
/// row is good) read, checked and saved as one durable step into an empty store.
enum ImportBench {
    static func writeSheet(_ data: Dataset, to path: String) throws {
        let table = ExportTables.artisans(data.artisans.items.sorted { $0.id < $1.id }, lang: .id, includeSensitive: false)
        try Data(SpreadsheetFile.csv(headings: table.headings, rows: table.rows, delimiter: ";")).write(to: URL(fileURLWithPath: path))
    }

    /// In the child: one import, printing its phases. `dir` may be a database address: its
    /// records are removed first.
    static func measure(sheet: String, into dir: String) throws {
        if let address = try DatabaseAddress(dir) {
            try PostgresStore(address: address).replaceAll(with: Dataset(), reason: "benchmark: import into an empty store")
        } else {
            try? FileManager.default.removeItem(atPath: dir)
        }
        var t = nowNanos()
        let start = t
        var source = try ArtisanImport(path: sheet)
        let read = millis(since: t)
        t = nowNanos()
        let store = try PostgresBench.open(dir, create: true)
        let now = SystemInfo.now()
        let plan = ImportPlan(rows: source.rows, against: store.data, onDuplicate: .skip,
                              context: CommandContext(user: "bench", today: now.today, time: now.time))
        source.rows = []
        let planned = millis(since: t)
        t = nowNanos()
        try store.save(plan, detail: "bench")
        let saved = millis(since: t)
        let total = millis(since: start)
        guard plan.bad.isEmpty, store.data.artisans.count == plan.adds.count else {
            print("import_error bad=\(plan.bad.count) saved=\(store.data.artisans.count)")
            return
        }
        print("import_read_ms \(fmt(read))")
        print("import_plan_ms \(fmt(planned))")
        print("import_save_ms \(fmt(saved))")
        print("import_total_ms \(fmt(total))")
        print("import_rows \(plan.adds.count)")
        print("import_rss_mb \(fmt(peakRSSMegabytes()))")
    }
}
