#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import KriyaCore
import KriyaPostgres
import KriyaStore
import KriyaText
import KriyaViews

/// `kriya access`: who has which role in the data folder, and why; `kriya access set` gives one.
struct AccessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access",
        abstract: "Who may do what in the data folder: viewer, clerk, editor, admin (and why).",
        discussion: """
            Roles come from access.toml in the data folder ([users] and [groups]); without one, everyone in the \
            folder's group is an editor and the folder's owner the admin. The role is that of the real Unix user. \
            A change above your role is refused with exit status 77.
            """,
        subcommands: [AccessListCommand.self, AccessSetCommand.self],
        defaultSubcommand: AccessListCommand.self
    )
}

struct AccessListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List who has which role, and why.")
    @Flag(help: "List the commands instead, with the role each needs.") var commands = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        if commands {
            var table = Table([.init("kriya", minWidth: 12), .init(L10n.text(.fRole, lang), minWidth: 6)])
            for (path, role) in CommandRoles.table.sorted(by: { ($0.value, $0.key) < ($1.value, $1.key) }) where !path.hasPrefix("_") {
                table.add([path, L10n.value(role, lang)])
            }
            return Output.lines(table.render(width: Output.width()))
        }
        if global.isDatabase {
            // Roles there are the database's own (GRANT kriya_editor TO …), not access.toml.
            guard let store = try global.openRecords(create: false) as? PostgresStore else { return }
            return Output.line(TerminalSafe.text(CLIText.text(.cDatabaseRoles, lang, store.login, L10n.value(store.access.role, lang))))
        }
        let store = try global.openStore(create: false)
        var table = Table([.init(L10n.text(.fName, lang), minWidth: 10), .init(L10n.text(.fRole, lang), minWidth: 6), .init("", minWidth: 10)])
        for row in store.roles() { table.add([row.who, row.why == .nobodyElse ? "-" : row.role.rawValue, Self.why(row.why, lang)]) }
        Output.lines(table.render(width: Output.width()))
        Output.line("")
        Output.line(TerminalSafe.text("\(store.identity.name): \(L10n.value(store.access.role, lang))"))
    }

    static func why(_ source: Store.RoleSource, _ lang: Lang) -> String {
        let members = { (names: [String]) in names.isEmpty ? "" : " (" + names.joined(separator: ", ") + ")" }
        switch source {
        case .owner: return CLIText.text(.acOwner, lang)
        case .userEntry: return CLIText.text(.acUserEntry, lang)
        case .groupEntry(let names): return CLIText.text(.acGroupEntry, lang) + members(names)
        case .folderGroup(let names): return CLIText.text(.acFolderGroup, lang) + members(names)
        case .unusable(let problem): return CLIText.text(.acUnusable, lang, problem)
        case .anyoneElse: return CLIText.text(.acAnyoneElse, lang)
        case .nobodyElse: return CLIText.text(.acNobodyElse, lang)
        }
    }
}

struct AccessSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "Give a user (or @group) a role: viewer, clerk, editor, admin, or none to take it away.",
        discussion: "Only the folder's owner (or root) sets roles. Example: kriya access set budi clerk; kriya access set @kriya-door clerk"
    )
    @Argument(help: "A Unix user, or @group.") var who: String
    @Argument(help: "viewer, clerk, editor, admin or none.") var role: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        let chosen = StaffRole(rawValue: role.lowercased())
        guard chosen != nil || role.lowercased() == "none" else {
            Output.error(L10n.problem(.invalidChoice(role, allowed: StaffRole.allCases.map(\.rawValue) + ["none"]), lang))
            throw ExitCode(EX_DATAERR)
        }
        if global.isDatabase {
            let store = try global.openRecords(create: false)
            Output.error(TerminalSafe.text(CLIText.text(.cDatabaseRoles, lang, (store as? PostgresStore)?.login ?? store.user, L10n.value(store.access.role, lang))))
            throw ExitCode(EX_USAGE)
        }
        // The installed folder, still empty as install.sh made it, takes its first roles.
        let store = try global.openStore(create: InstalledFolder.isSite(global.dataDirectory))
        try store.setAccess(who, role: chosen)
        Output.line(TerminalSafe.text("\(who): \(chosen?.rawValue ?? "none")"))
    }
}
