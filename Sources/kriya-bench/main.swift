import Foundation
import KriyaCore
import KriyaStore
import Console
import TextUI

// Benchmarks of DESIGN.md §6 for the store and search (issue 2 targets at 100k artisans:
// open ≤ 400 ms, search p95 ≤ 15 ms, save ≤ 10 ms and ≤ 1.5× the 1k figure, RSS ≤ 200 MB).
//
//   swift build -c release --product kriya-bench && .build/release/kriya-bench
//   .build/release/kriya-bench --sizes 1000,10000,100000 --runs 5
//
// Each measurement runs in a fresh child process (`--measure DIR`), so open times include
// nothing cached in this process and peak RSS is that of one user's process.

let args = CommandLine.arguments
func option(_ name: String) -> String? {
    args.firstIndex(of: name).flatMap { $0 + 1 < args.count ? args[$0 + 1] : nil }
}

func nowNanos() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
func millis(since start: UInt64) -> Double { Double(nowNanos() - start) / 1e6 }
func fmt(_ x: Double) -> String { String(format: "%.2f", x) }

func percentile(_ values: [Double], _ p: Double) -> Double {
    guard !values.isEmpty else { return .nan }
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
}

/// The peak resident memory so far (`VmHWM`), or with `now`, what is resident now (`VmRSS`).
func peakRSSMegabytes(now: Bool = false) -> Double {
    let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
    for line in status.split(separator: "\n") where line.hasPrefix(now ? "VmRSS:" : "VmHWM:") {
        let kb = Double(line.split(separator: " ").dropFirst().first ?? "0") ?? 0
        return kb / 1024
    }
    return .nan
}

/// Queries people type: name starts, fragments, place names, phone digits, two words.
func queries(_ artisans: [Artisan], count: Int) -> [String] {
    var rng = SplitMix64(seed: 11)
    var out: [String] = ["batik", "keramik dinoyo", "siti", "rotan", "topeng", "0812", "tasikmadu", "tempe sanan", "a", "sri wah"]
    while out.count < count {
        let a = artisans[Int.random(in: 0..<artisans.count, using: &rng)]
        switch out.count % 4 {
        case 0: out.append(String(a.name.prefix(Int.random(in: 2...5, using: &rng))))
        case 1: out.append(String(a.business.split(separator: " ").last ?? "x"))
        case 2: out.append(String(a.phone.suffix(6)))
        default: out.append("\(a.name.split(separator: " ")[0]) \(String(a.business.split(separator: " ")[0]).prefix(3))")
        }
    }
    return out
}

/// What the console shows first on a registry with an index (issue 18): the store opened for
/// a lookup, the first page by name, drawn; then searches typed a key at a time on that
/// loading screen (nothing else running: in the console the full read shares the cores). On
/// the master folder, read only: a copy's snapshot has another inode, so its index does not
/// apply to it.
func measureFirstPage(_ dir: String) throws {
    let t = nowNanos()
    let quick = try Store(path: dir, create: false, lookup: .search)
    guard let lookup = quick.lookupWhileLoading() else { print("first_page_deferred 0"); return }
    var screen = LoadingScreen { lookup.first($0, limit: $1) }
    screen.refresh()
    _ = screen.render(total: quick.artisanCount, seconds: 0, lang: .en, user: "bench", dataPath: dir, width: 120, height: 40)
    print("first_page_ms \(fmt(millis(since: t)))")
    print("first_page_rss_mb \(fmt(peakRSSMegabytes(now: true)))")
    print("first_page_deferred 1")
    var keys: [Double] = []
    for query in ["sri wah", "keramik dinoyo", "budi s", "0812-00", "tempe sanan", "rotan", "dewi l"] {
        for n in 1...query.count {
            let k = nowNanos()
            _ = lookup.first(String(query.prefix(n)), limit: 200)
            keys.append(millis(since: k))
        }
    }
    // A child reports one value per figure: this run's percentiles of its keys.
    print("loading_key_p50_ms \(fmt(percentile(keys, 0.5)))")
    print("loading_key_p95_ms \(fmt(percentile(keys, 0.95)))")
}

