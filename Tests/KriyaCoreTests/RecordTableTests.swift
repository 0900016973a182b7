import Testing
@testable import KriyaCore

/// Issue 18, memory: the table finds records by id through an array indexed by number (with a
/// dictionary for numbers far past the rest); it must answer exactly as a dictionary would,
/// whatever order records come in and go out.
@Suite struct RecordTableTests {
    @Test func lookupsAgreeWithADictionaryThroughMergesInsertsAndRemoves() {
        for seed in 0..<40 as Range<UInt64> {
            var rng = SplitMix64(seed: seed)
            var table = RecordTable<Artisan>()
            var model: [EntityID: Artisan] = [:]
            func check(_ step: String) {
                #expect(table.count == model.count, "seed \(seed) \(step)")
                #expect(table.items.map(\.id) == model.keys.sorted(), "seed \(seed) \(step)")
                for (id, a) in model where table[id] != a { Issue.record("seed \(seed) \(step): \(id) differs") }
            }
            // A file in id order, with gaps (deleted records), then a few far-off hand-edited ids.
            var bulk: [Artisan] = []
            var n = 0
            for _ in 0..<rng.int(0...300) {
                n += rng.int(1...3)
                var a = Fixture.artisan("P\(n)")
                a.id = EntityID(.artisan, n)
                a.rev = 1
                bulk.append(a)
                model[a.id] = a
            }
            table.merge(contentsOf: bulk)
            check("bulk")
            for step in 0..<200 {
                let number: Int
                switch rng.int(0...9) {
                case 0: number = rng.int(100_000...999_999_999)            // far past the rest
                case 1, 2: number = n + rng.int(1...5)                       // the next ones
                default: number = rng.int(1...max(1, n + 10))                // an old one, or a gap
                }
                let id = EntityID(.artisan, number)
                switch rng.int(0...3) {
                case 0:
                    table.remove(id)
                    model[id] = nil
                case 1 where rng.chance(0.2):
                    let ids = Set(model.keys.filter { _ in rng.chance(0.1) })
                    table.remove(ids)
                    for id in ids { model[id] = nil }
                default:
                    var a = Fixture.artisan("Q\(step)")
                    a.id = id
                    a.rev = (model[id]?.rev ?? 0) + rng.int(0...1)
                    let taken = table.merge(a)
                    #expect(taken == (a.rev > (model[id]?.rev ?? (a.rev - 1))), "seed \(seed) step \(step)")
                    if taken { model[id] = a }
                    n = max(n, number < 100_000 ? number : n)
                }
                check("step \(step)")
            }
            // Ids of another kind, or never stored, are not found.
            #expect(table[EntityID(.session, 1)] == nil && table[EntityID(.artisan, 1_000_000_000 - 1)] == model[EntityID(.artisan, 999_999_999)])
        }
    }
}
