import ArgumentParser
import KriyaCore
import KriyaStore

struct DemoCommand: ParsableCommand {
    static let defaultCount = 300
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Fill the data directory with a deterministic, made-up demo data set.",
        discussion: "Refuses a directory that already holds data unless --force is given; with --force the old data is backed up first."
    )

    @Option(help: "How many artisans (sessions and exhibitions follow in proportion).") var artisans = DemoCommand.defaultCount
    @Flag(help: "Replace data that is already there (after a backup).") var force = false
    @OptionGroup var global: GlobalOptions

    func validate() throws {
        guard (1...2_000_000).contains(artisans) else { throw ValidationError("--artisans takes a number from 1 to 2000000") }
    }

    func run() throws {
        let lang = global.language
        var options = global
        options.demo = false  // `--demo demo` must not fill the directory twice
        let store = try options.openStore(create: true)
        // Replacing the data is an admin's: asked before anything is written (a refused viewer
        // used to get a full backup written first).
        try store.authorize(CommandName.replaceAll.role!, CommandName.replaceAll.rawValue)
        if !store.data.isEmpty {
            guard force else {
                Output.error(CLIText.text(.cDemoRefused, lang, store.path, store.data.artisans.count))
                throw ExitCode.failure
            }
            let copy = try store.backup()
            Output.error(CLIText.text(.cBackupBeforeDemo, lang, copy))
        }
        let now = SystemInfo.now()
        let data = DemoData.make(artisans: artisans, today: now.today, user: store.user)
        try store.replaceAll(with: data, reason: "kriya demo --artisans \(artisans)")
        Output.line(CLIText.text(.cDemoWritten, lang, store.path, data.artisans.count, data.sessions.count, data.exhibitions.count))
    }
}
