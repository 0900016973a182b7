import Testing
@testable import KriyaCore

/// `Dataset.addArtisans`, the import's way of adding many at once, must store exactly what
/// adding them one by one would.
@Suite struct AddManyTests {
    static func many(_ n: Int) -> [Artisan] {
        (0..<n).map { i in
            var a = Fixture.artisan("Perajin \(i)", phone: "0812-\(3000 + i % 1000)-\(1000 + i)",
                                    kelurahan: i.isMultiple(of: 2) ? "Dinoyo" : "Sawojajar")
            a.name = "  Perajin \(i) "   // trimmed when prepared
            if i.isMultiple(of: 3) { a.products = [Product(name: "Guci \(i)", price: 150_000)] }
            return a
        }
    }

    @Test func sameRecordsAsAddingOneByOne() throws {
        var start = try Fixture.build([.addArtisan(Fixture.artisan())])
        start.reserve(upTo: EntityID(.artisan, 7))   // a deleted id is never handed out again
        var oneByOne = start
        for a in Self.many(500) { oneByOne.commit(try oneByOne.plan(.addArtisan(a), Fixture.ctx, audit: false)) }

        var bulk = start
        let added = try bulk.addArtisans(Self.many(500))
        #expect(added.count == 500)
        #expect(added.first?.id == EntityID(.artisan, 8) && added.last?.id == EntityID(.artisan, 507))
        #expect(added.first?.name == "Perajin 0" && added.first?.phone == "+6281230001000")
        #expect(bulk.artisans.items == oneByOne.artisans.items)
        #expect(bulk.artisans.maxNumber == 507)
        #expect(bulk.artisans[EntityID(.artisan, 300)]?.name == "Perajin 292")
    }

    @Test func oneBadRecordAddsNoneAndNamesTheFirst() throws {
        var data = try Fixture.build([.addArtisan(Fixture.artisan())])
        var list = Self.many(400)
        list[250].phone = "0341-551234"       // a landline: the first bad one
        list[390].business = ""
        #expect(throws: CommandError.invalid([FieldError("phone", .phone(.notMobile))])) {
            try data.addArtisans(list)
        }
        #expect(data.artisans.count == 1 && data.artisans.maxNumber == 1)
    }

    @Test func nothingToAdd() throws {
        var data = Dataset()
        #expect(try data.addArtisans([]).isEmpty)
        #expect(data.isEmpty)
    }
}
