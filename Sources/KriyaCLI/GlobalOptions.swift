#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import KriyaCore
import KriyaPostgres
import KriyaStore
import KriyaText

/// Options every command takes. They may also stand before the command's name
/// (`kriya --data COPY check`): `GlobalArguments.reorder` moves them after it.
public struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "The data directory, or a PostgreSQL database as postgres://user@host/db (default: $KRIYA_DATA, else data = in ~/.config/kriya/config.toml, else $XDG_DATA_HOME/kriya).")
    public var data: String?

    @Option(name: .long, help: "Interface language: id or en (default: from the locale).")
    public var lang: String?

    @Flag(name: .long, help: "Use the separate demo data directory, filling it with demo data on first use.")
    public var demo = false

    @Option(name: .long, help: "Console theme: default, light, high-contrast, monochrome, batik, a name in ~/.config/kriya/themes/, or a theme file (./mine.toml).")
    public var theme: String?

    public init() {}

    /// The language of printed documents: Indonesian, the office's, unless `--lang` (or the
    /// config) says otherwise; the locale of whoever prints does not decide it.
    public var documentLanguage: Lang {
        if let lang, let chosen = Lang(rawValue: lang.lowercased()) { return chosen }
        return Config.load().lang ?? .id
    }

    /// The interface language: `--lang`, else the config file, else the locale.
    public var language: Lang {
        if let lang, let chosen = Lang(rawValue: lang.lowercased()) { return chosen }
        return Self.language(in: [])
    }

    /// The language before the options are parsed (a refusal raised anywhere): `--lang` as
    /// typed, else the config and the locale.
    static func language(in arguments: [String]) -> Lang {
        for (i, a) in arguments.enumerated() {
            let value = a == "--lang" && i + 1 < arguments.count ? arguments[i + 1] : a.hasPrefix("--lang=") ? String(a.dropFirst(7)) : nil
            if let value, let lang = Lang(rawValue: value.lowercased()) { return lang }
        }
        if let fromConfig = Config.load().lang { return fromConfig }
        return Lang.fromEnvironment(["LC_ALL", "LC_MESSAGES", "LANG"].reduce(into: [:]) { $0[$1] = SystemInfo.environment($1) })
    }

    /// `--data`, else the demo folder with `--demo`, else `$KRIYA_DATA`, else `data` in the
    /// config file, else the installed folder (`InstalledFolder`), else `$XDG_DATA_HOME/kriya`.
    public var dataDirectory: String {
        if let data { return data }
        if demo { return GlobalOptions.demoDirectory }
        if let env = SystemInfo.environment("KRIYA_DATA"), !env.isEmpty { return env }
        if let configured = Self.configuredData { return configured }
        // On the office server: the folder install.sh set up.
        if let installed = InstalledFolder.sitePath { return installed }
        return SystemInfo.defaultDataDirectory()
    }

    /// Read once: the config file also reads the letterhead's logo.
    private static let configuredData = Config.load().data

    /// The office new ids carry: `$KRIYA_OFFICE`, else the config's `office`; 0 for none.
    static let office: Int = {
        if let code = SystemInfo.environment("KRIYA_OFFICE").flatMap(EntityID.office) { return code }
        return Config.load().office ?? 0
    }()

    /// Demo data lives apart from real data, so trying Kriya never touches the office's records.
    public static var demoDirectory: String {
        if let xdg = SystemInfo.environment("XDG_DATA_HOME"), !xdg.isEmpty { return xdg + "/kriya-demo" }
        return (SystemInfo.environment("HOME") ?? ".") + "/.local/share/kriya-demo"
    }

    public func validate() throws {
        if let lang, Lang(rawValue: lang.lowercased()) == nil {
            throw ValidationError("--lang takes id or en, not \"\(lang)\"")
        }
        // Commands that work on the files themselves refuse a database address (and never
        // make a folder named "postgres:").
        if isDatabase, let command = GlobalArguments.subcommand(in: CommandLine.arguments), Self.folderOnly.contains(command) {
            // Said in the user's language alone (a ValidationError adds English "Error:" and usage).
            Output.error(CLIText.text(.cDatabaseFolderOnly, language, TerminalSafe.text(dataDirectory), command))
            throw ExitCode(EX_USAGE)
        }
    }

    /// Commands about the files of a data folder: its checksums and generations (`check`,
    /// `compact`), or a folder to fill (`demo`).
    static let folderOnly: Set<String> = ["check", "compact", "demo", "repair"]

    /// `--data` (or `KRIYA_DATA`) names a PostgreSQL database rather than a folder.
    public var isDatabase: Bool { DatabaseAddress.isDatabase(dataDirectory) }

    /// Opens the store wherever the data lives: a folder (`openStore`) or, for a
    /// `postgres://` address, the database. Reports problems in the user's language.
    public func openRecords(create: Bool, lookup: Store.LookupScope? = nil) throws -> any RecordStore {
        guard isDatabase else { return try openStore(create: create, lookup: lookup) }
        let address = try databaseAddress()
        let store: PostgresStore
        do { store = try PostgresStore(address: address) } catch { throw refusal(error, at: address.text) }
        return try prepared(store, lookup: lookup)
    }

    /// The database address given, checked: one holding a password is refused (it would
    /// show in process lists and logs). Nil when the data is a folder.
    func databaseAddress() throws -> DatabaseAddress {
        do {
            if let address = try DatabaseAddress(dataDirectory) { return address }
        } catch DatabaseAddress.Problem.passwordInAddress {
            Output.error(CLIText.text(.cPasswordInAddress, language))
            throw ExitCode(EX_USAGE)
        }
        Output.error(CLIText.text(.cMigrateNeedsDatabase, language, TerminalSafe.text(dataDirectory)))
        throw ExitCode(EX_USAGE)
    }

    /// Opens the store, reporting problems in the user's language. With `--demo`, an empty
    /// demo directory is filled first. Commands that only read pass `create: false`, so a
    /// mistyped `--data` is reported instead of becoming a new, empty store.
    /// - Parameter lookup: only to look artisans up (`Store.findArtisans`); damaged lines are
    ///   then counted by the caller after the lookup (which may read everything).
    public func openStore(create: Bool, lookup: Store.LookupScope? = nil, repairing: Bool = false) throws -> Store {
        let path = dataDirectory
        let store: Store
        do {
            store = try Store(path: path, create: create || demo, lookup: demo ? nil : lookup, repairing: repairing)
        } catch {
            throw refusal(error, at: path)
        }
        return try prepared(store, lookup: lookup)
    }

    /// Why a store could not be opened, said in the user's language; the exit status to leave with.
    func refusal(_ error: Error, at location: String) -> ExitCode {
        let lang = language
        let place = TerminalSafe.text(location)
        if let e = error as? StoreError, case .notSetUp = e {
            Output.error(TerminalSafe.text(e.message(lang)))
            return ExitCode(EX_NOINPUT)
        }
        switch error as? StoreError {
        case .noData?:
            // Reading from a folder that holds no Kriya data: say so, create nothing.
            Output.error(CLIText.text(.cNoStore, lang, place))
            return ExitCode(EX_NOINPUT)
        case .newerFormat(let p, let found, let supported)?:
            Output.error(CLIText.text(.cStoreNewer, lang, TerminalSafe.text(p), found, supported))
            return ExitCode(EX_DATAERR)
        case .notListed?:
            Output.error(TerminalSafe.text((error as! StoreError).message(lang)))
            return ExitCode(EX_NOPERM)
        case .database(_, let reason)?:
            Output.error(L10n.text(.cStoreOpenFailed, lang, place, TerminalSafe.text(reason)))
            return ExitCode(EX_IOERR)
        default:
            Output.error(L10n.text(.cStoreOpenFailed, lang, place, TerminalSafe.text("\(error)")))
            return ExitCode(EX_IOERR)
        }
    }

    /// A store just opened: its warnings told, later ones told as they happen, damaged
    /// records counted; with `--demo`, filled with demo data when empty.
    func prepared<S: RecordStore>(_ store: S, lookup: Store.LookupScope?) throws -> S {
        let lang = language
        store.office = Self.office
        for warning in store.warnings { Output.error(TerminalSafe.text(warning.message(lang))) }
        // Trouble after a save (audit trail, compaction) is told as it happens.
        store.onWarning = { Output.error(TerminalSafe.text($0.message(lang))) }
        if !store.issues.isEmpty && lookup == nil { Output.error(L10n.text(.cLoadWarnings, lang, store.issues.count)) }
        if demo && store.data.isEmpty {
            let now = SystemInfo.now()
            let data = DemoData.make(artisans: DemoCommand.defaultCount, today: now.today, user: store.user)
            try store.replaceAll(with: data, reason: "demo data")
            Output.error(CLIText.text(.cDemoWritten, lang, TerminalSafe.text(store.location), data.artisans.count, data.sessions.count, data.exhibitions.count))
        }
        return store
    }
}