/// One measurement, in this (child) process.
func measure(_ dir: String) throws {
    var t = nowNanos()
    let store = try Store(path: dir, create: false)
    let open = millis(since: t)
    let rssOpen = peakRSSMegabytes()
    t = nowNanos()
    let index = SearchIndex(store.data.artisans.items)
    let indexTime = millis(since: t)
    let rssIndex = peakRSSMegabytes()
    var searchTimes: [Double] = []
    var narrowTimes: [Double] = []
    for q in queries(store.data.artisans.items, count: 300) {
        t = nowNanos()
        let hits = index.search(q)
        searchTimes.append(millis(since: t))
        // One more letter typed: narrow the previous result (what the console will do).
        t = nowNanos()
        _ = index.search(q + "a", within: hits)
        narrowTimes.append(millis(since: t))
    }
    var saveTimes: [Double] = []
    let ctx = CommandContext(user: "bench", today: SystemInfo.now().today, time: SystemInfo.now().time)
    for n in 0..<60 {
        let a = Artisan(id: EntityID(.artisan, 1), name: "Bench \(n)", phone: "0899\(String(format: "%08d", n))",
                        kelurahan: Wilayah.kelurahan[n % 57].code, business: "Usaha Bench \(n)", category: .batik)
        t = nowNanos()
        try store.apply(.addArtisan(a), context: ctx)
        saveTimes.append(millis(since: t))
    }
    let rssSaves = peakRSSMegabytes()
    // The console: first complete screen (open is above), then a search typed letter by letter.
    t = nowNanos()
    var console = ConsoleState(data: store.data, lang: .en, today: SystemInfo.now().today, dataPath: dir, user: "bench")
    console.resize(width: 120, height: 40)
    _ = console.render(width: 120, height: 40)
    let firstScreen = open + millis(since: t)
    print("console_rss_mb \(fmt(peakRSSMegabytes(now: true)))")
    var keyTimes: [Double] = []
    for word in ["siti", "keramik", "0812", "rotan", "dinoyo"] {
        _ = console.update(.char("/"))
        for c in word {
            t = nowNanos()
            _ = console.update(.char(c))
            _ = console.render(width: 120, height: 40)
            keyTimes.append(millis(since: t))
        }
        _ = console.update(.escape)
    }
    var moveTimes: [Double] = []
    for _ in 0..<50 {
        t = nowNanos()
        _ = console.update(.down)
        _ = console.render(width: 120, height: 40)
        moveTimes.append(millis(since: t))
    }
    print("checkin_key_ms " + CheckInBench.measure(console).map(fmt).joined(separator: ","))
    print("console_first_screen_ms \(fmt(firstScreen))")
    print("console_key_ms " + keyTimes.map(fmt).joined(separator: ","))
    print("console_move_ms " + moveTimes.map(fmt).joined(separator: ","))

    t = nowNanos()
    try store.compact()
    let compaction = millis(since: t)
    print("open_ms \(fmt(open))")
    print("index_ms \(fmt(indexTime))")
    print("search_ms " + searchTimes.map(fmt).joined(separator: ","))
    print("narrow_ms " + narrowTimes.map(fmt).joined(separator: ","))
    print("save_ms " + saveTimes.map(fmt).joined(separator: ","))
    print("compact_ms \(fmt(compaction))")
    print("rss_mb \(fmt(peakRSSMegabytes()))")
    print("rss_open_mb \(fmt(rssOpen))")
    print("rss_index_mb \(fmt(rssIndex))")
    print("rss_before_compaction_mb \(fmt(rssSaves))")
}

func copyStore(_ from: String, _ to: String) throws {
    try? FileManager.default.removeItem(atPath: to)
    try FileManager.default.copyItem(atPath: from, toPath: to)
}

func runChild(_ dir: String) throws -> [String: [Double]] {
    try runChild(arguments: ["--measure", dir])
}

func runChild(arguments: [String]) throws -> [String: [Double]] {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    p.arguments = arguments
    let pipe = Pipe()
    p.standardOutput = pipe
    try p.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    var out: [String: [Double]] = [:]
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
        let parts = line.split(separator: " ")
        guard parts.count == 2 else { continue }
        out[String(parts[0])] = parts[1].split(separator: ",").compactMap { Double($0) }
    }
    return out
}

