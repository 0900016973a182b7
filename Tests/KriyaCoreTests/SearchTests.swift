import Testing
import KriyaText
@testable import KriyaCore

@Suite struct SearchTests {
    static let people: [Artisan] = {
        var list = [
            Fixture.artisan("Siti Rahayu", phone: "0812-0000-0001", kelurahan: "Dinoyo", business: "Keramik Sekar Dinoyo"),
            Fixture.artisan("Rahayu Wati", phone: "0812-0000-0002", kelurahan: "Tasik Madu", business: "Rotan Asri", category: .rotanBambuFurnitur),
            Fixture.artisan("Réni Susanti", phone: "0813-0000-0003", kelurahan: "Polowijen", business: "Batik Teratai", category: .batik),
            Fixture.artisan("Budi Santoso", phone: "0812-0000-0004", kelurahan: "Purwantoro", business: "Keripik Tempe Sanan", category: .makananOlahan),
            Fixture.artisan("Ahmad Siti", phone: "0812-0000-0005", kelurahan: "Oro-oro Dowo", business: "Topeng Panji", category: .kayuUkirTopeng),
        ]
        list[3].products = [Product(name: "Keripik tempe", price: 15_000)]
        list[1].brand = "Asri Craft"
        for i in list.indices { list[i].id = EntityID(.artisan, i + 1) }
        return list
    }()
    let index = SearchIndex(SearchTests.people)

    func names(_ query: String) -> [String] { index.search(query).map { SearchTests.people[$0].name } }

    @Test func namePrefixComesFirst() {
        #expect(names("siti") == ["Siti Rahayu", "Ahmad Siti"])
        #expect(names("rahayu") == ["Rahayu Wati", "Siti Rahayu"])
    }

    @Test func caseAndAccentsAreIgnored() {
        #expect(names("RENI") == ["Réni Susanti"])
        #expect(names("réni") == ["Réni Susanti"])
    }

    @Test func everyWordMustMatchSomewhere() {
        #expect(names("rahayu dinoyo") == ["Siti Rahayu"])
        // Two Sitis match "siti ra" (the other through "Rotan Anugerah"): the one whose name
        // holds both words comes first, though "Fauzi" sorts before "Rahayu".
        let sitis = SearchIndex([SearchTests.people[0], Fixture.artisan("Siti Fauzi", phone: "0812-0000-0009", business: "Rotan Anugerah")])
        #expect(sitis.search("siti ra") == [0, 1])
        #expect(sitis.search("siti") == [1, 0])
        // A name whose word starts with "ra" beats one with "ra" inside a word (Anggraini).
        let three = SearchIndex([Fixture.artisan("Siti Anggraini", phone: "0812-0000-0007"), SearchTests.people[0]])
        #expect(three.search("siti ra") == [1, 0])
        #expect(names("keripik purwantoro") == ["Budi Santoso"])
        #expect(names("keramik lowokwaru") == ["Siti Rahayu"])
        #expect(names("rahayu blimbing").isEmpty)
    }

    @Test func brandProductsCategoryAndPlaceVariants() {
        #expect(names("asri craft") == ["Rahayu Wati"])
        #expect(names("tempe") == ["Budi Santoso"])
        #expect(names("tasikmadu") == ["Rahayu Wati"])
        #expect(names("oroorodowo") == ["Ahmad Siti"])
        #expect(names("batik") == ["Réni Susanti"])
    }

    @Test func phoneDigitsInAnyForm() {
        #expect(names("0812-0000-0004") == ["Budi Santoso"])
        #expect(names("081200000004") == ["Budi Santoso"])
        #expect(names("+62813") == ["Réni Susanti"])
    }

