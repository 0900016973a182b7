import KriyaCore
import TextUI

/// The artisan form: its fields in the order staff fill them at the desk, and the checks,
/// which are the core's (`ArtisanText`, the same rules as `kriya add` and the importer).
enum ArtisanForm {
    static let layout: [(field: ArtisanField, filter: CharacterFilter, hint: TextKey?, max: Int)] = [
        (.name, .any, nil, 120), (.phone, .phone, .uiHintPhone, 24), (.kelurahan, .any, .uiHintKelurahan, 60),
        (.business, .any, nil, 160), (.category, .any, .uiHintCategory, 60), (.products, .any, .uiHintProducts, 400),
        (.gender, .any, .uiHintGender, 10), (.address, .any, nil, 300), (.email, .any, nil, 120), (.brand, .any, nil, 120),
        (.nib, .digits, nil, 13), (.kbli, .digits, nil, 5), (.scale, .any, .uiHintScale, 12), (.workers, .digits, nil, 6),
        (.memberSince, .any, .uiHintDate, 20), (.notes, .any, nil, 4000), (.nik, .digits, nil, 16),
    ]

    /// An empty form, or one filled with `artisan` to change it.
    static func make(_ lang: Lang, editing artisan: Artisan? = nil) -> Form {
        let current = artisan.map { ArtisanText($0, lang: lang) }
        let title = artisan.map { L10n.text(.uiFormEditArtisan, lang, $0.id) } ?? L10n.text(.uiFormNewArtisan, lang)
        return Form(title: title, fields: layout.map { item in
            FormField(key: item.field.rawValue, label: L10n.text(item.field.label, lang), value: current?[item.field] ?? "",
                      required: ArtisanField.required.contains(item.field),
                      filter: item.filter, hint: item.hint.map { L10n.text($0, lang) } ?? "", maxLength: item.max)
        })
    }

    /// The fields a saved edit takes from the form: all of them, except a NIK still shown
    /// masked (the stored one is kept).
    static func edited(_ form: Form) -> [ArtisanField] {
        layout.map(\.field).filter { $0 != .nik || !form.value("nik").contains("*") }
    }

    static func text(_ form: Form) -> ArtisanText {
        var t = ArtisanText()
        for f in form.fields {
            guard let field = ArtisanField(rawValue: f.key) else { continue }
            if field == .products { t.products = ListCell.split(f.value) } else { t[field] = f.value }
        }
        return t
    }

    /// Every problem, by field key, in the user's language.
    static func errors(_ problems: [FieldError], _ lang: Lang) -> [String: String] {
        var out: [String: String] = [:]
        for e in problems {
            guard let field = ArtisanField.of(errorField: e.field) else { continue }
            let message = L10n.problem(e.problem, lang)
            out[field.rawValue] = out[field.rawValue].map { $0 + "; " + message } ?? message
        }
        return out
    }
}
