import Foundation
import Testing
@testable import KriyaCore
@testable import KriyaStore
@testable import KriyaPostgres
import PostgresTestServer

/// Issue 19: writers in other processes on PostgreSQL, killed at random (SIGKILL), and several
/// at once. The real `kriya _writer` prints `ok ID N` only after each save is acknowledged.
@Suite struct PostgresKillTests {
    /// The `kriya` binary SwiftPM built beside this test bundle.
    let kriya = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().path + "/kriya"

    @Test func everyAcknowledgedSaveSurvivesKillNine() throws {
        guard let db = try PostgresServer.shared.database("kill") else { return }
        var rng = SplitMix64(seed: 19)
        var total = 0
        for round in 0..<8 {
            let out = NSTemporaryDirectory() + "kriya-pgkill-\(getpid())-\(round)"
            defer { try? FileManager.default.removeItem(atPath: out) }
            let pid = try start(["_writer", "--data", db.text, "--count", "100000", "--tag", "\(round)"], stdout: out)
            usleep(UInt32(Int.random(in: 150_000...500_000, using: &rng)))
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            let saved = acknowledged(out)
            total += saved.count
            let store = try PostgresStore(address: db)
            for (id, n) in saved {
                #expect(store.data.artisans[id]?.name == "Writer \(round) \(n)", "round \(round): \(id) lost")
            }
            #expect(store.issues.isEmpty)
        }
        print("PostgreSQL kill -9 loop: 8 kills, \(total) acknowledged saves")
        #expect(total > 8, "the writers saved almost nothing; the test proves little")
        let ids = try PostgresStore(address: db).data.artisans.items.map(\.id)
        #expect(Set(ids).count == ids.count)
    }

    @Test func twoWriterProcessesLoseNothingAndShareNoId() throws {
        guard let db = try PostgresServer.shared.database("twowriters") else { return }
        let outs = (0..<2).map { NSTemporaryDirectory() + "kriya-pgtwo-\(getpid())-\($0)" }
        defer { outs.forEach { try? FileManager.default.removeItem(atPath: $0) } }
        let pids = try (0..<2).map { w in try start(["_writer", "--data", db.text, "--count", "120", "--tag", "\(70 + w)"], stdout: outs[w]) }
        for pid in pids {
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            #expect(status == 0)
        }
        let saved = outs.flatMap(acknowledged)
        #expect(saved.count == 240)
        let store = try PostgresStore(address: db)
        #expect(store.data.artisans.count == 240)
        #expect(Set(saved.map(\.0)).count == 240)
    }

    private func start(_ args: [String], stdout: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([kriya] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, kriya, &actions, nil, argv, environ)
        guard spawned == 0 else { throw PostgresServer.Failed(description: "cannot run \(kriya): \(spawned)") }
        return pid
    }

    /// `ok A-000123 7` lines: the id and the writer's item number.
    private func acknowledged(_ file: String) -> [(EntityID, Int)] {
        let text = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: " ")
            guard parts.count == 3, parts[0] == "ok", let id = EntityID(String(parts[1])), let n = Int(parts[2]) else { return nil }
            return (id, n)
        }
    }
}
