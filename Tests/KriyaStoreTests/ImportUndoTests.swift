import Foundation
import Testing
@testable import KriyaCore
@testable import KriyaStore

/// `kriya import undo`: the last import taken back as one step, keeping what colleagues have
/// changed or enrolled since.
@Suite struct ImportUndoTests {
    let dir = TempDir("import-undo")

    func row(_ n: Int, _ a: Artisan, id: EntityID? = nil) -> ImportPlan.Row {
        ImportPlan.Row(row: n, line: n, text: ArtisanText(a, lang: .en), present: [.name, .phone, .kelurahan, .business, .category, .brand], id: id)
    }

    @Test func takesBackAddsAndUpdatesButKeepsWhatChangedSince() throws {
        let store = try Store(path: dir.path)
        try store.apply(batch: [.addArtisan(S.artisan(1)), .addArtisan(S.artisan(2))], as: "setup", detail: "", context: S.ctx)
        let original = store.data.artisans.items[0]
        var session = BimtekSession(id: EntityID(.session, 1), title: "Bimtek Batik", organiser: "Dekranasda", venue: "Balai Kota",
                                    start: S.today.adding(days: 5), end: S.today.adding(days: 6))
        session.capacity = 10
        try store.apply(.addSession(session), context: S.ctx)

        // The sheet: A-000001 with a brand (an update) and five new people.
        var changed = original
        changed.brand = "Sekar"
        let rows = [row(2, changed, id: original.id)] + (3...7).map { row($0, S.artisan($0)) }
        let plan = ImportPlan(rows: rows, against: store.data, onDuplicate: .update, context: S.ctx)
        try store.save(plan, detail: "daftar.csv", context: S.ctx)
        #expect(store.data.artisans.count == 7 && store.data.artisans[original.id]?.brand == "Sekar")

        // Meanwhile a colleague edits one new artisan and enrols another.
        let colleague = try Store(path: dir.path)
        var edited = colleague.data.artisans[EntityID(.artisan, 3)]!
        edited.notes = "ditelepon"
        try colleague.apply(.updateArtisan(edited, baseRev: edited.rev), context: S.ctx)
        try colleague.apply(.enrol(session: EntityID(.session, 1), artisan: EntityID(.artisan, 4), role: .peserta), context: S.ctx)

        let dry = try #require(try store.takeBackLastImport(dryRun: true, context: S.ctx))
        let unchanged = try Store(path: dir.path).data.artisans.count
        #expect(dry.1.removed.count == 3 && unchanged == 7)

        let (undo, outcome) = try #require(try store.takeBackLastImport(context: S.ctx))
        #expect(undo.file == "daftar.csv" && undo.added == 3...7)
        #expect(outcome.removed == [5, 6, 7].map { EntityID(.artisan, $0) })
        #expect(outcome.kept.map(\.id) == [EntityID(.artisan, 3), EntityID(.artisan, 4)])
        #expect(outcome.kept.map(\.why) == [.changedSince, .takingPart(sessions: 1, exhibitions: 0)])
        let lines = ImportReport.undoLines(undo, outcome, done: true, lang: .en) { store.data.artisans[$0]?.name ?? "" }
        #expect(lines.contains("  A-000004 Pengrajin 4: kept, takes part in 1 Bimtek session and 0 exhibitions"))

        // As it was before the import, but for what was kept; the same after reopening.
        let reopened = try Store(path: dir.path)
        #expect(reopened.data.artisans.items.map(\.id.number) == [1, 2, 3, 4])
        var restored = try #require(reopened.data.artisans[original.id])
        #expect(restored.brand == original.brand && restored.rev == original.rev + 2)
        restored.rev = original.rev
        #expect(restored == original)
        #expect(try Store.check(path: dir.path).isSound)

        // Once only; and the ids it used are never handed out again.
        #expect(try store.takeBackLastImport(context: S.ctx) == nil)
        let next = try store.apply(.addArtisan(S.artisan(20)), context: S.ctx)
        #expect(next.targets == [EntityID(.artisan, 8)])
    }

    /// Replacing all the data (demo --force) leaves no import to take back: its ids would now
    /// name other people.
    @Test func replacingTheDataForgetsTheImport() throws {
        let store = try Store(path: dir.path)
        try store.save(ImportPlan(rows: [row(2, S.artisan(1))], against: store.data, onDuplicate: .skip, context: S.ctx), detail: "a.csv", context: S.ctx)
        #expect(try store.lastImport() != nil)
        try store.replaceAll(with: DemoData.make(artisans: 5, today: S.today), reason: "test")
        #expect(try store.lastImport() == nil && store.takeBackLastImport(context: S.ctx) == nil)
        #expect(store.data.artisans.count == 5)
    }

    /// A large import is taken back through new snapshot files, in one step.
    @Test func aLargeImportIsTakenBackWhole() throws {
        let store = try Store(path: dir.path)
        let rows = (1...2_500).map { row($0 + 1, S.artisan($0)) }
        try store.save(ImportPlan(rows: rows, against: store.data, onDuplicate: .skip, context: S.ctx), detail: "big.csv", context: S.ctx)
        #expect(try Store(path: dir.path).data.artisans.count == 2_500)
        let (_, outcome) = try #require(try store.takeBackLastImport(context: S.ctx))
        #expect(outcome.removed.count == 2_500 && outcome.kept.isEmpty)
        let reopened = try Store(path: dir.path)
        #expect(reopened.data.artisans.count == 0 && reopened.issues.isEmpty)
        // The journal holds its header only (with the change's audit line), no records.
        let journal = dir.text(dir.name(.journal))
        #expect(journal.split(separator: "\n").count == 1 && !journal.contains(#""artisans":["#) && journal.contains(#""audit":{"#))
    }
}
