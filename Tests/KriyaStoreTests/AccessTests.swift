import Foundation
import Testing
@testable import KriyaCore
@testable import KriyaStore

/// Issue 17, roles: who may do what, decided from the real Unix user and `access.toml`.
@Suite struct AccessTests {
    let ratna = UnixIdentity(uid: 60_001, name: "ratna", groups: ["kriya"])
    let budi = UnixIdentity(uid: 60_002, name: "budi", groups: ["kriya", "kriya-door"])
    let tamu = UnixIdentity(uid: 60_003, name: "tamu", groups: ["kriya"])

    @Test func everyCommandTheJournalWritesNeedsARole() {
        // Every command with a label in the interface (each one the store writes) has a role.
        let names = StringsEN.values.keys.filter { $0.hasPrefix("Command.") }.map { String($0.dropFirst("Command.".count)) }
        #expect(names.count > 30)
        for name in names where name != "undo" { #expect(StaffRole.required(forCommandNamed: name) != nil, "\(name) has no role") }
        #expect(StaffRole.viewer < .clerk && .clerk < .editor && .editor < .admin)
        let reversal = Reversal(command: "check-in", entries: [])
        #expect(Command.undo(reversal).requiredRole == .clerk)
        #expect(Command.delete(EntityID(.artisan, 1), baseRev: 1).requiredRole == .admin)
        #expect(Command.checkIn(session: EntityID(.session, 1), artisan: EntityID(.artisan, 1), day: S.today,
                                time: ClockTime(hour: 8, minute: 0)!, enrol: false).requiredRole == .clerk)
    }

    @Test func theDecisionFollowsOwnerFileUserAndGroup() {
        let file = AccessFile.parse("[users]\nratna = \"admin\"\n[groups]\nkriya-door = \"clerk\"\nkriya = \"viewer\"\n")
        #expect(AccessDecision.decide(ratna, folderOwner: 0, file: nil) == AccessDecision(role: .editor, reason: .noFile))
        #expect(AccessDecision.decide(ratna, folderOwner: 60_001, file: file).reason == .owner)
        #expect(AccessDecision.decide(UnixIdentity(uid: 0, name: "root", groups: []), folderOwner: 5, file: file).role == .admin)
        #expect(AccessDecision.decide(ratna, folderOwner: 0, file: file) == AccessDecision(role: .admin, reason: .user))
        // The highest of one's groups.
        #expect(AccessDecision.decide(budi, folderOwner: 0, file: file) == AccessDecision(role: .clerk, reason: .group("kriya-door")))
        #expect(AccessDecision.decide(tamu, folderOwner: 0, file: file) == AccessDecision(role: .viewer, reason: .group("kriya")))
        #expect(AccessDecision.decide(tamu, folderOwner: 0, file: AccessFile.parse("[users]\nbudi = \"clerk\"\n")).reason == .notListed)
        // A file that does not read leaves everyone but the owner a viewer, saying why.
        guard case .failure(let bad) = AccessFile.parse("[users]\nbudi = \"boss\"\n") else { Issue.record("accepted"); return }
        #expect(bad.description.contains("boss") && bad.description.contains("viewer, clerk, editor or admin"))
        #expect(AccessDecision.decide(budi, folderOwner: 0, file: .failure(bad)).role == .viewer)
        guard case .failure = AccessFile.parse("[staff]\nbudi = \"clerk\"\n") else { Issue.record("accepted"); return }
        // Written back, it reads the same.
        var f = AccessFile()
        f.users["budi"] = .clerk
        f.groups["kriya door"] = .editor
        #expect(AccessFile.parse(f.text) == .success(f))
    }

    /// Roles in a folder (owned by root here, as `install.sh` makes it): a viewer is refused
    /// and nothing changes; a clerk checks in but cannot delete; an admin can; the audit says
    /// with which role each change was made.
    @Test func aViewerIsRefusedAClerkChecksInAnAdminDeletes() throws {
        let dir = TempDir("roles")
        let owner = try Store(path: dir.path)
        try owner.apply(.addArtisan(S.artisan(1)), context: S.ctx)
        try owner.apply(.addArtisan(S.artisan(2)), context: S.ctx)
        try owner.apply(.addSession(BimtekSession(id: EntityID(.session, 1), title: "Bimtek", organiser: "Dekranasda", venue: "Aula",
                                                  start: S.today, end: S.today)), context: S.ctx)
        try owner.apply(.enrol(session: EntityID(.session, 1), artisan: EntityID(.artisan, 1), role: .peserta), context: S.ctx)
        dir.write(AccessFile.name, Array("[users]\nratna = \"admin\"\nbudi = \"clerk\"\n".utf8))
        chmod(dir.file(AccessFile.name), 0o644)

        let viewer = try Store(path: dir.path, user: "tamu", identity: tamu)
        #expect(viewer.access == AccessDecision(role: .viewer, reason: .notListed))
        let journal = dir.read(dir.name(.journal))
        #expect(throws: StoreError.forbidden(action: "add-artisan", needed: .clerk, role: .viewer, user: "tamu")) {
            try viewer.apply(.addArtisan(S.artisan(3)), context: S.ctx)
        }
        #expect(dir.read(dir.name(.journal)) == journal)
        #expect(StoreError.forbidden(action: "add-artisan", needed: .clerk, role: .viewer, user: "tamu").message(.id)
                    .contains("kriya access set tamu clerk"))

        let clerk = try Store(path: dir.path, user: "budi", identity: budi)
        try clerk.apply(.checkIn(session: EntityID(.session, 1), artisan: EntityID(.artisan, 1), day: S.today,
                                 time: ClockTime(hour: 8, minute: 10)!, enrol: false), context: S.ctx)
        #expect(throws: StoreError.forbidden(action: "delete", needed: .admin, role: .clerk, user: "budi")) {
            try clerk.apply(.delete(EntityID(.artisan, 2), baseRev: 1), context: S.ctx)
        }
        #expect(throws: StoreError.forbidden(action: "compact", needed: .admin, role: .clerk, user: "budi")) { try clerk.compact() }

        let admin = try Store(path: dir.path, user: "ratna", identity: ratna)
        try admin.apply(.delete(EntityID(.artisan, 2), baseRev: 1), context: S.ctx)
        #expect(try Store(path: dir.path).data.artisans.count == 1)
        let audit = dir.text("audit.jsonl")
        #expect(audit.contains("\"role\":\"clerk\",\"cmd\":\"check-in\""))
        #expect(audit.contains("\"role\":\"admin\",\"cmd\":\"delete\""))
        // Only the folder's owner writes the access file (an admin by the file may not).
        #expect(throws: StoreError.self) { try admin.setAccess("tamu", role: .editor) }
        try owner.setAccess("tamu", role: .editor)
        #expect(try Store(path: dir.path, identity: tamu).access.role == .editor)
    }

    @Test func anAccessFileOthersMayChangeIsNotTrusted() throws {
        let dir = TempDir("roles-unsafe")
        let owner = try Store(path: dir.path)
        try owner.apply(.addArtisan(S.artisan(1)), context: S.ctx)
        dir.write(AccessFile.name, Array("[users]\nbudi = \"admin\"\n".utf8))
        chmod(dir.file(AccessFile.name), 0o664)
        let budiStore = try Store(path: dir.path, identity: budi)
        guard case .badFile(let why) = budiStore.access.reason else { Issue.record("\(budiStore.access)"); return }
        #expect(budiStore.access.role == .viewer && why.contains("chmod 644"))
        chmod(dir.file(AccessFile.name), 0o644)
        // Read again at the next check: fixed, it applies at once.
        try budiStore.apply(.addArtisan(S.artisan(2)), context: S.ctx)
        #expect(budiStore.access.role == .admin)
    }

    /// Issue 30: the door's marks are a clerk's while today's door is open; a past or closed
    /// day is corrected by an editor, with a reason. Decided by the core, under the lock.
    @Test func aClerkMarksTodaysOpenDoorOnlyAnEditorCorrectsAShutDay() throws {
        let dir = TempDir("roles-door")
        let owner = try Store(path: dir.path)
        try owner.apply(.addArtisan(S.artisan(1)), context: S.ctx)
        let yesterday = S.today.adding(days: -1)
        try owner.apply(.addSession(BimtekSession(id: EntityID(.session, 1), title: "Bimtek", organiser: "Dekranasda", venue: "Aula",
                                                  start: yesterday, end: S.today)), context: S.ctx)
        try owner.apply(.enrol(session: EntityID(.session, 1), artisan: EntityID(.artisan, 1), role: .peserta), context: S.ctx)
        dir.write(AccessFile.name, Array("[users]\nratna = \"editor\"\nbudi = \"clerk\"\n".utf8))
        chmod(dir.file(AccessFile.name), 0o644)
        let sid = EntityID(.session, 1), ani = EntityID(.artisan, 1)
        let clerk = try Store(path: dir.path, user: "budi", identity: budi)
        // Yesterday: not the door's, whatever the clerk tries.
        #expect(throws: StoreError.command(CommandErrorBox(error: .dayPast(yesterday, of: sid)))) {
            try clerk.apply(.checkIn(session: sid, artisan: ani, day: yesterday, time: ClockTime(hour: 9, minute: 3)!, enrol: false), context: S.ctx)
        }
        #expect(throws: StoreError.forbidden(action: "mark-attendance", needed: .editor, role: .clerk, user: "budi")) {
            try clerk.apply(.markAttendance(session: sid, artisan: ani, day: yesterday, mark: .terlambat, time: nil, note: "kertas"), context: S.ctx)
        }
        // Today: the clerk's door, until it is closed.
        try clerk.apply(.markAttendance(session: sid, artisan: ani, day: S.today, mark: .izin, time: nil, note: nil), context: S.ctx)
        try clerk.apply(.closeDay(session: sid, day: S.today), context: S.ctx)
        #expect(throws: StoreError.forbidden(action: "clear-attendance", needed: .editor, role: .clerk, user: "budi")) {
            try clerk.apply(.clearAttendance(session: sid, artisan: ani, day: S.today, reason: "salah"), context: S.ctx)
        }
        // The editor corrects yesterday, saying why.
        let editor = try Store(path: dir.path, user: "ratna", identity: ratna)
        try editor.apply(.markAttendance(session: sid, artisan: ani, day: yesterday, mark: .terlambat, time: nil, note: "daftar hadir kertas"),
                         context: S.ctx)
        #expect(try Store(path: dir.path).data.sessions[sid]?.participant(ani)?.mark(on: yesterday)?.note == "daftar hadir kertas")
    }

    /// Issue 31, finding 3: renaming access.toml away made everyone an editor. Once roles were
    /// set (the audit trail says so), a missing file denies: everyone but the owner and root is
    /// a viewer until the owner writes it again.
    @Test func removingTheAccessFileDeniesOnceRolesWereSet() throws {
        let dir = TempDir("roles-removed")
        let owner = try Store(path: dir.path)
        try owner.apply(.addArtisan(S.artisan(1)), context: S.ctx)
        // Before any role was set, no file means everyone edits (as before roles).
        #expect(try Store(path: dir.path, identity: budi).access == AccessDecision(role: .editor, reason: .noFile))
        try owner.setAccess("budi", role: .clerk)
        #expect(try Store(path: dir.path, identity: budi).access.role == .clerk)
        #expect(rename(dir.file(AccessFile.name), dir.file("elsewhere.toml")) == 0)
        let budiStore = try Store(path: dir.path, identity: budi)
        guard case .badFile(let why) = budiStore.access.reason else { Issue.record("\(budiStore.access)"); return }
        #expect(budiStore.access.role == .viewer && why.contains("missing") && why.contains("kriya access set"))
        #expect(throws: StoreError.self) { try budiStore.apply(.addArtisan(S.artisan(2)), context: S.ctx) }
        // The owner is never locked out, and writing the roles again puts them back.
        #expect(try Store(path: dir.path).access.role == .admin)
        try owner.setAccess("budi", role: .clerk)
        #expect(try Store(path: dir.path, identity: budi).access.role == .clerk)
    }
}
