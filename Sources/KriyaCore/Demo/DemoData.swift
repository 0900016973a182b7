/// A deterministic, realistic made-up data set: the same `artisans` and `today` always give
/// the same records. Everything is built through `Command`s, so demo data obeys every rule.
public enum DemoData {
    public static func make(artisans count: Int, today: CivilDate, user: String = "demo") -> Dataset {
        var rng = SplitMix64(seed: 0x4B52_4959_41 ^ UInt64(count))
        var data = Dataset()
        let ctx = CommandContext(user: user, today: today, time: ClockTime(hour: 9, minute: 0)!)
        data.artisans.reserveCapacity(count)
        for i in 0..<count {
            let a = artisan(i, &rng, today: today)
            // Phones are numbered, so no two demo artisans share one: the registry's duplicate
            // check (a scan per new artisan) would make a large demo quadratic for nothing.
            data.apply(.addArtisan(a, allowDuplicate: true), ctx)
        }
        let pools = Dictionary(grouping: data.artisans.items.map { ($0.category, $0.id) }, by: \.0).mapValues { $0.map(\.1) }
        let everyone = data.artisans.items.map(\.id)
        let sessionCount = max(12, count / 50)
        // Certificate numbers run on per year across sessions, as `issueCertificates` makes them.
        var serials: [Int: Int] = [:]
        for i in 0..<sessionCount { addSession(i, of: sessionCount, &data, &rng, ctx, serials: &serials, pools: pools, everyone: everyone) }
        addExhibitions(max(16, count / 100), &data, &rng, ctx, pools: pools, everyone: everyone)
        addLocalFairs(&data, &rng, ctx, pools: pools, everyone: everyone)
        addTodaysSession(&data, ctx, pools: pools, everyone: everyone)
        addCouncil(&data, ctx)
        return data
    }

    // MARK: - Artisans

    static func artisan(_ i: Int, _ rng: inout SplitMix64, today: CivilDate) -> Artisan {
        let v = DemoVocabulary.self
        let kelurahan: Kelurahan
        let category: CraftCategory
        var prefix: String?
        if i < Wilayah.kelurahan.count {
            // The first 57 cover every kelurahan once, in the crafts of its kecamatan (together: all 12).
            kelurahan = Wilayah.kelurahan[i]
            let crafts = v.kecamatanCrafts[kelurahan.kecamatanCode] ?? CraftCategory.allCases
            category = crafts[i % crafts.count]
        } else if rng.chance(0.35) {
            let centre = rng.pick(v.centres)
            kelurahan = Wilayah.resolveKelurahan(centre.kelurahan)!
            category = centre.category
            prefix = centre.prefix
        } else {
            // Mostly the crafts the kecamatan is known for, now and then any: the coverage
            // report then has real gaps and signature crafts to show.
            kelurahan = rng.pick(Wilayah.kelurahan)
            let crafts = v.kecamatanCrafts[kelurahan.kecamatanCode] ?? CraftCategory.allCases
            category = rng.chance(0.93) ? rng.pick(crafts) : rng.pick(CraftCategory.allCases)
        }
        let female = rng.chance(0.6)
        let given = rng.pick(female ? v.femaleNames : v.maleNames)
        let name = rng.chance(0.3) ? given : "\(given) \(rng.pick(v.secondNames))"
        let craft = v.crafts[category]!
        let word = rng.pick(v.businessWords)
        let business = "\(prefix ?? rng.pick(craft.prefixes)) \(word)" + (rng.chance(0.3) ? " \(kelurahan.name)" : "")
        // 0812-0000-0000 … then 0813-0000-…, so 100k artisans still get distinct numbers.
        let block = ["0812", "0813", "0821", "0822", "0852", "0853", "0857", "0858", "0878", "0895", "0896"]
        let phone = "\(block[(i / 10_000) % block.count])-0000-\(pad(i % 10_000, 4))"
        var a = Artisan(id: EntityID(.artisan, 1), name: name, phone: phone, kelurahan: kelurahan.code,
                        business: business, category: category)
        var d = ArtisanDetails()
        a.gender = female ? .p : .l
        d.address = "\(rng.pick(v.streets)) No. \(rng.int(1...180)), \(kelurahan.name)"
        if rng.chance(0.3) { d.brand = "\(word) \(["Craft", "Malang", "Art", "Nusantara"][rng.int(0...3)])" }
        if rng.chance(0.25) { d.email = "\(given.lowercased())\(i)@contoh.id" }
        a.scale = rng.chance(0.75) ? .mikro : (rng.chance(0.8) ? .kecil : .menengah)
        d.workers = a.scale == .mikro ? rng.int(1...4) : rng.int(5...40)
        let productCount = rng.int(1...3)
        var picked = Set<String>()
        for _ in 0..<productCount {
            let p = rng.pick(craft.products)
            guard picked.insert(p.0).inserted else { continue }
            d.products.append(Product(name: p.0, price: roundPrice(rng.int64(p.1...p.2))))
        }
        let since = today.adding(days: -rng.int(30...(365 * 12)))
        d.memberSince = since
        if rng.chance(0.6) {
            a.nib = String(rng.int64(1_000_000_000_000...9_999_999_999_999))
            d.certifications.append(Certification(kind: .nib, number: a.nib, issued: since))
        }
        if category == .makananOlahan {
            if rng.chance(0.5) {
                // Some run out soon or have run out: the certification report has calls to make.
                let issued = today.adding(days: -rng.int(100...1900))
                d.certifications.append(Certification(kind: .pirt, number: "P-IRT \(rng.int64(1_000_000_000...9_999_999_999))",
                                                      issued: issued, validUntil: issued.adding(days: 365 * 5)))
            }
            if rng.chance(0.4) {
                let issued = today.adding(days: -rng.int(30...1550))
                d.certifications.append(Certification(kind: .halal, number: "ID35110000\(rng.int(100_000...999_999))",
                                                      issued: issued, validUntil: issued.adding(days: 365 * 4)))
            }
        }
        if rng.chance(0.12) {
            let issued = today.adding(days: -rng.int(200...3000))
            d.certifications.append(Certification(kind: .merek, number: "IDM000\(rng.int(100_000...999_999))",
                                                  issued: issued, validUntil: issued.adding(days: 3650)))
        }
        if rng.chance(0.04) {
            let issued = today.adding(days: -rng.int(100...1150))
            d.certifications.append(Certification(kind: rng.chance(0.5) ? .sni : .bnsp, number: "\(rng.int(10_000...99_999))",
                                                  issued: issued, validUntil: issued.adding(days: 365 * 3)))
        }
        if rng.chance(0.1) { d.notes = rng.pick(["Siap ekspor skala kecil.", "Butuh pendampingan kemasan.",
                                                 "Aktif di marketplace.", "Menerima pesanan partai besar."]) }
        a.details = d
        return a
    }

