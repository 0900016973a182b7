import Testing
@testable import KriyaCore

/// Reading artisans from spreadsheet text: headings, cells, and what an import would do.
@Suite struct ImportTests {
    func text(_ pairs: [ArtisanField: String], products: [String] = []) -> ArtisanText {
        var t = ArtisanText()
        for (k, v) in pairs { t[k] = v }
        t.products = products
        return t
    }

    static let siti: [ArtisanField: String] = [.name: "Siti Rahayu", .phone: "0812-0000-1234", .kelurahan: "Dinoyo",
                                               .business: "Keramik Sekar Dinoyo", .category: "Keramik"]

    @Test func officeHeadingsMapInBothLanguages() throws {
        let map = try HeaderMap(headings: ["No", "Nama Pemilik", "No HP/WA", "Kel.", "Kecamatan", "Nama Usaha",
                                           "Jenis Kerajinan", "Produk", "Tgl Input", "Merk"])
        #expect(map.fields == [nil, .name, .phone, .kelurahan, .kecamatan, .business, .category, .products, nil, .brand])
        // Row numbering is expected and not reported; an unknown column is.
        #expect(map.ignored.map(\.heading) == ["Tgl Input"])
        #expect(map.missing.isEmpty)

        let english = try HeaderMap(headings: ["Owner name", "Phone number", "Village", "Business name", "Craft"])
        #expect(english.fields == [.name, .phone, .kelurahan, .business, .category])
        // Kriya's own export headings, Indonesian and English.
        for lang in Lang.allCases {
            let own = try HeaderMap(headings: ArtisanField.allCases.map { $0.label(lang) })
            #expect(own.fields == ArtisanField.allCases.map { Optional($0) }, "\(lang)")
        }
    }

    /// A Google Form's response sheet and longer office headings, read by the words in them.
    @Test func headingsReadByTheirWords() throws {
        let form = try HeaderMap(headings: ["Timestamp", "Nama Lengkap Pemilik", "Nomor WhatsApp", "Alamat (Jalan, RT/RW, Kelurahan)",
                                            "Desa/Kelurahan", "Kecamatan", "Nama Usaha/Merek", "Jenis Produk", "Sektor Usaha",
                                            "Email Address", "NIK Pemilik", "Nomor HP Lain"])
        #expect(form.fields == [nil, .name, .phone, .address, .kelurahan, .kecamatan, .business, .products, .category, .email, .nik, nil])
        #expect(form.extraPhones == [11] && form.ignored.map(\.heading) == ["Timestamp"])
        #expect(form.missing.isEmpty)
    }

    @Test func mapOverridesAndTheirMistakes() throws {
        let map = try HeaderMap(headings: ["Pemilik", "Kontak Person", "Lokasi", "UKM", "Bidang"],
                                overrides: ["Kontak Person=phone", "lokasi=kelurahan", "Bidang=category", "Pemilik=ignore", "Pemilik=name"])
        #expect(map.fields == [.name, .phone, .kelurahan, .business, .category])
        #expect(throws: HeaderMap.MapProblem.noSuchColumn("Alamat")) { try HeaderMap(headings: ["Nama"], overrides: ["Alamat=address"]) }
        #expect(throws: HeaderMap.MapProblem.noSuchField("umur")) { try HeaderMap(headings: ["Nama"], overrides: ["Nama=umur"]) }
        #expect(throws: HeaderMap.MapProblem.malformed("Nama")) { try HeaderMap(headings: ["Nama"], overrides: ["Nama"]) }
        let missing = try HeaderMap(headings: ["Nama", "Alamat"])
        #expect(missing.missing == [.phone, .kelurahan, .business, .category])
    }