if let dir = option("--open-only") {
    // For profiling the open path alone: `perf record .build/release/kriya-bench --open-only DIR`.
    let t = nowNanos()
    let store = try Store(path: dir, create: false)
    print("open_ms \(fmt(millis(since: t))) \(store.data.artisans.count) rss_mb \(fmt(peakRSSMegabytes(now: true)))")
    if args.contains("--sizes-of-parts") {
        // Where the memory goes: the record's inline size, the index beside the records.
        print("artisan_stride_bytes \(MemoryLayout<Artisan>.stride) session_stride_bytes \(MemoryLayout<BimtekSession>.stride) participant_stride_bytes \(MemoryLayout<SessionParticipant>.stride) attendance_stride_bytes \(MemoryLayout<Attendance>.stride)")
        let index = SearchIndex(store.data.artisans.items)
        print("with_search_index_mb \(fmt(peakRSSMegabytes(now: true))) (\(index.count))")
        // Where an artisan's heap goes, field by field: a string longer than 15 UTF-8 bytes
        // and every list is its own allocation (32-byte header, 16-byte malloc granules).
        func heap(_ s: String?) -> Int { guard let s, s.utf8.count > 15 else { return 0 }; return (32 + s.utf8.count + 1 + 8 + 15) / 16 * 16 }
        func heap<T>(_ a: [T]) -> Int { a.isEmpty ? 0 : (32 + a.count * MemoryLayout<T>.stride + 8 + 15) / 16 * 16 }
        var fields: [String: Int] = [:]
        for a in store.data.artisans.items {
            fields["name", default: 0] += heap(a.name)
            fields["details", default: 0] += a.packedByteCount == 0 ? 0 : (32 + a.packedByteCount + 8 + 15) / 16 * 16
        }
        let n = Double(max(1, store.data.artisans.count))
        print("heap_bytes_per_artisan " + fields.sorted { $0.value > $1.value }.map { "\($0.key)=\(fmt(Double($0.value) / n))" }.joined(separator: " "))
    }
    if args.contains("--saves") {
        // Five durable saves of a new artisan (the duplicate check reads every record).
        let ctx = CommandContext(user: "bench", today: SystemInfo.now().today, time: SystemInfo.now().time)
        var times: [Double] = []
        for n in 0..<(args.contains("--many") ? 100 : 5) {
            var a = Artisan(id: EntityID(.artisan, 1), name: "Bench \(n)", phone: "0898\(Int.random(in: 10_000_000...99_999_999))",
                            kelurahan: Wilayah.kelurahan[n % 57].code, business: "Usaha Bench \(n)", category: .batik)
            // Half with an NIB, as many registrations have: the check then reads every record's.
            if n % 2 == 1 { a.nib = String(Int.random(in: 1_000_000_000_000...9_999_999_999_999)) }
            let t = nowNanos()
            try store.apply(.addArtisan(a), context: ctx)
            times.append(millis(since: t))
        }
        print("save_ms " + times.map(fmt).joined(separator: ","))
    }
    exit(0)
}

if let sheet = option("--measure-import"), let dir = option("--into") {
    try ImportBench.measure(sheet: sheet, into: dir)
    exit(0)
}

if let location = option("--measure-store") {
    try PostgresBench.measure(location)
    exit(0)
}

if let dir = option("--measure-first-page") {
    try measureFirstPage(dir)
    exit(0)
}

if let dir = option("--measure") {
    try measure(dir)
    exit(0)
}

