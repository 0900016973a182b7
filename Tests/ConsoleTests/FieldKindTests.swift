import Testing
@testable import Console
@testable import KriyaCore
import TextUI

/// Each field kind: what it takes as typed, what it shows beside a value, how a choice narrows.
@Suite struct FieldKindTests {
    func type(_ text: String, into form: inout Form) { for c in text { _ = form.handle(.char(c)) } }

    @Test func kindsFilterKeysAndShowWhatTheyRead() {
        #expect(DateKind(lang: .id).note(for: "16/09/2026") == "Rabu, 16 Sep 2026")
        #expect(DateKind(lang: .en).note(for: "2026-09-16")?.hasPrefix("Wednesday") == true)
        #expect(DateKind(lang: .en).note(for: "31/02/2026") == nil)
        #expect(MoneyKind().note(for: "7,35 jt") == "Rp7.350.000")
        #expect(MoneyKind().note(for: "tujuh") == nil)
        #expect(PhoneKind().note(for: "0812-0000-1234") == "✓ +6281200001234")
        #expect(PhoneKind().note(for: "0341 551234") == nil)
        #expect(TimeKind().note(for: "8.30") == "✓ 08:30" && TimeKind().note(for: "8") == nil)
        #expect(!PhoneKind().accepts("a") && PhoneKind().accepts("+") && !TimeKind().accepts("x"))
        var form = Form(title: "T", fields: [FormField(key: "d", label: "D", kind: DateKind(lang: .en))])
        type("16/09/2026!", into: &form)
        #expect(form.value("d") == "16/09/2026")
    }

    @Test func aChoiceNarrowsAsYouTypeAndTabTakesTheHighlightedOne() {
        var form = Form(title: "T", fields: [FormField(key: "category", label: "C", kind: Choices.category(.en)),
                                             FormField(key: "next", label: "N")])
        // Empty: every option is offered as a hint, and Tab leaves the field empty.
        #expect(form.offered?.options.count == CraftCategory.allCases.count && form.offered?.choosing == false)
        type("ba", into: &form)
        let offered = form.offered?.options.map(\.label) ?? []
        #expect(offered.first == CraftCategory.batik.label(.en) && form.offered?.choosing == true)
        _ = form.handle(.down)                                  // ↓ moves within the list, not to the next field
        #expect(form.focus == 0 && form.highlight == min(1, offered.count - 1))
        _ = form.handle(.up)
        #expect(form.handle(.tab) == .left(0))
        #expect(form.value("category") == CraftCategory.batik.label(.en) && form.focus == 1)
        // Typing over a chosen option starts a new choice.
        _ = form.handle(.backTab)
        type("ten", into: &form)
        #expect(form.value("category") == "ten" && form.offered?.options.first?.label == CraftCategory.tenun.label(.en))
        // A word inside the name is found too; an exact name offers nothing more.
        let c = Choices.category(.id) as! ChoiceKind
        #expect(c.matches("gerabah", group: nil).first?.label == CraftCategory.keramikGerabah.label(.id))
        #expect(c.exact(CraftCategory.batik.label(.id).uppercased()) != nil)
        // Nothing matches: the text stays as typed, for the check to name it.
        var other = Form(title: "T", fields: [FormField(key: "category", label: "C", kind: c)])
        type("zzz", into: &other)
        #expect(other.offered == nil && other.handle(.tab) == .left(0) && other.value("category") == "zzz")
    }

