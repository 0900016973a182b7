import ArgumentParser
import KriyaCore
import KriyaPostgres
import KriyaStore

/// A hidden helper for the crash and concurrency tests: adds artisans in a loop and prints
/// `ok ID N` only after each save is acknowledged, so a test that kills it knows exactly
/// which saves must survive.
struct WriterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "_writer",
        abstract: "Test helper: add artisans in a loop, printing each acknowledged id.",
        shouldDisplay: false
    )

    @Option var count = 100
    @Option(help: "Distinguishes writers (0–99), so phones stay distinct.") var tag = 0
    @Option(help: "Compact when the journal passes this many bytes.") var compactBytes: Int?
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let store: any RecordStore
        if let address = try DatabaseAddress(global.dataDirectory) {
            store = try PostgresStore(address: address)
        } else {
            let files = try Store(path: global.dataDirectory)
            if let compactBytes { files.compactThreshold = compactBytes }
            store = files
        }
        let kelurahan = Wilayah.kelurahan
        for n in 0..<count {
            var a = Artisan(id: EntityID(.artisan, 1), name: "Writer \(tag) \(n)",
                            phone: "0812\(pad(tag % 100, 2))\(pad(n % 1_000_000, 6))",
                            kelurahan: kelurahan[n % kelurahan.count].code, business: "Usaha \(tag)-\(n)",
                            category: CraftCategory.allCases[n % CraftCategory.allCases.count])
            a.notes = "writer \(tag) item \(n)"
            let change = try store.apply(.addArtisan(a))
            Output.line("ok \(change.targets[0]) \(n)")
        }
    }

    private func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
