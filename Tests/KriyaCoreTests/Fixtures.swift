@testable import KriyaCore

/// Small builders for tests: valid records with only what a test cares about.
enum Fixture {
    static let today = CivilDate(year: 2026, month: 11, day: 29)!
    static let ctx = CommandContext(user: "tester", today: today, time: ClockTime(hour: 9, minute: 0)!)

    static func artisan(_ name: String = "Siti Rahayu", phone: String = "0812-0000-1234", kelurahan: String = "Dinoyo",
                        business: String = "Keramik Sekar Dinoyo", category: CraftCategory = .keramikGerabah) -> Artisan {
        Artisan(id: EntityID(.artisan, 1), name: name, phone: phone,
                kelurahan: Wilayah.resolveKelurahan(kelurahan)?.code ?? kelurahan, business: business, category: category)
    }

    static func session(start: CivilDate = today.adding(days: 10), days: Int = 2, capacity: Int? = nil) -> BimtekSession {
        var s = BimtekSession(id: EntityID(.session, 1), title: "Bimtek Dasar Membatik", organiser: "Dekranasda Kota Malang",
                              venue: "Aula Balai Kota", start: start, end: start.adding(days: days - 1))
        s.capacity = capacity
        return s
    }

    static func exhibition(start: CivilDate = today.adding(days: 10), days: Int = 3) -> Exhibition {
        Exhibition(id: EntityID(.exhibition, 1), name: "Dekranasda Festival", level: .lokal,
                   start: start, end: start.adding(days: days - 1))
    }

    /// Applies commands in order, failing the test on any error.
    static func build(_ commands: [Command]) throws -> Dataset {
        var data = Dataset()
        for c in commands { data.commit(try data.plan(c, ctx)) }
        return data
    }
}
