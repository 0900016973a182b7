import Foundation
import Testing
@testable import KriyaCore

/// Issue 18, memory: an artisan's rarely shown fields packed in one buffer read back exactly,
/// one at a time or all at once, and the record still compares, hashes, encodes and is audited
/// field by field as when every field was stored.
@Suite struct PackedDetailsTests {
    /// Details with every field set, from a seed: long and short texts (inline and heap
    /// strings), empty strings, emoji, negative and large numbers, dates at both ends.
    static func details(_ seed: UInt64) -> ArtisanDetails {
        var rng = SplitMix64(seed: seed)
        func text() -> String? {
            switch rng.int(0...5) {
            case 0: return nil
            case 1: return ""
            case 2: return "Jl. Raya Tlogomas No. \(rng.int(1...999)), Dinoyo, Lowokwaru"
            case 3: return "Batik 🎨 \(rng.int(0...99))"
            case 4: return String(repeating: "é", count: rng.int(1...300))
            default: return "x\(rng.int(0...9))"
            }
        }
        func date() -> CivilDate? {
            rng.chance(0.3) ? nil : CivilDate(year: rng.int(1900...2200), month: rng.int(1...12), day: rng.int(1...28))
        }
        var d = ArtisanDetails()
        d.phoneTyped = text(); d.email = text(); d.kbli = text()
        for field in ArtisanTextField.allCases { d[field] = text() }
        d.workers = rng.chance(0.3) ? nil : [0, 1, 63, 64, 127, 128, 16_384, -5, Int(Int32.max)][rng.int(0...8)]
        for _ in 0..<rng.int(0...4) {
            let price: Int64? = rng.chance(0.3) ? nil : [0, 500, 1_630_000, -1, Int64.max, Int64.min][rng.int(0...5)]
            d.products.append(Product(name: text() ?? "", price: price))
        }
        for _ in 0..<rng.int(0...4) {
            d.certifications.append(Certification(kind: CertificationKind.allCases[rng.int(0...5)], number: text(),
                                                  issued: date(), validUntil: date()))
        }
        d.memberSince = date(); d.notes = text(); d.nik = text(); d.unknownMembers = text()
        return d
    }

    @Test func everyFieldReadsBackWholeAndOneAtATime() {
        for seed in 0..<500 as Range<UInt64> {
            let d = Self.details(seed)
            var a = Fixture.artisan()
            a.details = d
            #expect(a.details == d, "seed \(seed)")
            #expect(a.phoneTyped == d.phoneTyped && a.email == d.email && a.address == d.address && a.brand == d.brand)
            #expect(a.kbli == d.kbli && a.workers == d.workers && a.products == d.products)
            #expect(a.certifications == d.certifications && a.memberSince == d.memberSince && a.notes == d.notes)
            #expect(a.nik == d.nik && a.unknownMembers == d.unknownMembers)
            // The duplicate check's in-place comparison: equal only to the exact value.
            #expect(a.hasNIK(d.nik ?? "3573010101010001") == (d.nik != nil) && !a.hasNIK((d.nik ?? "") + "0"))
            for kind in CertificationKind.allCases {
                #expect(a.holds(kind) == d.certifications.contains { $0.kind == kind }, "seed \(seed) \(kind)")
            }
        }
    }

    /// The business name, packed first: whatever its length (one- and two-byte length
    /// prefixes, empty, emoji), it survives setting the details, and setting it keeps them.
    @Test func theBusinessNameIsPackedWithTheDetails() {
        for (seed, business) in ["", "Batik", "Keramik Sekar Dinoyo Lowokwaru", "Kopi ☕ Malang", String(repeating: "é", count: 70),
                                 String(repeating: "x", count: 127), String(repeating: "y", count: 128), String(repeating: "z", count: 20_000)].enumerated() {
            let d = Self.details(UInt64(seed))
            var a = Artisan(id: EntityID(.artisan, 7), name: "Siti", phone: "+6281200000001", kelurahan: "35.73.05.1004",
                            business: business, category: .batik)
            #expect(a.business == business && a.details == ArtisanDetails())
            a.details = d
            #expect(a.business == business && a.details == d, "\(business.prefix(10))")
            a.business = "Baru " + business
            #expect(a.business == "Baru " + business && a.details == d)
            var b = Artisan(id: EntityID(.artisan, 7), name: "Siti", phone: "+6281200000001", kelurahan: "35.73.05.1004",
                            business: "", category: .batik)
            b.set(business: "Baru " + business, details: d)
            #expect(a == b && a.hashValue == b.hashValue)
            b.business = business
            #expect(a != b)
        }
    }

    @Test func settingOneFieldLeavesTheOthers() {
        for seed in 0..<200 as Range<UInt64> {
            var a = Fixture.artisan()
            a.details = Self.details(seed)
            var expected = a.details
            let other = Self.details(seed + 1000)
            a.address = other.address
            a.products.append(Product(name: "Tas kulit", price: 250_000))
            a.certifications = other.certifications
            a.workers = other.workers
            expected.address = other.address
            expected.products.append(Product(name: "Tas kulit", price: 250_000))
            expected.certifications = other.certifications
            expected.workers = other.workers
            #expect(a.details == expected, "seed \(seed)")
        }
    }

    /// Equal records are equal (and hash alike) whatever order their fields were set in;
    /// records that differ in one packed field are not.
    @Test func equalityFollowsTheValues() {
        for seed in 0..<200 as Range<UInt64> {
            let d = Self.details(seed)
            var one = Fixture.artisan(), two = Fixture.artisan()
            one.details = d
            two.nik = d.nik; two.notes = d.notes; two.memberSince = d.memberSince
            two.certifications = d.certifications; two.products = d.products; two.workers = d.workers
            two.kbli = d.kbli
            for field in ArtisanTextField.allCases.reversed() { two[text: field] = d[field] }
            two.email = d.email; two.phoneTyped = d.phoneTyped; two.unknownMembers = d.unknownMembers
            #expect(one == two && one.hashValue == two.hashValue, "seed \(seed)")
            two.notes = (d.notes ?? "") + "!"
            #expect(one != two)
        }
    }

    /// `--json` and the audit see the same fields, by the same names, as before packing.
    @Test func jsonAndTheAuditSeeEveryField() throws {
        var a = Fixture.artisan()
        a.address = "Jl. Mayjen Panjaitan No. 12, Penanggungan"
        a.products = [Product(name: "Keramik hias", price: 75_000)]
        a.certifications = [Certification(kind: .halal, number: "ID35110000123456", issued: CivilDate(year: 2024, month: 2, day: 1))]
        a.memberSince = CivilDate(year: 2021, month: 1, day: 1)
        let json = try JSONEncoder().encode(a)
        let object = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(object["address"] as? String == a.address)
        #expect((object["products"] as? [[String: Any]])?.first?["name"] as? String == "Keramik hias")
        #expect(try JSONDecoder().decode(Artisan.self, from: json) == a)

        var b = a
        b.address = "Jl. Bendungan Sutami No. 3"
        b.certifications = []
        b.name = "Siti R."
        let changed = FieldDiff.between(a, b).map(\.field)
        #expect(changed == ["name", "address", "certifications"])
        let labels = Mirror(reflecting: a).children.compactMap(\.label)
        #expect(labels.first == "id" && labels.contains("products") && labels.contains("nik") && !labels.contains("packed"))
    }
}
