import KriyaCore
import KriyaText
import TextUI

/// The lists the pickers offer, built once.
enum Choices {
    static let kecamatan = ChoiceKind(Wilayah.kecamatan.map(\.name))
    /// Kelurahan grouped by kecamatan: a chosen kecamatan narrows the list, a chosen kelurahan
    /// fills in its kecamatan.
    static let kelurahan = ChoiceKind(Wilayah.kelurahan.map { kel in
        ChoiceKind.Option(kel.name, group: Wilayah.kecamatan(code: kel.kecamatanCode)?.name)
    }, groupField: ArtisanField.kecamatan.rawValue)
    static let scale = ChoiceKind(BusinessScale.allCases.map(\.rawValue))

    @Sendable static func category(_ lang: Lang) -> any FieldKind {
        // Found by their names in both languages (staff say "keramik" whichever language is on screen).
        ChoiceKind(CraftCategory.allCases.map { .init($0.label(lang), aliases: [$0.label(lang == .id ? .en : .id)]) })
    }

    @Sendable static func gender(_ lang: Lang) -> any FieldKind {
        ChoiceKind(Gender.allCases.map { .init(genderLabel($0, lang), aliases: [genderLabel($0, lang == .id ? .en : .id), $0.rawValue]) })
    }

    static func genderLabel(_ g: Gender, _ lang: Lang) -> String {
        switch (g, lang) {
        case (.l, .id): return "Laki-laki"
        case (.p, .id): return "Perempuan"
        case (.l, .en): return "Male"
        case (.p, .en): return "Female"
        }
    }

    /// An enum's values as the screen names them, found by their stored names too.
    static func of<E: RawRepresentable & CaseIterable>(_ type: E.Type, _ lang: Lang) -> ChoiceKind where E.RawValue == String {
        ChoiceKind(E.allCases.map { .init(L10n.value($0, lang), aliases: [$0.rawValue]) })
    }

    /// The enum value a choice field holds: its label on screen or its stored name.
    static func read<E: RawRepresentable & CaseIterable>(_ text: String, as type: E.Type, _ lang: Lang) -> E? where E.RawValue == String {
        let t = Fold.string(text.trimmingSpaces)
        return E.allCases.first { Fold.string(L10n.value($0, lang)) == t || $0.rawValue == t }
    }
}
