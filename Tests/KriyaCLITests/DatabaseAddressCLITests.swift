import Foundation
import Testing

/// Issue 19: a database address never becomes a folder called `postgres:` (before, one
/// appeared where a command ran), and what cannot be done with one is said in the user's
/// language alone.
@Suite struct DatabaseAddressCLITests {
    @Test func aCommandAboutTheFilesRefusesADatabaseAddress() throws {
        let cwd = FileManager.default.currentDirectoryPath
        let result = try Kriya.run(["check", "--data", "postgres://kriya@127.0.0.1:1/kriya", "--lang", "id"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("adalah basis data PostgreSQL"))
        #expect(!result.stderr.contains("Usage:") && !result.stderr.contains("Error:"))
        #expect(!FileManager.default.fileExists(atPath: cwd + "/postgres:"))
    }

    @Test func aDatabaseThatCannotBeReachedIsOneLineAndNoFolder() throws {
        let cwd = FileManager.default.currentDirectoryPath
        let result = try Kriya.run(["find", "sri", "--data", "postgres://kriya@127.0.0.1:1/kriya", "--lang", "id"])
        #expect(result.status == 74)
        #expect(result.stderr.contains("postgres://kriya@127.0.0.1:1/kriya"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: cwd + "/postgres:"))
    }

    @Test func aPasswordInTheAddressIsRefusedBeforeConnecting() throws {
        let result = try Kriya.run(["find", "sri", "--data", "postgres://kriya:rahasia@127.0.0.1:1/kriya", "--lang", "en"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("~/.pgpass") && !result.stderr.contains("rahasia"), "\(result.stderr)")
    }
}