    static func roundPrice(_ p: Int64) -> Int64 { p >= 100_000 ? p / 5_000 * 5_000 : p / 500 * 500 }

    // MARK: - Bimtek sessions

    static func addSession(_ i: Int, of total: Int, _ data: inout Dataset, _ rng: inout SplitMix64, _ ctx: CommandContext,
                           serials: inout [Int: Int],
                           pools: [CraftCategory: [EntityID]], everyone: [EntityID]) {
        let v = DemoVocabulary.self
        let topic = v.sessionTopics[i % v.sessionTopics.count]
        // Spread from about 14 months ago to 4 months ahead, so some are always coming up.
        let offset = -420 + (540 * i) / max(1, total - 1) + rng.int(-3...3)
        var start = ctx.today.adding(days: offset)
        while start.weekday == 0 || start.weekday == 6 { start = start.adding(days: 1) }
        let length = rng.int(1...3)
        let days = (0..<length).map { start.adding(days: $0) }
        var s = BimtekSession(id: EntityID(.session, 1), title: topic.title, organiser: "Dekranasda Kota Malang",
                              venue: rng.pick(v.venues), start: start, end: days.last!)
        s.topic = topic.topic
        s.partner = rng.pick(v.partners)
        s.trainers = [rng.pick(v.trainers)]
        s.meetingDays = days
        s.startTime = ClockTime(hour: 8, minute: 30)
        s.graceMinutes = 15
        s.capacity = [20, 25, 30, 40][rng.int(0...3)]
        s.funding = rng.pick(["APBD Kota Malang", "Dekranasda", "CSR Bank Jatim", "Kemenperin"])
        s.certificateMinDays = length
        s.status = days.last! < ctx.today ? .done : (start <= ctx.today ? .ongoing : .planned)
        if i % 17 == 16 { s.status = .cancelled }
        guard let sid = data.apply(.addSession(s), ctx)?.sessions.first?.id else { return }

        // Enrol artisans of the topic's category where it has one, else anyone.
        let pool = topic.category.flatMap { pools[$0] } ?? []
        let enrol = min(s.capacity! + rng.int(0...3), max(8, data.artisans.count / 2))
        var chosen = Set<EntityID>()
        for _ in 0..<(enrol * 2) where chosen.count < enrol {
            let id = (!pool.isEmpty && rng.chance(0.8)) ? rng.pick(pool) : rng.pick(everyone)
            guard chosen.insert(id).inserted else { continue }
            data.apply(.enrol(session: sid, artisan: id, role: .peserta), ctx)
        }
        guard s.status != .cancelled else { return }
        for day in days where day <= ctx.today {
            for p in data.sessions[sid]!.participants where p.enrolment == .registered {
                let roll = rng.double()
                let mark: AttendanceMark = roll < 0.80 ? .hadir : roll < 0.88 ? .terlambat : roll < 0.93 ? .izin : .alpa
                let time = mark == .hadir ? ClockTime(hour: 8, minute: rng.int(0...44))
                         : mark == .terlambat ? ClockTime(hour: 8, minute: rng.int(46...59)) : nil
                data.apply(.markAttendance(session: sid, artisan: p.artisan, day: day, mark: mark, time: time, note: nil),
                           CommandContext(user: rng.pick(["ratna", "budi.s", "admin"]), today: day, time: time ?? ctx.time))
            }
        }
        if s.status == .done {
            for p in data.sessions[sid]!.participants where p.enrolment == .registered
                && p.attendance.filter({ $0.mark.countsAsPresent }).count >= length {
                serials[start.year, default: 0] += 1
                let number = CertificatePattern.standard.number(year: start.year, serials[start.year]!)
                data.apply(.issueCertificate(session: sid, artisan: p.artisan, number: number), ctx)
            }
        }
    }

