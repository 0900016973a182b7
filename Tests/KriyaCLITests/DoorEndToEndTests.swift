import Foundation
import Testing
@testable import KriyaCore
import KriyaPostgres
@testable import KriyaStore
import PostgresTestServer

/// Issue 33 with real processes: two doors of one session packed, worked on the command line
/// with no office in reach, brought back while the office worked too; `kriya door sync` killed
/// at random points and run again ends where a run without kills ends.
@Suite(.serialized) struct DoorEndToEndTests {
    let root = TempFolder("door")

    /// The office's data: a folder, or a database (`postgres://…`).
    func open(_ data: String) throws -> any RecordStore {
        if data.hasPrefix("postgres"), let address = try DatabaseAddress(data) { return try PostgresStore(address: address) }
        return try Store(path: data)
    }

    /// An office with a session today (capacity off, so walk-ins need no asking) and people in it.
    func office(_ path: String, database: DatabaseAddress? = nil) throws -> (data: String, session: EntityID, people: [EntityID]) {
        #expect(try Kriya.run(["demo", "--data", path]).status == 0)
        var data = path
        if let database {
            try PostgresStore(address: database).replaceAll(with: try Store(path: path).data, reason: "demo data")
            data = database.text
        }
        let store = try open(data)
        let today = SystemInfo.now().today
        var s = try #require(store.data.sessions.items.first { $0.days.contains(today) && $0.participants.filter { $0.enrolment == .registered }.count >= 5 })
        s.capacity = nil
        try store.apply(.updateSession(s, baseRev: s.rev))
        let people = s.participants.filter { $0.enrolment == .registered && $0.mark(on: today) == nil }.map(\.artisan)
        return (data, s.id, Array(people.prefix(5)))
    }

    func run(_ args: [String], env: [String: String] = [:]) throws -> Kriya.Result {
        let r = try Kriya.run(args, env: env)
        #expect(r.status == 0, "kriya \(args.joined(separator: " ")): \(r.stderr)")
        return r
    }

    /// What the office holds that a sync decides: each participant's enrolment and marks, the
    /// registry's people (ids, names, phones); not when it was synced.
    func outcome(_ path: String, _ session: EntityID) throws -> [String] {
        let data = try open(path).data
        let s = try #require(data.sessions[session])
        return s.participants.map { p in "\(p.artisan) \(p.enrolment) " + p.attendance.map { "\($0.day.iso) \($0.mark) \($0.time?.description ?? "-")" }.joined(separator: ",") }.sorted()
            + data.artisans.items.map { "\($0.id) \($0.name) \($0.phone)" }
    }

    @Test func twoDoorsBroughtBackOnceWhateverIsKilled() throws {
        try scenario(database: nil)
    }

    /// The same with the office on PostgreSQL: the reference run is on a folder copied from it,
    /// so the database ends exactly as files do.
    @Test func theSameWithTheOfficeOnPostgreSQL() throws {
        guard let database = try PostgresServer.shared.database("door") else { return }
        try scenario(database: database)
    }

