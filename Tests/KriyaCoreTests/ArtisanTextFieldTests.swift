import Foundation
import Testing
@testable import KriyaCore

/// Issue 32, finding 4: an artisan's plain text details are one table. Each entry is read by
/// every layer (these tests by the core's; the store's, the console's and the CLI's have their
/// own), so a field added to the table is typed, checked, stored, shown and exchanged.
@Suite struct ArtisanTextFieldTests {
    @Test func everyEntryHasALabelInBothLanguagesAndAShortPlainName() {
        for field in ArtisanTextField.allCases {
            for lang in Lang.allCases {
                #expect(field.label(lang) != field.rawValue, "\(field) has no label in \(lang)'s values table")
            }
            // The files' reader matches names of at most 24 bytes; letters only keep `--set` and `--map` simple.
            #expect(field.rawValue.utf8.count <= 24 && field.rawValue.allSatisfy { $0.isASCII && $0.isLetter })
            #expect(ArtisanField(rawValue: field.rawValue) == .text(field))
            #expect(ArtisanTextField.ordered[field.index] == field, "\(field): its index is its place in the table")
            #expect(field.rule.headings.allSatisfy { HeaderMap.key($0) == $0 }, "\(field): headings are folded")
        }
    }

    @Test func fieldsAreAtTheirPlacesInEveryOrder() {
        let all = ArtisanField.allCases
        #expect(all.count == Set(all).count)
        for field in ArtisanTextField.allCases {
            #expect(all.contains(.text(field)))
        }
        // The files' and spreadsheets' order is what it was for the fields that were there.
        #expect(all.prefix(11).map(\.rawValue) == ["id", "name", "gender", "phone", "email", "address", "kelurahan", "kecamatan",
                                                  "business", "brand", "instagram"])
        #expect(all.firstIndex(of: .text(.marketplace)) == all.firstIndex(of: .text(.instagram))! + 1)
        // A list that leaves fields out: they follow theirs; one whose field is absent comes last.
        #expect(ArtisanTextField.placed(in: [.name, .business]) == [.name, .business, .brand, .text(.instagram), .text(.marketplace), .address])
    }

    @Test func anAccountIsKeptAsItsNameHoweverItIsTyped() {
        let ig = ArtisanTextField.instagram
        for typed in ["@Batik.Sekar", "batik.sekar", "  @batik.sekar ", "instagram.com/batik.sekar",
                      "https://www.instagram.com/Batik.Sekar/?hl=id", "http://instagram.com/batik.sekar/"] {
            #expect(ig.stored(from: typed) == "@batik.sekar", "\(typed)")
        }
        for bad in ["batik sekar", "@", "https://www.instagram.com/", "batik#sekar", "bátik", String(repeating: "a", count: 31)] {
            #expect(ig.stored(from: bad) == nil, "\(bad)")
            #expect(ig.problem(with: bad) == .invalidHandle(bad))
        }
        #expect(ig.problem(with: "@batik.sekar") == nil)
        let shop = ArtisanTextField.marketplace
        #expect(shop.stored(from: "tokopedia.com/sekar-dinoyo") == "https://tokopedia.com/sekar-dinoyo")
        #expect(shop.stored(from: "https://shopee.co.id/sekar") == "https://shopee.co.id/sekar")
        for bad in ["shopee", "toko sekar", "https://", "https://.com/x", "tokopedia.com/\u{1B}[2J"] {
            #expect(shop.stored(from: bad) == nil, "\(bad)")
        }
        #expect(ArtisanTextField.brand.stored(from: " Sekar ") == "Sekar")
    }

    /// Typed (`kriya add`, the form, a sheet): kept as stored; a bad one refused with its field.
    @Test func typedTextIsStoredInItsShapeAndABadOneIsNamed() {
        var t = ArtisanText()
        t[.name] = "Siti"; t[.phone] = "0812-0000-1234"; t[.kelurahan] = "Dinoyo"; t[.business] = "Sekar"; t[.category] = "batik"
        t[.text(.instagram)] = "instagram.com/Batik.Sekar"
        t[.text(.marketplace)] = "tokopedia.com/sekar"
        let (a, _, problems) = t.checked()
        #expect(problems.isEmpty, "\(problems)")
        #expect(a[text: .instagram] == "@batik.sekar" && a[text: .marketplace] == "https://tokopedia.com/sekar")
        // Back to text for the edit form and the export: as stored.
        #expect(ArtisanText(a, lang: .id)[.text(.instagram)] == "@batik.sekar")

        t[.text(.instagram)] = "batik sekar"
        t[.text(.marketplace)] = "shopee"
        let refused = t.checked().problems
        #expect(refused.contains(FieldError("instagram", .invalidHandle("batik sekar"))))
        #expect(refused.contains(FieldError("marketplace", .invalidLink("shopee"))))
        #expect(L10n.problem(.invalidHandle("x y"), .id).contains("nama akun"))
    }

    /// Packed, audited, merged, taken from an import, found by a search: by the table.
    @Test func theRecordCarriesThemEverywhere() throws {
        var a = Fixture.artisan()
        a[text: .instagram] = "@batik.sekar"
        #expect(a.details[.instagram] == "@batik.sekar" && a[text: .marketplace] == nil)
        var b = a
        b[text: .marketplace] = "https://tokopedia.com/sekar"
        #expect(a != b)
        let diff = FieldDiff.between(a, b)
        #expect(diff == [FieldChange(field: "marketplace", from: "", to: "https://tokopedia.com/sekar")])
        #expect(ChangeWords.field("marketplace", .id) == "Toko online")

        var c = Fixture.artisan()
        c.fill(from: b)
        #expect(c[text: .instagram] == "@batik.sekar" && c[text: .marketplace] == "https://tokopedia.com/sekar")
        var d = Fixture.artisan()
        d.take(b, fields: [.text(.marketplace)])
        #expect(d[text: .marketplace] == "https://tokopedia.com/sekar" && d[text: .instagram] == nil)

        let json = try JSONEncoder().encode(b)
        let text = String(decoding: json, as: UTF8.self)
        #expect(text.contains("\"instagram\":\"@batik.sekar\""))
        #expect(try JSONDecoder().decode(Artisan.self, from: json) == b)

        var people = SearchTests.people
        people[2][text: .instagram] = "@teratai.malang"
        let index = SearchIndex(people)
        #expect(index.search("teratai.malang") == [2] && index.search("teratai malang") == [2])
        #expect(!SearchIndex.sameText(a, { var x = a; x[text: .instagram] = "@lain"; return x }()))
    }
}
