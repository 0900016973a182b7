import KriyaCLI

// No backtrace prompt on a crash: it would hold the terminal (DESIGN.md §3).
Kriya.main(arguments: Array(CommandLine.arguments.dropFirst()))
