import Foundation
import Testing

/// Issue 19: a command that does not work on a database yet, given one, says so in the user's
/// language and makes nothing (before, a folder called `postgres:` appeared where it ran).
@Suite struct DatabaseAddressCLITests {
    @Test func aCommandThatNeedsAFolderRefusesADatabaseAddress() throws {
        let cwd = FileManager.default.currentDirectoryPath
        let result = try Kriya.run(["find", "sri", "--data", "postgres://kriya@127.0.0.1:1/kriya", "--lang", "id"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("adalah basis data PostgreSQL"))
        #expect(!result.stderr.contains("Usage:") && !result.stderr.contains("Error:"))
        #expect(!FileManager.default.fileExists(atPath: cwd + "/postgres:"))
    }
}
