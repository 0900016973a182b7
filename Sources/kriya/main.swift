#if canImport(Glibc)
import Glibc
#endif
import Console
import CursesTerminal
import KriyaCLI
import KriyaCore
import KriyaStore

// `kriya` alone on a terminal opens the console; everything else is the command line.
Kriya.openConsole = { global, store in
    let color = getenv("NO_COLOR") == nil
    let terminal: CursesTerminal
    do {
        terminal = try CursesTerminal(color: color)
    } catch {
        Output.error("kriya: \(error)")
        exit(1)
    }
    let app = ConsoleApp(store: store, device: terminal, lang: global.language, today: SystemInfo.now().today)
    app.run()
    terminal.stop()
}
Kriya.main(arguments: Array(CommandLine.arguments.dropFirst()))
