import Testing
@testable import KriyaCore

/// Issue 18: the console finds an artisan's sessions and exhibitions through `Participation`
/// instead of walking every participant; it must answer as the walk does, in the same order.
@Suite struct ParticipationTests {
    @Test func agreesWithTheWalkForEveryArtisan() throws {
        var data = DemoData.make(artisans: 1_500, today: Fixture.today, user: "t")
        // Someone listed twice in one session still has it once; an id no one has, nothing.
        var s = data.sessions.items[0]
        let twice = try #require(s.participants.first)
        s.participants.append(twice)
        s.rev += 1
        data.sessions.merge(s)
        let p = Participation(data)
        var withHistory = 0
        for a in data.artisans.items {
            let sessions = p.sessions(of: a.id, in: data), exhibitions = p.exhibitions(of: a.id, in: data)
            #expect(sessions.map(\.id) == data.sessions(of: a.id).map(\.id), "\(a.id)")
            #expect(exhibitions.map(\.id) == data.exhibitions(of: a.id).map(\.id), "\(a.id)")
            if !sessions.isEmpty && !exhibitions.isEmpty { withHistory += 1 }
        }
        #expect(withHistory > 50)
        #expect(p.sessions(of: EntityID(.artisan, 999_999), in: data).isEmpty && p.sessions(of: EntityID(.session, 1), in: data).isEmpty)
    }

    /// The binary search both lookups use: the first element not below, as a walk finds it.
    @Test func partitionPointIsTheFirstNotBelow() {
        var rng = SplitMix64(seed: 3)
        for _ in 0..<300 {
            let sorted = (0..<rng.int(0...40)).map { _ in rng.int(0...30) }.sorted()
            let wanted = rng.int(-1...32)
            #expect(sorted.partitionPoint { $0 < wanted } == (sorted.firstIndex { $0 >= wanted } ?? sorted.count))
            if sorted.count >= 3 {   // a slice keeps its indices
                #expect(sorted[3...].partitionPoint { $0 < wanted } == (sorted[3...].firstIndex { $0 >= wanted } ?? sorted.endIndex))
            }
        }
    }
}
