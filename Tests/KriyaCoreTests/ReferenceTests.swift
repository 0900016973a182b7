import Testing
@testable import KriyaCore

@Suite struct WilayahTests {
    @Test func fiveKecamatanAndFiftySevenKelurahan() {
        #expect(Wilayah.kecamatan.count == 5)
        #expect(Wilayah.kelurahan.count == 57)
        #expect(Set(Wilayah.kelurahan.map(\.code)).count == 57)
    }

    @Test func codesFollowTheOfficialOrder() {
        #expect(Wilayah.resolveKelurahan("Dinoyo")?.code == "35.73.05.1004")
        #expect(Wilayah.resolveKelurahan("Balearjosari")?.code == "35.73.01.1001")
        #expect(Wilayah.resolveKelurahan("Tlogowaru")?.code == "35.73.03.1012")
        #expect(Wilayah.kecamatan(ofKelurahan: "35.73.05.1004")?.name == "Lowokwaru")
    }

    @Test(arguments: [
        ("Tasikmadu", "Tasik Madu"), ("Rampal Celaket", "Rampalcelaket"), ("Gadingkasri", "Gading Kasri"),
        ("Bakalan Krajan", "Bakalankrajan"), ("Kota Lama", "Kotalama"), ("Kidul Dalem", "Kiduldalem"),
        ("Oro Oro Dowo", "Oro-oro Dowo"), ("oro-oro dowo", "Oro-oro Dowo"), ("DINOYO", "Dinoyo"),
        ("3573051004", "Dinoyo"), ("35.73.02.1008", "Oro-oro Dowo"),
    ])
    func spellingVariantsResolve(input: String, expected: String) {
        #expect(Wilayah.resolveKelurahan(input)?.name == expected)
    }

    @Test func unknownPlacesDoNotResolve() {
        #expect(Wilayah.resolveKelurahan("Dinoyoo") == nil)
        #expect(Wilayah.resolveKelurahan("") == nil)
        #expect(Wilayah.resolveKecamatan("Batu") == nil)
        #expect(Wilayah.resolveKecamatan("lowokwaru")?.code == "35.73.05")
        #expect(Wilayah.resolveKecamatan("357301")?.name == "Blimbing")
    }
}

@Suite struct CategoryTests {
    @Test func twelveCategoriesWithBothLabels() {
        #expect(CraftCategory.allCases.count == 12)
        for c in CraftCategory.allCases {
            #expect(!c.label(.id).isEmpty && !c.label(.en).isEmpty)
        }
    }

    @Test func resolvesKeysLabelsAndUnambiguousPrefixes() {
        #expect(CraftCategory.resolve("keramik_gerabah") == .keramikGerabah)
        #expect(CraftCategory.resolve("Keramik & Gerabah") == .keramikGerabah)
        #expect(CraftCategory.resolve("ceramics & pottery") == .keramikGerabah)
        #expect(CraftCategory.resolve("keramik") == .keramikGerabah)
        #expect(CraftCategory.resolve("Processed food") == .makananOlahan)
        #expect(CraftCategory.resolve("batik") == .batik)
        #expect(CraftCategory.resolve("k") == nil)        // kayu, keramik, kulit…
        #expect(CraftCategory.resolve("plastik") == nil)
    }
}

@Suite struct ValueParsingTests {
    @Test(arguments: [
        ("0812-0000-1234", "+6281200001234"), ("+62 812 0000 1234", "+6281200001234"),
        ("6281200001234", "+6281200001234"), ("(0812) 0000.1234", "+6281200001234"), ("0812000012", "+62812000012"),
    ])
    func phonesNormalise(input: String, expected: String) throws {
        #expect(try Phone.normalise(input).get() == expected)
    }

    @Test func badPhonesSayWhy() {
        #expect(Phone.normalise("0341-551234") == .failure(.notMobile))
        #expect(Phone.normalise("0812-345") == .failure(.wrongLength(7)))
        #expect(Phone.normalise("08123456789012") == .failure(.wrongLength(14)))
        #expect(Phone.normalise("call me") == .failure(.notAPhoneNumber))
        #expect(Phone.national("+6281200001234") == "081200001234")
    }

    @Test func datesAsIndonesiansWriteThem() {
        let d = CivilDate(year: 2020, month: 9, day: 16)!
        for text in ["16/09/2020", "16/9/2020", "16-09-2020", "2020-09-16", "16 Sep 2020", "16 September 2020", "16 sept 2020"] {
            #expect(DateInput.parse(text) == d, "\(text)")
        }
        #expect(DateInput.parse("17 Agustus 1945") == CivilDate(year: 1945, month: 8, day: 17))
        #expect(DateInput.parse("1 Okt 2026") == CivilDate(year: 2026, month: 10, day: 1))
        #expect(DateInput.parse("31/02/2026") == nil)
        #expect(DateInput.parse("2026-13-01") == nil)
        #expect(DateInput.parse("besok") == nil)
        #expect(d.weekdayName(.id) == "Rabu")
        #expect(d.weekdayName(.en) == "Wednesday")
        #expect(d.numeric == "16/09/2020")
        #expect(CivilDate(year: 2026, month: 8, day: 17)!.short(.id) == "17 Agu 2026")
    }