/// sysexits.h values the CLI uses.
let EX_DATAERR: Int32 = 65
let EX_NOINPUT: Int32 = 66
let EX_CANTCREAT: Int32 = 73
let EX_IOERR: Int32 = 74
/// Refused for want of a role (issue 17).
let EX_NOPERM: Int32 = 77

public enum GlobalArguments {
    static let withValue: Set<String> = ["--data", "--lang", "--theme"]
    static let flags: Set<String> = ["--demo"]

    /// The first word of `arguments` (after the program) that is neither an option nor an
    /// option's value: the subcommand, when there is one.
    static func subcommand(in arguments: [String]) -> String? {
        var i = 1
        while i < arguments.count {
            let a = arguments[i]
            if withValue.contains(a) { i += 2; continue }
            if a.hasPrefix("-") { i += 1; continue }
            return a
        }
        return nil
    }

    /// Moves global options written before the command's name to after it, so that
    /// `kriya --data X add artisan …` means `kriya add artisan … --data X`.
    public static func reorder(_ args: [String], commandPaths: [[String]]) -> [String] {
        var globals: [String] = []
        var i = 0
        while i < args.count {
            let a = args[i]
            if withValue.contains(a), i + 1 < args.count {
                globals += [a, args[i + 1]]
                i += 2
            } else if flags.contains(a) || withValue.contains(where: { a.hasPrefix($0 + "=") }) {
                globals.append(a)
                i += 1
            } else {
                break
            }
        }
        let rest = Array(args[i...])
        guard !globals.isEmpty, let path = commandPaths.filter({ rest.starts(with: $0) }).max(by: { $0.count < $1.count }) else {
            return args
        }
        var tail = Array(rest.dropFirst(path.count))
        // Keep anything after `--` as it is.
        let insertAt = tail.firstIndex(of: "--") ?? tail.count
        tail.insert(contentsOf: globals, at: insertAt)
        return path + tail
    }
}

extension GlobalOptions {
    /// The id typed on the command line (of `kind` when given), or the message and status 65.
    func id(_ text: String, of kind: EntityID.Kind? = nil) throws -> EntityID {
        guard let id = EntityID(text), kind == nil || id.kind == kind else {
            Output.error(CLIText.text(.cUnknownID, language, text))
            throw ExitCode(EX_DATAERR)
        }
        return id
    }

    /// The session or exhibition typed, as stored; otherwise the message and status 66.
    func session(_ text: String, in data: Dataset) throws -> BimtekSession {
        guard let s = data.sessions[try id(text, of: .session)] else { throw unknown(text) }
        return s
    }

    func exhibition(_ text: String, in data: Dataset) throws -> Exhibition {
        guard let e = data.exhibitions[try id(text, of: .exhibition)] else { throw unknown(text) }
        return e
    }

    private func unknown(_ text: String) -> ExitCode {
        Output.error(CLIText.text(.cUnknownID, language, TerminalSafe.text(text)))
        return ExitCode(EX_NOINPUT)
    }
}
