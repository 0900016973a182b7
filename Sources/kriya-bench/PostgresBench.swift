import Foundation
import Console
import KriyaCore
import KriyaPostgres
import KriyaStore

/// Issue 19: the same registry on PostgreSQL beside flat files, measured the same way in the
/// same run: `kriya-bench --postgres postgres://user@host/db [--sizes 100000] [--runs 3]`.
/// The database is set up if needed and its records REPLACED (give it a scratch database).
/// Each measurement runs in a fresh child process, as for the files.
enum PostgresBench {
    static func open(_ location: String, create: Bool = false) throws -> any RecordStore {
        if let address = try DatabaseAddress(location) { return try PostgresStore(address: address) }
        return try Store(path: location, create: create)
    }

    /// In the child: open, first screen, search, saves, and how soon a second desk sees a save.
    static func measure(_ location: String) throws {
        var t = nowNanos()
        let store = try open(location)
        let opened = millis(since: t)
        let other = try open(location)
        t = nowNanos()
        var console = ConsoleState(data: store.data, lang: .en, today: SystemInfo.now().today, dataPath: location, user: "bench")
        console.resize(width: 120, height: 40)
        _ = console.render(width: 120, height: 40)
        print("console_first_screen_ms \(fmt(opened + millis(since: t)))")
        print("open_ms \(fmt(opened))")
        print("console_rss_mb \(fmt(peakRSSMegabytes(now: true)))")
        let index = SearchIndex(store.data.artisans.items)
        var searches: [Double] = []
        for q in queries(store.data.artisans.items, count: 200) {
            t = nowNanos()
            _ = index.search(q)
            searches.append(millis(since: t))
        }
        print("search_ms " + searches.map(fmt).joined(separator: ","))
        let ctx = CommandContext(user: "bench", today: SystemInfo.now().today, time: SystemInfo.now().time)
        var saves: [Double] = [], seen: [Double] = []
        for n in 0..<40 {
            let a = Artisan(id: EntityID(.artisan, 1), name: "Bench \(n)", phone: "0897\(Int.random(in: 10_000_000...99_999_999))",
                            kelurahan: Wilayah.kelurahan[n % 57].code, business: "Usaha Bench \(n)", category: .batik)
            t = nowNanos()
            let id = try store.apply(.addArtisan(a), context: ctx).targets[0]
            saves.append(millis(since: t))
            // The other desk looks as often as it can (the console looks twice a second).
            t = nowNanos()
            while other.data.artisans[id] == nil {
                _ = try other.refresh()
                if millis(since: t) > 5_000 { break }
            }
            seen.append(millis(since: t))
        }
        print("save_ms " + saves.map(fmt).joined(separator: ","))
        print("seen_ms " + seen.map(fmt).joined(separator: ","))
    }

    /// In the parent: `sizes` artisans in a folder and in the database, measured `runs` times each.
    static func run(_ url: String, sizes: [Int], runs: Int, root: String) throws {
        guard let address = try DatabaseAddress(url) else { fatalError("--postgres takes a postgres:// address") }
        _ = try PostgresStore.migrate(address)
        print("kriya-bench --postgres: files and \(address.short), \(runs) runs per size, medians unless noted")
        for size in sizes {
            let data = DemoData.make(artisans: size, today: SystemInfo.now().today)
            let master = "\(root)/pg-master-\(size)"
            try? FileManager.default.removeItem(atPath: master)
            var t = nowNanos()
            try Store(path: master).replaceAll(with: data, reason: "benchmark")
            let writeFiles = millis(since: t)
            let sheet = "\(root)/pg-sheet-\(size).csv"
            try ImportBench.writeSheet(data, to: sheet)
            var files: [String: [Double]] = [:], database: [String: [Double]] = [:]
            var writeDatabase: [Double] = []
            for _ in 0..<runs {
                let work = "\(root)/pg-run-\(size)"
                try copyStore(master, work)
                for (k, v) in try runChild(arguments: ["--measure-store", work]) { files[k, default: []] += v }
                for (k, v) in try runChild(arguments: ["--measure-import", sheet, "--into", "\(root)/pg-import-\(size)"]) { files[k, default: []] += v }
                t = nowNanos()
                try PostgresStore(address: address).replaceAll(with: data, reason: "benchmark")
                writeDatabase.append(millis(since: t))
                for (k, v) in try runChild(arguments: ["--measure-store", url]) { database[k, default: []] += v }
                for (k, v) in try runChild(arguments: ["--measure-import", sheet, "--into", url]) { database[k, default: []] += v }
            }
            func row(_ label: String, _ key: String, p95: Bool = false) {
                func cell(_ f: [String: [Double]]) -> String {
                    let v = f[key] ?? []
                    return p95 ? "p50 \(fmt(percentile(v, 0.5))), p95 \(fmt(percentile(v, 0.95)))" : fmt(percentile(v, 0.5))
                }
                print(label.padding(toLength: 34, withPad: " ", startingAt: 0) + "files " + cell(files) + " ms | postgres " + cell(database) + " ms")
            }
            print("")
            print("== \(size) artisans, \(data.sessions.count) sessions, \(data.exhibitions.count) exhibitions")
            print("write everything (replace-all)     files \(fmt(writeFiles)) ms | postgres \(fmt(percentile(writeDatabase, 0.5))) ms")
            row("open (read everything)", "open_ms")
            row("console: first complete screen", "console_first_screen_ms")
            row("search, per query (in memory)", "search_ms", p95: true)
            row("save one artisan", "save_ms", p95: true)
            row("a second desk has it (polling)", "seen_ms", p95: true)
            row("import CSV (total)", "import_total_ms")
            let rows = { (f: [String: [Double]]) in Int(Double(size) / percentile(f["import_total_ms"] ?? [], 0.5) * 1000) }
            print("import rows/s                      files \(rows(files)) | postgres \(rows(database)) (save phase: files \(fmt(percentile(files["import_save_ms"] ?? [], 0.5))) ms, postgres \(fmt(percentile(database["import_save_ms"] ?? [], 0.5))) ms)")
            print("console RSS after first screen     files \(fmt(percentile(files["console_rss_mb"] ?? [], 0.5))) MB | postgres \(fmt(percentile(database["console_rss_mb"] ?? [], 0.5))) MB")
        }
    }
}