    @Test func cellsAsOfficesWriteThem() {
        var fields = Self.siti
        fields[.kelurahan] = "Kel. Dinoyo"
        fields[.kecamatan] = "Kec. Lowokwaru"
        fields[.gender] = "Perempuan"
        fields[.category] = "Kerajinan Keramik Dinoyo"
        fields[.phone] = "81200001234"            // a number cell lost its leading 0
        fields[.workers] = "1.200"
        let (a, errors) = text(fields, products: ["Vas=7,5 rb", "Cobek"]).build()
        #expect(errors.isEmpty, "\(errors)")
        #expect(a.kelurahan == "35.73.05.1004" && a.gender == .p && a.category == .keramikGerabah)
        #expect(a.phone == "081200001234" && a.workers == 1200)
        #expect(a.products == [Product(name: "Vas", price: 7500), Product(name: "Cobek")])

        #expect(CraftCategory.resolveLoosely("Mamin") == .makananOlahan)
        #expect(CraftCategory.resolveLoosely("Tas kulit") == .kulitAlasKaki)
        #expect(CraftCategory.resolveLoosely("Topeng Malangan") == .kayuUkirTopeng)
        #expect(CraftCategory.resolveLoosely("Jasa servis") == nil)
        #expect(CraftCategory.resolveLoosely("Jamu gendong") == .makananOlahan)
        #expect(CraftCategory.resolveLoosely("Kerajinan Kayu") == .kayuUkirTopeng)   // the telling word wins
        #expect(CraftCategory.resolveLoosely("Kerajinan tangan") == .lainnya)
        #expect(CraftCategory.resolveLoosely("Souvenir daur ulang") == .lainnya)
        // Every name the "one of" list offers reads back as its category, in both languages.
        for lang in Lang.allCases {
            for c in CraftCategory.allCases { #expect(CraftCategory.resolveLoosely(c.shortLabel(lang)) == c, "\(c.shortLabel(lang))") }
        }
    }

    @Test func unreadableCellsAreNamed() {
        var fields = Self.siti
        fields[.phone] = "8,12346E+11"
        fields[.kecamatan] = "Klojen"              // Dinoyo is in Lowokwaru
        fields[.category] = "Jasa servis"
        fields[.memberSince] = "kemarin"
        let (_, errors) = text(fields, products: ["Vas=tujuh"]).build()
        #expect(Set(errors.map(\.field)) == ["phone", "kecamatan", "category", "memberSince", "products[1].price"])
        #expect(errors.contains { $0.problem == .roundedNumber("8,12346E+11") })
        #expect(errors.contains { $0.problem == .kelurahanElsewhere(kelurahan: "Dinoyo", kecamatan: "Klojen") })

        var two = Self.siti
        two[.phone] = "0812 0000 1234 / 0856 1111 2222"
        let (a, none) = text(two).build()
        #expect(none.isEmpty && a.phone == "0812 0000 1234" && a.notes == "HP lain: 0856 1111 2222")
    }

    /// How offices fill the other columns: a year for "Tahun binaan", a NIB the sheet rounded.
    @Test func officeShapedCells() {
        var fields = Self.siti
        fields[.memberSince] = "2021"
        fields[.nib] = "'9120 0012 34567"
        var (a, errors) = text(fields).build()
        #expect(errors.isEmpty && a.memberSince == CivilDate(year: 2021, month: 1, day: 1) && a.nib == "9120001234567")
        fields[.memberSince] = "Maret 2021"
        fields[.nib] = "9,12E+12"
        fields[.nik] = "3,57E+15"
        (a, errors) = text(fields).build()
        #expect(a.memberSince == CivilDate(year: 2021, month: 3, day: 1))
        #expect(errors == [FieldError("nib", .roundedNumber("9,12E+12")), FieldError("nik", .roundedNumber("3,57E+15"))])
        #expect(DateInput.yearOrMonth("03/2021") == CivilDate(year: 2021, month: 3, day: 1))
        #expect(DateInput.yearOrMonth("13/2021") == nil && DateInput.yearOrMonth("kemarin") == nil && DateInput.yearOrMonth("21") == nil)
    }

    @Test func listCellsSplitButKeepDecimalCommas() {
        #expect(ListCell.split("Vas=75.000; Piring=50.000") == ["Vas=75.000", "Piring=50.000"])
        #expect(ListCell.split("Keripik=7,5 rb, Rempeyek") == ["Keripik=7,5 rb", "Rempeyek"])
        #expect(ListCell.split("Kain batik\nSelendang") == ["Kain batik", "Selendang"])
        #expect(ListCell.split("  ") == [])
        let products = [Product(name: "Vas", price: 75000), Product(name: "Cobek")]
        let certs = [Certification(kind: .halal, number: "ID351", issued: CivilDate(year: 2024, month: 1, day: 2),
                                   validUntil: CivilDate(year: 2028, month: 1, day: 1)), Certification(kind: .pirt)]
        #expect(ListCell.products(products) == "Vas=Rp75.000; Cobek")
        #expect(ListCell.certifications(certs) == "halal:ID351:2028-01-01:2024-01-02; PIRT")
        // What is written reads back the same.
        var t = text(Self.siti, products: ListCell.split(ListCell.products(products)))
        t.certifications = ListCell.split(ListCell.certifications(certs))
        let (a, errors) = t.build()
        #expect(errors.isEmpty && a.products == products && a.certifications == certs)
    }

    func row(_ n: Int, _ fields: [ArtisanField: String], id: EntityID? = nil) -> ImportPlan.Row {
        ImportPlan.Row(row: n, line: n, text: text(fields), present: Array(fields.keys), id: id)
    }

    /// An id cell names a stored artisan only when the row agrees on name, phone or NIB; a
    /// sheet from another Kriya must not write its A-000001 over this one's.
    @Test func anIdOfSomeoneElseIsNotUsed() throws {
        let stored = try Fixture.build([.addArtisan(Fixture.artisan())])   // A-000001 Siti, 0812-0000-1234
        var stranger = Self.siti
        stranger[.name] = "Agus Setiawan"; stranger[.phone] = "0813 9999 0000"
        let plan = ImportPlan(rows: [row(2, stranger, id: EntityID(.artisan, 1))], against: stored, onDuplicate: .update, context: Fixture.ctx)
        #expect(plan.updates.isEmpty && plan.adds.map(\.name) == ["Agus Setiawan"])
        #expect(plan.foreignIDs.map(\.row) == [2] && plan.foreignIDs[0].storedName == "Siti Rahayu")

        // Her own row with a new phone still updates her, matched by the id and her name.
        var moved = Self.siti
        moved[.phone] = "0857 1234 5678"
        let update = ImportPlan(rows: [row(2, moved, id: EntityID(.artisan, 1))], against: stored, onDuplicate: .update, context: Fixture.ctx)
        #expect(update.foreignIDs.isEmpty && update.updates.map(\.artisan.phone) == ["+6285712345678"])
    }

    @Test func planSortsRowsIntoNewExistingRepeatedAndBad() throws {
        let stored = try Fixture.build([.addArtisan(Fixture.artisan())])   // Siti, 0812-0000-1234
        var other = Self.siti
        other[.name] = "Budi"; other[.phone] = "0813 1111 2222"
        var samePhone = Self.siti
        samePhone[.phone] = "+62 812 0000 1234"; samePhone[.brand] = "Sekar"
        var repeated = other
        repeated[.name] = "Budi (dobel)"
        var bad = other
        bad[.phone] = "0341 551234"; bad[.name] = ""
        let rows = [row(2, samePhone), row(3, other), row(4, repeated), row(5, bad)]

        let skip = ImportPlan(rows: rows, against: stored, onDuplicate: .skip, context: Fixture.ctx)
        #expect(skip.adds.map(\.name) == ["Budi"])
        #expect(skip.skipped.map(\.row) == [2] && skip.skipped[0].match == .phone)
        #expect(skip.repeats.map(\.row) == [4] && skip.repeats[0].firstRow == 3)
        #expect(skip.bad.map(\.row) == [5])
        #expect(Set(skip.bad[0].errors.map(\.field)) == ["name", "phone"])

        let update = ImportPlan(rows: rows, against: stored, onDuplicate: .update, context: Fixture.ctx)
        #expect(update.updates.count == 1)
        let updated = update.updates[0].artisan
        #expect(updated.id == EntityID(.artisan, 1) && updated.brand == "Sekar" && updated.business == "Keramik Sekar Dinoyo")
        #expect(update.changeCount == 2 && update.updateCommands.count == 1)
        // What the preview shows under the row: each field from what to what.
        #expect(update.updates[0].changes.filter { $0.field == "brand" } == [FieldChange(field: "brand", from: "", to: "Sekar")])
        // The same number written another way is no change: the phone stays as it was typed.
        #expect(updated.phoneTyped == stored.artisans.items[0].phoneTyped && !update.updates[0].changes.contains { $0.field.hasPrefix("phone") })
        #expect(FieldChange.shown("brand", "", .en) == "—" && FieldChange.shown("kelurahan", Wilayah.resolveKelurahan("Dinoyo")!.code, .en) == "Dinoyo")

        // The same row again changes nothing.
        let same = ImportPlan(rows: [row(2, Self.siti)], against: stored, onDuplicate: .update, context: Fixture.ctx)
        #expect(same.unchanged.count == 1 && same.changeCount == 0)
    }

    @Test func emptyCellsKeepWhatIsStored() throws {
        var stored = Fixture.artisan()
        stored.email = "siti@contoh.id"
        stored.brand = "Sekar"
        let data = try Fixture.build([.addArtisan(stored)])
        let plan = ImportPlan(rows: [row(2, [.phone: "081200001234", .brand: "Sekar Baru"])], against: data,
                              onDuplicate: .update, context: Fixture.ctx)
        let a = try #require(plan.updates.first).artisan
        #expect(a.brand == "Sekar Baru" && a.email == "siti@contoh.id" && a.name == "Siti Rahayu")
    }
}

@Suite struct ArtisanFieldTests {
    @Test func ordinalsAreDistinctAndSmall() {
        let ordinals = ArtisanField.allCases.map(\.ordinal)
        #expect(Set(ordinals).count == ArtisanField.allCases.count)
        #expect(ordinals.allSatisfy { (0..<ArtisanField.allCases.count).contains($0) })
        #expect(ArtisanField.allCases.allSatisfy { ArtisanField(rawValue: $0.rawValue) == $0 })
    }
}
