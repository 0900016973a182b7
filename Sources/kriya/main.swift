#if canImport(Glibc)
import Glibc
#endif
import Console
import CursesTerminal
import KriyaCLI
import KriyaCore
import KriyaStore
import TextUI
import ThemeFiles

// Before anything of the user's is read: the installed data folder is opened through its gate
// and the program's group given up for good (docs/store.md, "The data reached only through Kriya").
InstalledFolder.claim()

// `kriya` alone on a terminal opens the console; everything else is the command line.
Kriya.openConsole = { global, store in
    let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
    let terminal: CursesTerminal
    do {
        terminal = try CursesTerminal(color: !noColor)
    } catch {
        Output.error("kriya: \(error)")
        exit(1)
    }
    let config = Config.load()
    let choice = ThemeCatalog.choose(global.theme ?? config.theme, userDirectory: Config.directory + "/themes",
                                     colors: terminal.colorCount, noColor: noColor)
    terminal.apply(choice.theme)
    // A store opened for a lookup (a large registry) shows its first page while it is read.
    let loaded: ConsoleApp.Loaded
    do {
        loaded = try ConsoleApp.finishLoading(store, device: terminal, lang: global.language)
    } catch {
        terminal.stop()
        Output.error(L10n.text(.cStoreOpenFailed, global.language, store.location, (error as? StoreError)?.message(global.language) ?? "\(error)"))
        exit(74)
    }
    guard case .ready(let typed) = loaded else {
        terminal.stop()
        return
    }
    // What was printed before the screen took over would be hidden by it: say it again here.
    let damaged = store.issues.isEmpty ? nil : L10n.text(.cLoadWarnings, global.language, store.issues.count)
    let notices = [damaged] + store.warnings.map { Optional($0.message(global.language)) } + [config.warning, choice.warning]
    let app = ConsoleApp(store: store, device: terminal, lang: global.language, today: SystemInfo.now().today,
                         message: notices.compactMap { $0 }.joined(separator: " · "),
                         certificatePattern: config.certificatePattern ?? .standard, scanBeep: config.scannerBeep ?? true,
                         documents: config.documents,
                         // As a login command (argv[0] "-kriya") there is no shell to come back to.
                         allowSuspend: !(CommandLine.arguments.first?.hasPrefix("-") ?? false) && (config.allowSuspend ?? true),
                         // Not when keys were typed while loading: they meant the lists.
                         openOnToday: typed.isEmpty && (config.todayScreen ?? true))
    app.run(keys: typed)
    terminal.stop()
}
Kriya.main(arguments: Array(CommandLine.arguments.dropFirst()))
