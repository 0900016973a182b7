#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import KriyaCore
import KriyaStore
import KriyaText

/// `kriya`: the command line of the Dekranasda Kota Malang crafts console.
public struct Kriya: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "kriya",
        abstract: "Artisans, Bimtek sessions and exhibitions of Dekranasda Kota Malang.",
        discussion: """
            Without a command, kriya opens the full-screen console on a terminal (kriya --demo: on demo \
            data). Data lives in a folder of plain text files (see docs/store.md), or in a PostgreSQL database \
            shared by several offices (--data postgres://user@host/db, see docs/postgres.md). Options --data, --lang, \
            --demo and --theme may come before or after the command. Text from the data is always shown \
            escaped when it holds control characters.
            """,
        subcommands: [FindCommand.self, ShowCommand.self, AgendaCommand.self, AddCommand.self, ImportCommand.self, ExportCommand.self, ReportCommand.self, HistoryCommand.self, AttendanceCommand.self, CheckInCommand.self, MergeCommand.self, DoorCommand.self, TodayCommand.self, InviteCommand.self, DeleteCommand.self, PrintCommand.self, BoardCommand.self, PartnersCommand.self, AccessCommand.self, DoctorCommand.self,
                      DemoCommand.self, CheckCommand.self, RepairCommand.self, BackupCommand.self, CompactCommand.self,
                      WriterCommand.self, ManualCommand.self, MigrateCommand.self, CopyCommand.self, InitCommand.self]
    )

    @OptionGroup public var global: GlobalOptions

    public init() {}

    /// Opens the full-screen console; set by the executable, which links the terminal layer.
    nonisolated(unsafe) public static var openConsole: ((GlobalOptions, any RecordStore) throws -> Void)?

    /// Without a command: the console on a terminal, else an overview of the store.
    public func run() throws {
        let console = Kriya.openConsole != nil && isatty(STDIN_FILENO) != 0 && isatty(STDOUT_FILENO) != 0
        // The console reads a large registry while it shows the first page (`finishLoading`).
        let store = try global.openRecords(create: global.demo, lookup: console ? .search : nil)
        if console, let openConsole = Kriya.openConsole {
            try openConsole(global, store)
            return
        }
        OverviewPrinter(store: store, lang: global.language, demo: global.demo).print()
    }

    /// Every command's path (`["add", "artisan"]`), read from the commands themselves (issue 32:
    /// a hand-kept list missed `history`, `print` and `attendance`).
    static func commandPaths(of command: ParsableCommand.Type = Kriya.self, under prefix: [String] = []) -> [[String]] {
        command.configuration.subcommands.flatMap { sub -> [[String]] in
            let path = prefix + [sub._commandName]
            return [path] + commandPaths(of: sub, under: path)
        }
    }

    /// Entry point: reorders leading global options, then runs the command.
    public static func main(arguments: [String]) {
        let args = GlobalArguments.reorder(arguments, commandPaths: commandPaths())
        do {
            var command = try parseAsRoot(args)
            try command.run()
        } catch let error as StoreError {
            // Said in the user's language; the status tells a script what kind of trouble:
            // 77 refused for want of a role, 65 refused by a rule, 74 the disk or the database.
            Output.error(TerminalSafe.text(error.message(GlobalOptions.language(in: arguments))))
            switch error {
            case .forbidden, .forbiddenByDatabase, .refusedByDatabase, .rolesByOwnerOnly, .notListed: Glibc.exit(EX_NOPERM)
            case .command: Glibc.exit(EX_DATAERR)
            case .io, .shortWrite, .database, .readOnly: Glibc.exit(EX_IOERR)
            default: Glibc.exit(1)
            }
        } catch {
            exit(withError: error)
        }
    }
}