    @Test func dayNumbersRoundTrip() {
        var rng = SplitMix64(seed: 7)
        for _ in 0..<2000 {
            let n = Int.random(in: -25_000...80_000, using: &rng)
            let d = CivilDate(dayNumber: n)
            #expect(d.dayNumber == n)
            #expect(CivilDate(year: d.year, month: d.month, day: d.day) == d)
            #expect(d.adding(days: 1) > d)
        }
        #expect(CivilDate(year: 1970, month: 1, day: 1)!.dayNumber == 0)
        #expect(CivilDate(year: 2024, month: 2, day: 29) != nil)
        #expect(CivilDate(year: 2100, month: 2, day: 29) == nil)
    }

    @Test func rupiahInAndOut() {
        #expect(Rupiah.format(7_350_000) == "Rp7.350.000")
        #expect(Rupiah.format(500) == "Rp500")
        #expect(Rupiah.format(0) == "Rp0")
        // Narrow columns: the office's short form, which the input reads back.
        #expect(Rupiah.short(850_000) == "Rp850.000")
        #expect(Rupiah.short(1_250_000) == "Rp1,25 jt")
        #expect(Rupiah.short(7_500_000) == "Rp7,5 jt")
        #expect(Rupiah.short(12_000_000) == "Rp12 jt")
        #expect(Rupiah.short(2_100_000_000) == "Rp2,1 M")
        #expect(Rupiah.short(1_050_000) == "Rp1,05 jt")
        #expect(Rupiah.parse(String(Rupiah.short(1_250_000).dropFirst(2))) == 1_250_000)
        for (text, value) in [("7350000", 7_350_000), ("7.350.000", 7_350_000), ("Rp7.350.000", 7_350_000),
                              ("Rp 7.350.000,00", 7_350_000), ("7,35 jt", 7_350_000), ("7,35jt", 7_350_000),
                              ("500 rb", 500_000), ("1,2 M", 1_200_000_000), ("2 juta", 2_000_000)] as [(String, Int64)] {
            #expect(Rupiah.parse(text) == value, "\(text)")
        }
        for bad in ["7.35.000", "tujuh juta", "", "1.2.3", "Rp"] {
            #expect(Rupiah.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func idsParseAndPrint() {
        #expect(EntityID("A-000123") == EntityID(.artisan, 123))
        #expect(EntityID("a-123") == EntityID(.artisan, 123))
        #expect(EntityID("B7")?.description == "B-000007")
        #expect(EntityID("P-1234567")?.description == "P-1234567")
        #expect(EntityID("X-1") == nil)
        #expect(EntityID("A-") == nil)
        #expect(EntityID("A-0") == nil)
    }
}

@Suite struct NearestKelurahanTests {
    @Test func aSlipGetsADidYouMean() {
        #expect(Wilayah.nearestKelurahan("Dinoyoo")?.name == "Dinoyo")
        #expect(Wilayah.nearestKelurahan("sumbersar")?.name == "Sumbersari")
        #expect(Wilayah.nearestKelurahan("Jakarta") == nil && Wilayah.nearestKelurahan("Kota") == nil)
        #expect(L10n.problem(.unknownKelurahan("Blimbimg"), .en) == "\"Blimbimg\" is not a kelurahan of Kota Malang; did you mean Blimbing (Blimbing)?")
        #expect(L10n.problem(.unknownKelurahan("Jakarta"), .en) == "\"Jakarta\" is not a kelurahan of Kota Malang")
    }

    @Test func officeSpellingsAndPrefixes() {
        #expect(Wilayah.resolveKelurahan("Kidul Dalam")?.name == "Kiduldalem")
        var t = ArtisanText()
        for (typed, name) in [("Kel Dinoyo", "Dinoyo"), ("Ds. Bareng", "Bareng"), ("KEL. SAWOJAJAR", "Sawojajar")] {
            t[.kelurahan] = typed
            #expect(Wilayah.kelurahan(code: t.build().artisan.kelurahan)?.name == name, "\(typed)")
        }
    }
}

/// Counts as each language writes them (a 1M registry's counter read `1/1000305`).
@Suite struct CountFormatTests {
    @Test func groupsOfThree() {
        let cases: [(Int, String, String)] = [(0, "0", "0"), (999, "999", "999"), (1000, "1.000", "1,000"), (100_105, "100.105", "100,105"),
                                              (1_000_305, "1.000.305", "1,000,305"), (-1234, "-1.234", "-1,234")]
        for (n, id, en) in cases {
            #expect(L10n.count(n, .id) == id && L10n.count(n, .en) == en, "\(n)")
        }
    }
}
