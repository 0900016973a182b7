import ArgumentParser
import Foundation
import KriyaCore
import KriyaStore
import KriyaText

/// `kriya door pack|sync|list`: a session's door taken to a venue with no connection, and
/// brought back (issue 33).
struct DoorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "door",
        abstract: "Take a session's door away from the office (pack) and bring what it did back (sync).",
        discussion: """
            Where the laptop reaches the office, the door needs none of this: it runs on the shared data. \
            At a venue without a connection: kriya door pack B-000003 --out /media/usb/pintu, then \
            kriya --data /media/usb/pintu on the laptop (check-ins, walk-ins, marks, closing the day, \
            printing), then at the office kriya door sync /media/usb/pintu. The rules that decide \
            conflicts are in docs/store.md, "The door away from the office".
            """,
        subcommands: [DoorPackCommand.self, DoorSyncCommand.self, DoorListCommand.self]
    )
}

struct DoorPackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Write a door folder for sessions: their people and the registry, to work with no connection."
    )

    @Argument(help: "The sessions, e.g. B-000003 (one door may serve several held together).") var sessions: [String]
    @Option(help: "The new folder to write (a USB stick, the laptop's disk).") var out: String
    @Flag(help: "Pack every artisan's whole record (NIK, address, notes…); otherwise the sessions' people in full and the rest of the registry slim.")
    var wholeRegistry = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        let store = try global.openRecords(create: false)
        var ids: [EntityID] = []
        for text in sessions {
            let id = try global.id(text, of: .session)
            guard store.data.sessions[id] != nil else {
                Output.error(CLIText.text(.cUnknownID, lang, TerminalSafe.text(text)))
                throw ExitCode(EX_NOINPUT)
            }
            ids.append(id)
        }
        let began = DispatchTime.now().uptimeNanoseconds
        switch Result(catching: { () throws(DoorPack.Failure) in try DoorPack.pack(ids, from: store, to: out, wholeRegistry: wholeRegistry) }) {
        case .success(let door):
            let ms = (DispatchTime.now().uptimeNanoseconds - began) / 1_000_000
            let people = door.base.reduce(0) { $0 + $1.participants.count }
            Output.line(TerminalSafe.text(CLIText.text(.dpPacked, lang, door.name, out, ids.map(\.description).joined(separator: ", "), people, ms)))
            Output.line(TerminalSafe.text(CLIText.text(.dpNext, lang, out)))
        case .failure(.folderNotEmpty(let folder)):
            Output.error(TerminalSafe.text(CLIText.text(.dpNotEmpty, lang, folder)))
            throw ExitCode(EX_CANTCREAT)
        case .failure(.store(.command(let box))):
            Output.error(TerminalSafe.text(box.error.message(lang), keepNewlines: true))
            throw ExitCode(EX_DATAERR)
        case .failure(.store(let error)):
            throw error
        }
    }
}

struct DoorSyncCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sync",
        abstract: "Bring a door folder's work back into the office's data: every mark and walk-in once, conflicts reported.",
        discussion: """
            One step on the office's data: a kill half-way leaves it as it was, and running it again (or twice) \
            changes nothing more. The report is printed and kept in the audit trail (kriya history B-…).
            """
    )

    @Argument(help: "The door folder.") var folder: String
    @Flag(help: "Show the report and save nothing.") var dryRun = false
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        let store = try global.openRecords(create: false)
        let began = DispatchTime.now().uptimeNanoseconds
        let result: (door: DoorFolder, notes: [DoorSyncNote], change: Change?, marks: Int)
        switch Result(catching: { () throws(StoreError) in try DoorPack.sync(folder, into: store, dryRun: dryRun) }) {
        case .success(let r): result = r
        case .failure(.command(let box)):
            Output.error(TerminalSafe.text(box.error.message(lang), keepNewlines: true))
            throw ExitCode(EX_DATAERR)
        case .failure(let other): throw other
        }
        let ms = (DispatchTime.now().uptimeNanoseconds - began) / 1_000_000
        let data = store.data
        // A dry run's walk-ins are not in the office's data: named from the change.
        let added = Dictionary((result.change?.artisans ?? []).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let name = { (id: EntityID) in added[id] ?? data.artisans[id]?.name ?? data.sessions[id]?.title ?? "" }
        guard let change = result.change else {
            Output.line(TerminalSafe.text(CLIText.text(.dsNothingNew, lang, result.door.name)))
            return
        }
        let conflicts = result.notes.filter(\.isConflict)
        let walkIns = result.notes.filter { if case .registered = $0 { true } else if case .sameAsOffice = $0 { true } else { false } }.count
        Output.line(TerminalSafe.text(CLIText.text(dryRun ? .dsWould : .dsDone, lang, result.door.name, change.sessions.count,
                                                   result.marks, walkIns, conflicts.count, ms)))
        for note in result.notes { Output.line("  " + TerminalSafe.text(note.message(lang, name: name))) }
    }
}

struct DoorListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "The doors packed from this office: which are out, which came back."
    )

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let lang = global.language
        let store = try global.openRecords(create: false)
        if let door = store.door {
            Output.line(TerminalSafe.text(CLIText.text(.dlThisIsADoor, lang, door.name, door.packedAt, door.office)))
            return
        }
        let rows = store.data.sessions.items.flatMap { s in s.doors.map { (s, $0) } }.sorted { $0.1.number < $1.1.number }
        if rows.isEmpty { Output.line(CLIText.text(.dlNone, lang)); return }
        for (s, d) in rows {
            let state = d.syncedAt.map { CLIText.text(.dlBack, lang, $0) } ?? CLIText.text(.dlOut, lang)
            Output.line(TerminalSafe.text("\(d.name)  \(s.id)  \(s.title)  \(d.packedAt) \(d.packedBy)  \(state)"))
        }
    }
}
