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