    // MARK: - Exhibitions

    static func addExhibitions(_ wanted: Int, _ data: inout Dataset, _ rng: inout SplitMix64, _ ctx: CommandContext,
                               pools: [CraftCategory: [EntityID]], everyone: [EntityID]) {
        let v = DemoVocabulary.self
        var added = 0
        // Last year, this year and next first (all a small demo needs), then earlier years;
        // a large demo (one exhibition per 100 artisans) has further rounds of the same fairs,
        // numbered, rather than fairs a century away (or none: dates end at 2200).
        let years = [ctx.today.year - 1, ctx.today.year, ctx.today.year + 1] + (2...10).map { ctx.today.year - $0 }
        var yearIndex = 0
        var round = 1
        var idleYears = 0
        // A fair's pool (the artisans of its categories) is made once, not per exhibition:
        // copying it for each of N/100 exhibitions made a large demo quadratic.
        var poolOf: [[CraftCategory]: [EntityID]] = [:]
        while added < wanted {
            let year = years[yearIndex]
            let addedBefore = added
            defer {
                yearIndex += 1
                if yearIndex == years.count { yearIndex = 0; round += 1 }
            }
            for fair in v.fairs where added < wanted {
                guard let start = CivilDate(year: year, month: fair.month, day: fair.day) else { continue }
                var e = Exhibition(id: EntityID(.exhibition, 1), name: "\(fair.name) \(year)" + (round > 1 ? " #\(round)" : ""), level: fair.level,
                                   start: start, end: start.adding(days: fair.days - 1))
                e.organiser = fair.organiser
                e.venue = fair.venue
                e.city = fair.city
                e.country = "Indonesia"
                e.boothCost = fair.level == .lokal ? 500_000 : fair.level == .regional ? 3_500_000 : 12_500_000
                e.payer = fair.level == .lokal ? .mandiri : (rng.chance(0.6) ? .dekranasda : .shared)
                e.status = e.end < ctx.today ? .done : (start <= ctx.today ? .open : .planned)
                guard let eid = data.apply(.addExhibition(e), ctx)?.exhibitions.first?.id else { continue }
                added += 1
                let pool: [EntityID]
                if let categories = fair.categories {
                    if let made = poolOf[categories] { pool = made } else {
                        pool = categories.flatMap { pools[$0] ?? [] }
                        poolOf[categories] = pool
                    }
                } else { pool = everyone }
                guard !pool.isEmpty else { continue }
                let count = min(pool.count, rng.int(5...14))
                var chosen = Set<EntityID>()
                var booth = 0
                for _ in 0..<(count * 3) where chosen.count < count {
                    let aid = rng.pick(pool)
                    guard chosen.insert(aid).inserted else { continue }
                    data.apply(.propose(exhibition: eid, artisan: aid), ctx)
                    let past = e.status == .done
                    let curation: Curation = rng.chance(past ? 0.85 : 0.5) ? .accepted : (rng.chance(0.5) ? .proposed : .rejected)
                    if curation != .proposed { data.apply(.setCuration(exhibition: eid, artisan: aid, curation: curation), ctx) }
                    guard curation == .accepted else { continue }
                    booth += 1
                    data.apply(.assignBooth(exhibition: eid, artisan: aid, booth: "\(["A", "B", "C"][booth % 3])-\(pad(booth, 2))"), ctx)
                    if past {
                        let transactions = rng.int(3...60)
                        data.apply(.recordSales(exhibition: eid, artisan: aid, sales: Int64(transactions) * rng.int64(40_000...600_000) / 1000 * 1000,
                                                transactions: transactions, leads: rng.int(0...8)), ctx)
                    }
                }
            }
            // A year after year where no fair could be added (refused): stop rather than spin.
            idleYears = added == addedBefore ? idleYears + 1 : 0
            if idleYears > years.count { break }
        }
    }
}