    @Test func aKecamatanNarrowsTheKelurahanAndAKelurahanFillsItsKecamatan() {
        var form = Form(title: "T", fields: [FormField(key: "kecamatan", label: "K", kind: Choices.kecamatan),
                                             FormField(key: "kelurahan", label: "L", kind: Choices.kelurahan)])
        _ = form.handle(.tab)
        #expect(form.offered?.options.count == Wilayah.kelurahan.count)
        type("din", into: &form)
        _ = form.handle(.enter)
        #expect(form.value("kelurahan") == "Dinoyo" && form.value("kecamatan") == "Lowokwaru")
        // With Klojen chosen, only Klojen's kelurahan are offered.
        var narrowed = Form(title: "T", fields: form.fields)
        narrowed.fields[0].set("Klojen")
        narrowed.fields[1].set("")
        narrowed.focus(on: 1)
        let klojen = Wilayah.kecamatan.first { $0.name == "Klojen" }!
        #expect(narrowed.offered?.options.map(\.label) == klojen.kelurahan.map(\.name))
    }
}

/// The list editor behind products and certifications.
@Suite struct ListEditorTests {
    func type(_ text: String, _ state: inout ConsoleState) { for c in text { _ = state.update(.char(c)) } }

    @Test func productsAndCertificationsAreTypedAsTables() throws {
        var state = makeState()
        _ = state.update(.char("a"))
        while state.form?.fields[state.form!.focus].key != "products" { _ = state.update(.tab) }
        _ = state.update(.enter)
        #expect(state.form?.list != nil)
        type("Vas bunga", &state); _ = state.update(.tab); type("75.000", &state)
        _ = state.update(.tab)                 // past the last cell: a new row
        type("Piring", &state); _ = state.update(.tab); type("1,2 jt", &state)
        _ = state.update(.ctrl("n")); type("Cangkir", &state)
        _ = state.update(.ctrl("r"))            // removed again
        try assertSnapshot(state.render(width: 80, height: 24), "form-products-list-80x24")
        _ = state.update(.enter)
        #expect(state.form?.list == nil && state.form?.value("products") == "Vas bunga=75.000; Piring=1,2 jt")
        _ = state.update(.tab)
        _ = state.update(.enter)
        type("hal", &state); _ = state.update(.tab)   // "hal" settles on halal
        type("ID35110000123", &state); _ = state.update(.tab); type("31/01/2027", &state)
        _ = state.update(.escape)                // Esc: the field as it was
        #expect(state.form?.value("certifications") == "")
        _ = state.update(.enter)
        type("hal", &state); _ = state.update(.tab)
        type("ID35110000123", &state); _ = state.update(.tab); type("31/01/2027", &state)
        _ = state.update(.enter)
        #expect(state.form?.value("certifications") == "halal:ID35110000123:31/01/2027")
        let text = ArtisanForm.text(state.form!)
        let (artisan, errors) = text.build()
        #expect(errors.filter { $0.field.hasPrefix("products") || $0.field.hasPrefix("certifications") }.isEmpty)
        #expect(artisan.products.map(\.price) == [75_000, 1_200_000] && artisan.certifications.first?.kind == .halal)
        #expect(artisan.certifications.first?.validUntil?.iso == "2027-01-31")
    }
}

/// The multi-choice field: certification kinds a fair requires.
@Suite struct MultiChoiceTests {
    @Test func spaceTicksLettersJumpArrowsMove() {
        let kinds = MultiChoiceKind(["NIB", "PIRT", "halal", "SNI"])
        var form = Form(title: "T", fields: [FormField(key: "k", label: "K", kind: kinds), FormField(key: "next", label: "N")])
        _ = form.handle(.char("p")); _ = form.handle(.char(" "))
        _ = form.handle(.char("h")); _ = form.handle(.char(" "))
        #expect(form.value("k") == "PIRT, halal")
        _ = form.handle(.up); _ = form.handle(.char(" "))          // up to PIRT: unticked
        #expect(form.value("k") == "halal" && form.focus == 0)
        _ = form.handle(.char("n"))
        #expect(form.handle(.up) == .left(0) && form.focus == 1)   // ↑ at the top leaves the field
        #expect(kinds.chosen("HALAL , nib, foo") == ["NIB", "halal"])
        #expect(kinds.toggling("SNI", in: "halal, NIB") == "NIB, halal, SNI")
    }
}