    /// Phones are held once, national: a number typed international (with or without its
    /// plus, whole or begun, alone or with a name) finds the phone that starts so, and digits
    /// starting with 62 inside a number are still found; a field other than the main ones
    /// (a product) starting with the digits is not a phone.
    @Test func internationalDigitsFindTheNationalPhone() {
        var people = SearchTests.people
        people.append(Fixture.artisan("Yanti Dewi", phone: "0856-6281-2345", kelurahan: "Dinoyo", business: "Gerabah Yanti"))
        people[5].id = EntityID(.artisan, 6)
        people[2].products = [Product(name: "0812 lampu")]   // Réni's phone is 0813
        let index = SearchIndex(people)
        let names = { (q: String) in index.search(q).map { people[$0].name } }
        #expect(names("62812") == ["Ahmad Siti", "Budi Santoso", "Rahayu Wati", "Siti Rahayu", "Yanti Dewi"])
        #expect(names("+62812") == names("62812"))
        #expect(names("6281200000004") == ["Budi Santoso"])
        #expect(names("+62 812-0000-0004") == ["Budi Santoso"])
        #expect(names("+628130") == ["Réni Susanti"])
        #expect(names("628123") == ["Yanti Dewi"], "inside a number")
        #expect(names("siti 62812") == ["Siti Rahayu", "Ahmad Siti"])
        #expect(Set(names("62812 siti")) == Set(names("siti 62812")), "the same people, ordered by the first word")
        #expect(names("0812").contains("Réni Susanti"), "the product, as before")
        #expect(names("62813 budi").isEmpty)
        // Narrowing agrees with a fresh search, and every core's piece with one scan.
        #expect(index.search("628120", within: index.search("62812")) == index.search("628120"))
        var pieces = index
        pieces.parallelFrom = 2
        for q in ["62812", "+62813", "628123", "siti 62812", "0812", "6200"] { #expect(pieces.search(q) == index.search(q), "\(q)") }
    }

    @Test func emptyQueryListsEveryoneByName() {
        #expect(names("") == ["Ahmad Siti", "Budi Santoso", "Rahayu Wati", "Réni Susanti", "Siti Rahayu"])
    }

    @Test func narrowingAgreesWithAFreshSearch() {
        let first = index.search("r")
        #expect(index.search("ra", within: first) == index.search("ra"))
    }

    @Test func mainFieldsOutrankAMentionInAProduct() {
        var agus = Fixture.artisan("Agus", phone: "0812-0000-0011", kelurahan: "Sumbersari", business: "Sentra Keramik Wijaya")
        agus.products = [Product(name: "Vas keramik Dinoyo")]
        let eko = Fixture.artisan("Eko", phone: "0812-0000-0012", kelurahan: "Dinoyo", business: "Keramik Tunggal")
        let people = [agus, eko]
        let index = SearchIndex(people)
        #expect(index.search("keramik dinoyo").map { people[$0].name } == ["Eko", "Agus"])
    }

    @Test func appendingFindsWhatAFreshIndexFinds() {
        let demo = DemoData.make(artisans: 400, today: Fixture.today).artisans.items
        var grown = SearchIndex(Array(demo.prefix(250)))
        grown.append(contentsOf: demo[250...])
        let fresh = SearchIndex(demo)
        for q in ["", "a", "siti", "keramik dinoyo", "0812", "rotan", "sri w", "tempe", "zzz"] {
            #expect(grown.search(q) == fresh.search(q), "query \(q)")
        }
    }

    /// Property: on random data, the index finds exactly what a slow, obvious search finds.
    @Test func matchesABruteForceSearch() {
        let demo = DemoData.make(artisans: 400, today: Fixture.today).artisans.items
        let index = SearchIndex(demo)
        var rng = SplitMix64(seed: 42)
        for _ in 0..<200 {
            let source = demo[Int.random(in: 0..<demo.count, using: &rng)]
            let words = (source.name + " " + source.business).split(separator: " ")
            let word = String(words[Int.random(in: 0..<words.count, using: &rng)])
            let start = Int.random(in: 0..<max(1, word.count - 2), using: &rng)
            let fragment = String(word.dropFirst(start).prefix(Int.random(in: 2...5, using: &rng)))
            let found = Set(index.search(fragment))
            let folded = Fold.string(fragment)
            let expected = Set(demo.indices.filter { i in
                let a = demo[i]
                let kel = Wilayah.kelurahan(code: a.kelurahan)!
                let text = [a.name, a.business, a.brand ?? "", kel.name, Fold.compact(kel.name), Wilayah.kecamatan(code: kel.kecamatanCode)!.name,
                            a.category.label(.id), a.category.label(.en)] + a.products.map(\.name) + kel.variants
                return text.contains { Fold.string($0).contains(folded) }
            })
            #expect(found == expected, "query \(fragment)")
        }
    }
}

@Suite struct ParallelIndexTests {
    /// A large index is folded on every core; it must find exactly what one built piece by
    /// piece (as colleagues' new records are appended) finds, in the same order.
    @Test func foldedInPiecesFindsTheSame() {
        let artisans = DemoData.make(artisans: 24_000, today: Fixture.today, user: "t").artisans.items
        let whole = SearchIndex(artisans)
        var pieces = SearchIndex()
        for start in stride(from: 0, to: artisans.count, by: 7_000) {
            pieces.append(contentsOf: artisans[start..<min(artisans.count, start + 7_000)])
        }
        #expect(whole.count == artisans.count && pieces.count == artisans.count)
        for query in ["siti", "keramik dinoyo", "0812", "rotan", "lowokwaru batik", "agus s", ""] {
            #expect(whole.search(query) == pieces.search(query), "\(query)")
        }
    }

    /// A large index is also searched on every core, each piece into its own bitmaps; the
    /// answer (order and scores), fresh or narrowed, must be one scan's. Queries from the
    /// records themselves (name starts, words, places, products, phones) and a few by hand.
    @Test func searchedInPiecesFindsTheSame() {
        let artisans = DemoData.make(artisans: 3_000, today: Fixture.today, user: "t").artisans.items
        let one = SearchIndex(artisans)
        var many = one
        many.parallelFrom = 1
        var rng = SplitMix64(seed: 5)
        var queries = ["s", "a", "siti", "keramik dinoyo", "0812", "rotan", "lowokwaru batik", "agus s", "batik malang", "zzz"]
        for _ in 0..<60 {
            let a = artisans[rng.int(0...(artisans.count - 1))]
            let words = (a.name + " " + a.business).split(separator: " ")
            queries.append([String(words[0].prefix(rng.int(1...4))), String(a.phone.suffix(5)),
                            words.map { String($0.prefix(3)) }.joined(separator: " "),
                            (a.products.first?.name ?? "tas") + " " + String(a.name.prefix(2))][rng.int(0...3)])
        }
        for query in queries {
            #expect(one.hits(query) == many.hits(query), "\(query)")
            let earlier = one.search(String(query.prefix(1)))
            #expect(one.search(query, within: earlier) == many.search(query, within: earlier), "narrowed \(query)")
        }
        #expect(!many.hits("s").isEmpty && many.hits("s").count == one.hits("s").count)
    }
}
