import Foundation
import Testing
@testable import KriyaCore
@testable import KriyaStore

/// Finding 4: someone who can write the shared folder plants symlinks; nobody's Kriya writes
/// through them or reads data from them.
@Suite struct FolderSafetyTests {
    @Test func plantedSymlinksAreRefusedNeverWrittenThrough() throws {
        let dir = TempDir("planted")
        let store = try Store(path: dir.path)
        try store.apply(.addArtisan(S.artisan(1)), context: S.ctx)
        let victim = dir.path + "-victim"
        FileManager.default.createFile(atPath: victim, contents: Data("secret\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: victim) }

        // Planted while a store is open: the next generation's journal, and the audit trail.
        let next = DataFile.journal.name(store.generation + 1)
        try FileManager.default.createSymbolicLink(atPath: dir.file(next), withDestinationPath: victim)
        try FileManager.default.removeItem(atPath: dir.file("audit.jsonl"))
        try FileManager.default.createSymbolicLink(atPath: dir.file("audit.jsonl"), withDestinationPath: victim)
        try store.apply(.addArtisan(S.artisan(2)), context: S.ctx)   // saved; the audit line is refused
        #expect(store.warnings.contains { $0.description.contains("audit") })
        try store.compact()
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "secret\n")

        // A fresh open refuses the folder, naming the file and the fix.
        #expect { try Store(path: dir.path) } throws: { e in
            guard case StoreError.unsafe(let p, let reason) = e else { return false }
            return p.hasSuffix("audit.jsonl") && reason.contains("symlink") && reason.contains("Fix")
        }
        #expect(try !Store.check(path: dir.path).isSound)
    }

    /// Issue 31, finding 9: the backups folder beside the data, when it is a symlink someone
    /// else made, is not followed (a full copy of the data would go where they chose); one
    /// made by root or the data's owner (a backup disk) is.
    @Test func aPlantedBackupsLinkIsNotFollowed() throws {
        let dir = TempDir("backups-link")
        let store = try Store(path: dir.path)
        try store.apply(.addArtisan(S.artisan(1)), context: S.ctx)
        let elsewhere = dir.path + "-elsewhere"
        defer { try? FileManager.default.removeItem(atPath: elsewhere); unlink(dir.path + "-backups") }
        try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
        #expect(symlink(elsewhere, dir.path + "-backups") == 0)
        #expect(lchown(dir.path + "-backups", 60_042, getgid()) == 0)
        #expect(throws: StoreError.self) { try store.backup() }
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: elsewhere)) ?? []).isEmpty)
        // The owner's own link (a backup disk) is used.
        #expect(lchown(dir.path + "-backups", geteuid(), getgid()) == 0)
        let copy = try store.backup()
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: elsewhere)) ?? []).count == 1, "\(copy)")
    }

    @Test func aFolderAnyoneMayWriteIsRefused() throws {
        let dir = TempDir("open")
        _ = try Store(path: dir.path)
        chmod(dir.path, 0o777)
        #expect { try Store(path: dir.path) } throws: { e in
            guard case StoreError.unsafe(_, let reason) = e else { return false }
            return reason.contains("chmod o-w")
        }
    }
}
