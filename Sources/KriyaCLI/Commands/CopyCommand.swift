#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import KriyaCore
import KriyaPostgres
import KriyaStore
import KriyaText

/// `kriya copy --from A --to B`: everything one store holds into another, new one: a folder into
/// a PostgreSQL database when the offices move to one, or a database into a folder (a backup
/// that `grep` and `jq` read). Lossless: every record as stored, the ids used (a deleted one is
/// never handed out again there either) and the audit trail line for line; read back and
/// compared before it is reported done.
struct CopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy every record, the ids used and the audit trail into a new folder or an empty PostgreSQL database.",
        discussion: """
            Either side may be a folder or postgres://user@host/db. The target must hold nothing yet: a new folder, \
            or a database without Kriya records (its tables are set up when missing). The copy is read back and \
            compared with the source before it is reported. Example: kriya copy --from /srv/kriya --to postgres://kriya@db/kriya
            """
    )

    @Option(help: "The store to copy: a folder or a postgres:// address.") var from: String
    @Option(help: "Where to copy it: a new folder or an empty postgres:// database.") var to: String
    @OptionGroup var global: GlobalOptions

    func run() throws {
        var source = global
        source.data = from
        try Self.copy(try source.openRecords(create: false), to: to, global: global)
    }

    /// Copies `original` into the new store at `place`, reads it back and compares, and says so.
    static func copy(_ original: any RecordStore, to place: String, global: GlobalOptions) throws {
        let lang = global.language
        let (data, trail) = try original.snapshot()
        let target = try open(place, like: global)
        do {
            try target.restore(data, auditTrail: trail.lines)
        } catch .notEmpty(let location) {
            Output.error(TerminalSafe.text(StoreError.notEmpty(location: location).message(lang)))
            throw ExitCode(EX_CANTCREAT)
        }   // other refusals (a role, the disk, the database) as every command's: Kriya.main
        // Read back through a store opened afresh, as the next person to use it will.
        let back = try open(place, like: global)
        if let difference = try back.difference(from: data, auditTrail: trail.lines) {
            Output.error(CLIText.text(.cCopyDiffers, lang, TerminalSafe.text(back.location), difference))
            throw ExitCode.failure
        }
        Output.line(CLIText.text(.cCopied, lang, TerminalSafe.text(original.location), TerminalSafe.text(back.location),
                              data.artisans.count, data.sessions.count, data.exhibitions.count,
                              data.terms.count + data.members.count + data.partners.count, trail.lines.count))
        if trail.damaged > 0 { Output.error(CLIText.text(.cCopyDamagedAudit, lang, trail.damaged, TerminalSafe.text(original.location))) }
    }

    /// The target: a folder (made when missing) or a database (its tables set up when missing).
    static func open(_ place: String, like global: GlobalOptions) throws -> any RecordStore {
        var options = global
        options.data = place
        if options.isDatabase {
            let address = try options.databaseAddress()
            do { _ = try PostgresStore.migrate(address) } catch { throw options.refusal(error, at: address.text) }
        }
        return try options.openRecords(create: true)
    }
}