    func scenario(database: DatabaseAddress?) throws {
        let (office, sid, people) = try self.office(root.path + "/kantor", database: database)
        let (d1, d2) = (root.path + "/pintu1", root.path + "/pintu2")
        #expect(try run(["door", "pack", sid.description, "--out", d1, "--data", office]).stdout.contains("D1"))
        #expect(try run(["door", "pack", sid.description, "--out", d2, "--data", office, "--lang", "id"]).stdout.contains("Pintu D2"))
        #expect(try Kriya.run(["door", "pack", sid.description, "--out", d1, "--data", office]).status != 0, "a door is packed into a new folder")

        // A door does the door's work only.
        let refused = try Kriya.run(["delete", sid.description, "--data", d1])
        #expect(refused.status != 0 && refused.stderr.contains("door D1"), "\(refused.stderr)")

        // Door 1: two people in, a walk-in registered and let in, a mark corrected. Its laptop's
        // clock runs three minutes ahead, so the person seen at both doors has two times.
        while SystemInfo.now().time >= ClockTime(hour: 23, minute: 55)! { sleep(30) }
        _ = try run(["checkin", sid.description, people[0].description, "--data", d1], env: ["TZ": "<+0003>-0:03"])
        _ = try run(["checkin", sid.description, people[1].description, "--data", d1])
        let w1 = try run(["add", "artisan", "--data", d1, "--name", "Sri Pintu Satu", "--phone", "0812-5555-0101", "--kelurahan", "Dinoyo",
                          "--business", "Batik Sri", "--category", "batik"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let walkIn1 = try #require(EntityID(w1))
        #expect(DoorRecord.isDoorID(walkIn1), "the door's own range: \(w1)")
        _ = try run(["checkin", sid.description, w1, "--enrol", "--data", d1])
        _ = try run(["attendance", sid.description, "--set", people[1].description, "--mark", "izin", "--reason", "anak sakit", "--data", d1])
        // Door 2: the same first person (later), another, and a walk-in the office registers meanwhile.
        _ = try run(["checkin", sid.description, people[0].description, "--data", d2])
        _ = try run(["checkin", sid.description, people[2].description, "--data", d2])
        let w2 = try run(["add", "artisan", "--data", d2, "--name", "Tono Pintu Dua", "--phone", "0812-5555-0202", "--kelurahan", "Dinoyo",
                          "--business", "Batik Tono", "--category", "batik"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try run(["checkin", sid.description, w2, "--enrol", "--data", d2])
        #expect(w1 != w2)
        // The office meanwhile: someone withdrawn (door 2 lets them in anyway), a check-in by hand,
        // the second walk-in registered by phone.
        let store = try open(office)
        try store.apply(.withdraw(session: sid, artisan: people[3]))
        _ = try run(["checkin", sid.description, people[3].description, "--data", d2])
        _ = try run(["attendance", sid.description, "--set", people[4].description, "--mark", "hadir", "--data", office])
        _ = try run(["add", "artisan", "--data", office, "--name", "Tono Kantor", "--phone", "0812-5555-0202", "--kelurahan", "Dinoyo",
                     "--business", "Batik Tono", "--category", "batik"])

        // The reference: the same folders brought back without a kill.
        let reference = root.path + "/rujukan"
        if database == nil { try FileManager.default.copyItem(atPath: office, toPath: reference) } else {
            _ = try run(["copy", "--from", office, "--to", reference])
        }
        let dry = try run(["door", "sync", d1, "--dry-run", "--data", reference])
        #expect(dry.stdout.contains("Nothing saved") && dry.stdout.contains(w1), "\(dry.stdout)")
        let r1 = try run(["door", "sync", d1, "--data", reference])
        #expect(r1.stdout.contains("is now"), "\(r1.stdout)")
        let r2 = try run(["door", "sync", d2, "--data", reference])
        // The report names each conflict: the walk-in the office had, the withdrawn person's mark,
        // the person checked in at both doors (the earlier time kept).
        #expect(r2.stdout.contains("Tono Kantor") && r2.stdout.contains("registered at the office meanwhile"), "\(r2.stdout)")
        #expect(r2.stdout.contains("withdrawn") && r2.stdout.contains(people[3].description))
        #expect(r2.stdout.contains("checked in twice") && r2.stdout.contains(people[0].description), "\(r1.stdout)\(r2.stdout)")
        #expect(r2.stdout.contains("conflicts decided by the rules"))
        #expect(try run(["door", "sync", d1, "--data", reference]).stdout.contains("Nothing new"))
        let expected = try outcome(reference, sid)

        // The same, with each sync killed at random points until one finishes.
        var rng = SplitMix64(seed: 33)
        var kills = 0
        for door in [d1, d2] {
            var finished = false
            for attempt in 0..<40 where !finished {
                let out = root.path + "/sync-\(attempt).out"
                let sync = try Kriya.start(["door", "sync", door, "--data", office], stdoutFile: out)
                if attempt < 6 {
                    usleep(UInt32(Int.random(in: 5_000...150_000, using: &rng)))
                    kill(sync.processIdentifier, SIGKILL)
                }
                sync.waitUntilExit()
                if sync.terminationReason == .uncaughtSignal { kills += 1; continue }
                #expect(sync.terminationStatus == 0)
                finished = true
            }
            #expect(finished)
        }
        print("door sync: \(kills) kills; office ends as the run without kills: \(try outcome(office, sid) == expected)")
        #expect(try outcome(office, sid) == expected)
        let data = try open(office).data
        let s = try #require(data.sessions[sid])
        // Every mark once, no door id at the office, both doors back, the data sound.
        #expect(s.participants.allSatisfy { p in Set(p.attendance.map(\.day)).count == p.attendance.count })
        #expect(!data.artisans.items.contains { DoorRecord.isDoorID($0.id) } && !s.participants.contains { DoorRecord.isDoorID($0.artisan) })
        #expect(s.doors.count == 2 && s.doors.allSatisfy { !$0.isOut })
        #expect(data.artisans.items.filter { $0.phone == "+6281255550202" }.count == 1)
        let sri = try #require(data.artisans.items.first { (a: Artisan) in a.name == "Sri Pintu Satu" })
        #expect(s.participant(sri.id)?.mark(on: SystemInfo.now().today)?.mark == .hadir)
        #expect(s.participant(people[1])?.mark(on: SystemInfo.now().today)?.mark == .izin)
        // A database keeps its own rules (kriya_save); a folder is checked line by line.
        if database == nil { #expect(try Store.check(path: office).isSound) }
        #expect(try run(["door", "list", "--data", office]).stdout.contains("D2"))
    }
}