let sizes = (option("--sizes") ?? "1000,10000,100000").split(separator: ",").compactMap { Int($0) }
let runs = Int(option("--runs") ?? "5") ?? 5
let root = NSTemporaryDirectory() + "kriya-bench"
if let url = option("--postgres") {
    try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    try PostgresBench.run(url, sizes: option("--sizes") == nil ? [100_000] : sizes, runs: option("--runs") == nil ? 3 : runs, root: root)
    try? FileManager.default.removeItem(atPath: root)
    exit(0)
}
print("kriya-bench: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(runs) runs per size, medians unless noted")
var saveMedian: [Int: Double] = [:]
for size in sizes {
    let master = "\(root)/master-\(size)"
    try? FileManager.default.removeItem(atPath: master)
    var t = nowNanos()
    let data = DemoData.make(artisans: size, today: SystemInfo.now().today)
    let generate = millis(since: t)
    t = nowNanos()
    try Store(path: master).replaceAll(with: data, reason: "benchmark")
    let write = millis(since: t)
    let bytes = (try? FileManager.default.contentsOfDirectory(atPath: master))?.reduce(0) { sum, name in
        sum + ((try? FileManager.default.attributesOfItem(atPath: "\(master)/\(name)")[.size] as? Int) ?? 0)
    } ?? 0
    var figures: [String: [Double]] = [:]
    let sheet = "\(root)/sheet-\(size).csv"
    try ImportBench.writeSheet(data, to: sheet)
    let peers = PeerBench.coldFind(in: master, runs: max(3, runs))
    let sqlite = PeerBench.sqliteImport(sheet, runs: max(3, runs))
    for _ in 0..<runs {
        let work = "\(root)/run-\(size)"
        try copyStore(master, work)
        for (k, v) in try runChild(work) { figures[k, default: []].append(contentsOf: v) }
        for (k, v) in try runChild(arguments: ["--measure-first-page", master]) { figures[k, default: []].append(contentsOf: v) }
        for (k, v) in try runChild(arguments: ["--measure-import", sheet, "--into", "\(root)/import-\(size)"]) {
            figures[k, default: []].append(contentsOf: v)
        }
    }
    let med = { (k: String) in percentile(figures[k] ?? [], 0.5) }
    saveMedian[size] = med("save_ms")
    print("")
    print("== \(size) artisans, \(data.sessions.count) sessions, \(data.exhibitions.count) exhibitions, \(bytes / 1_000_000) MB on disk")
    print("generate demo data (in memory)    \(fmt(generate)) ms")
    print("write snapshot (atomic, fsync)    \(fmt(write)) ms")
    print("open store                        \(fmt(med("open_ms"))) ms   (min \(fmt(figures["open_ms"]?.min() ?? .nan)))")
    print("build search index                \(fmt(med("index_ms"))) ms")
    print("search, per query                 p50 \(fmt(med("search_ms"))) ms, p95 \(fmt(percentile(figures["search_ms"] ?? [], 0.95))) ms")
    print("search, one more letter (narrow)  p50 \(fmt(med("narrow_ms"))) ms, p95 \(fmt(percentile(figures["narrow_ms"] ?? [], 0.95))) ms")
    print("save one artisan durably          p50 \(fmt(med("save_ms"))) ms, p95 \(fmt(percentile(figures["save_ms"] ?? [], 0.95))) ms")
    print("compaction                        \(fmt(med("compact_ms"))) ms")
    print("console: first page (from index)  \(fmt(med("first_page_ms"))) ms (RSS then \(fmt(med("first_page_rss_mb"))) MB" +
          ((figures["first_page_deferred"]?.min() ?? 0) == 1 ? ")" : "; the index was NOT used)"))
    if figures["loading_key_p95_ms"] != nil {
        print("console: search key while loading  p50 \(fmt(med("loading_key_p50_ms"))) ms, p95 \(fmt(med("loading_key_p95_ms"))) ms " +
              "(medians of the runs; the full read not running meanwhile)")
    }
    print("console: first complete screen    \(fmt(med("console_first_screen_ms"))) ms (open + index + first render)")
    print("console: search key to new screen p50 \(fmt(med("console_key_ms"))) ms, p95 \(fmt(percentile(figures["console_key_ms"] ?? [], 0.95))) ms")
    print("console: selection move to screen p50 \(fmt(med("console_move_ms"))) ms, p95 \(fmt(percentile(figures["console_move_ms"] ?? [], 0.95))) ms")
    print("check-in: key to redrawn 80x24    p50 \(fmt(med("checkin_key_ms"))) ms, p95 \(fmt(percentile(figures["checkin_key_ms"] ?? [], 0.95))) ms")
    print("peak RSS (open+index+search+save) \(fmt(figures["rss_mb"]?.max() ?? .nan)) MB (max of runs)")
    print("console RSS after first screen    \(fmt(med("console_rss_mb"))) MB")
    if !peers.find.isEmpty {
        let f = percentile(peers.find, 0.5), g = percentile(peers.grep, 0.5)
        print("cold `kriya find sri wijaya`      \(fmt(f)) ms (runs \(peers.find.map(fmt).joined(separator: ", "))); " +
              "grep -ci wijaya \(fmt(g)) ms; ratio \(fmt(f / g))x")
    } else {
        print("cold `kriya find`                 not measured (build kriya beside kriya-bench: swift build -c release)")
    }
    print("demo --artisans \(size)             \(fmt(generate + write)) ms (generate + write)")
    let importMs = med("import_total_ms")
    print("import CSV into an empty store    \(fmt(importMs)) ms = \(Int(Double(size) / importMs * 1000)) rows/s " +
          "(read \(fmt(med("import_read_ms"))), plan \(fmt(med("import_plan_ms"))), save \(fmt(med("import_save_ms"))) ms; " +
          "peak RSS \(fmt(figures["import_rss_mb"]?.max() ?? .nan)) MB)")
    if !sqlite.isEmpty {
        let s = percentile(sqlite, 0.5)
        print("sqlite3 .import of the same sheet \(fmt(s)) ms = \(Int(Double(size) / s * 1000)) rows/s; kriya ÷ sqlite3 rows/s \(fmt(s / importMs))x")
    }
}
if let small = saveMedian[1000], let large = saveMedian[100_000] {
    print("")
    print("save at 100k / save at 1k: \(fmt(large / small))x")
}
try? FileManager.default.removeItem(atPath: root)