extension DemoData {
    /// The council's own fairs in Malang, placed around `today` so the agenda always has
    /// something close; one artisan is also booked as a speaker at a Bimtek during the fair,
    /// so the demo shows an overlapping booking.
    static func addLocalFairs(_ data: inout Dataset, _ rng: inout SplitMix64, _ ctx: CommandContext,
                              pools: [CraftCategory: [EntityID]], everyone: [EntityID]) {
        let fairs: [(String, String, Int, CraftCategory?)] = [
            ("Dekranasda Festival", "Alun-Alun Merdeka", 18, nil),
            ("Pameran Keramik dan Gerabah Dinoyo", "Kampung Keramik Dinoyo", 44, .keramikGerabah),
            ("Malang Craft Week", "Malang Creative Center", -60, nil),
        ]
        for (name, venue, offset, category) in fairs {
            let start = ctx.today.adding(days: offset)
            var e = Exhibition(id: EntityID(.exhibition, 1), name: "\(name) \(start.year)", level: .lokal,
                               start: start, end: start.adding(days: 2))
            e.organiser = "Dekranasda Kota Malang"
            e.venue = venue
            e.city = "Malang"
            e.country = "Indonesia"
            e.boothCost = 500_000
            e.payer = .dekranasda
            e.status = e.end < ctx.today ? .done : .planned
            guard let eid = data.apply(.addExhibition(e), ctx)?.exhibitions.first?.id else { continue }
            let pool = category.map { pools[$0] ?? [] } ?? everyone
            var chosen = Set<EntityID>()
            for _ in 0..<30 where chosen.count < 8 && !pool.isEmpty {
                let aid = rng.pick(pool)
                guard chosen.insert(aid).inserted else { continue }
                data.apply(.propose(exhibition: eid, artisan: aid), ctx)
                data.apply(.setCuration(exhibition: eid, artisan: aid, curation: .accepted), ctx)
                data.apply(.assignBooth(exhibition: eid, artisan: aid, booth: "D-\(pad(chosen.count, 2))"), ctx)
                if e.status == .done {
                    let n = rng.int(5...40)
                    data.apply(.recordSales(exhibition: eid, artisan: aid, sales: Int64(n) * rng.int64(30_000...250_000) / 1000 * 1000,
                                            transactions: n, leads: rng.int(0...5)), ctx)
                }
            }
            // The overlap example: a session running during the first fair, with one exhibitor as speaker.
            if offset == 18, let speaker = chosen.sorted().first {
                var s = BimtekSession(id: EntityID(.session, 1), title: "Kurasi Produk untuk Pameran", organiser: "Dekranasda Kota Malang",
                                      venue: "Aula Balai Kota Malang", start: start.adding(days: 1), end: start.adding(days: 1))
                s.topic = "kurasi produk"
                s.partner = "Universitas Negeri Malang"
                s.capacity = 25
                s.startTime = ClockTime(hour: 9, minute: 0)
                s.graceMinutes = 15
                guard let sid = data.apply(.addSession(s), ctx)?.sessions.first?.id else { continue }
                data.apply(.enrol(session: sid, artisan: speaker, role: .narasumber), ctx)
                for aid in pool.prefix(12) where aid != speaker {
                    data.apply(.enrol(session: sid, artisan: aid, role: .peserta), ctx)
                }
            }
        }
    }
}

extension Dataset {
    /// Plans and commits in one step, for in-memory builders like the demo; nil on error.
    @discardableResult
    mutating func apply(_ command: Command, _ ctx: CommandContext) -> Change? {
        guard let change = try? plan(command, ctx, audit: false) else { return nil }
        commit(change)
        return change
    }
}

/// A small, fast, seedable generator (SplitMix64) so demo data is the same on every machine.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func int64(_ range: ClosedRange<Int64>) -> Int64 { Int64.random(in: range, using: &self) }
    mutating func double() -> Double { Double(next() >> 11) / Double(1 << 53) }
    mutating func chance(_ p: Double) -> Bool { double() < p }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}
