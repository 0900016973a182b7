import KriyaCore
import TextUI

/// The artisan form: its fields in the order staff fill them at the desk, and the checks,
/// which are the core's (`ArtisanText`, the same rules as `kriya add` and the importer).
enum ArtisanForm {
    /// A field's kind, hint and length limit.
    typealias Layout = (field: ArtisanField, kind: @Sendable (Lang) -> any FieldKind, hint: UIKey?, max: Int)

    /// The fields in desk order; a text detail the list leaves out comes after the field it
    /// follows (`ArtisanTextField.placed`), with its table's length limit.
    static let layout: [Layout] = {
        let own = Dictionary(uniqueKeysWithValues: deskOrder.map { ($0.field, $0) })
        return ArtisanTextField.placed(in: deskOrder.map(\.field)).map { field in
            if let item = own[field] { return item }
            guard case .text(let t) = field else { fatalError("\(field) has no place in the artisan form") }
            return (field, { _ in TextKind() }, textHint(t), t.rule.maxLength)
        }
    }()

    private static func textHint(_ field: ArtisanTextField) -> UIKey? {
        switch field.rule.shape {
        case .plain: return nil
        case .handle: return .uiHintHandle
        case .link: return .uiHintLink
        }
    }

    private static let deskOrder: [Layout] = [
        (.name, { _ in TextKind() }, nil, 120),
        (.phone, { _ in PhoneKind() }, .uiHintPhone, 24),
        (.kecamatan, { _ in Choices.kecamatan }, .uiHintKecamatan, 40),
        (.kelurahan, { _ in Choices.kelurahan }, .uiHintKelurahan, 60),
        (.business, { _ in TextKind() }, nil, 160),
        (.category, Choices.category, .uiHintCategory, 60),
        (.products, ListFields.products, .uiHintList2, 400),
        (.certifications, ListFields.certifications, .uiHintList2, 400),
        (.gender, Choices.gender, nil, 20),
        (.address, { _ in TextKind() }, nil, ArtisanTextField.address.rule.maxLength),
        (.email, { _ in TextKind() }, nil, 120),
        (.brand, { _ in TextKind() }, nil, ArtisanTextField.brand.rule.maxLength),
        (.nib, { _ in TextKind(.digits) }, nil, 13),
        (.kbli, { _ in TextKind(.digits) }, nil, 5),
        (.scale, { _ in Choices.scale }, nil, 12),
        (.workers, { _ in TextKind(.digits) }, nil, 6),
        (.memberSince, { DateKind(lang: $0) }, .uiHintDate, 20),
        (.notes, { _ in TextKind() }, nil, 4000),
        (.nik, { _ in TextKind(.digits) }, nil, 16),
    ]

    /// A stored artisan's values as the form shows them, by field key.
    static func values(of artisan: Artisan, _ lang: Lang) -> [String: String] {
        var text = ArtisanText(artisan, lang: lang)
        if let g = artisan.gender { text[.gender] = Choices.genderLabel(g, lang) }
        var out: [String: String] = [:]
        for item in layout { out[item.field.rawValue] = text[item.field] ?? "" }
        return out
    }

    /// The fields of a walk-in at the check-in door: enough to find them again and call them.
    static let walkIn: [ArtisanField] = [.name, .phone, .kecamatan, .kelurahan, .business, .category]

    /// An empty form, or one filled with `artisan` to change it; `only` some of the fields.
    static func make(_ lang: Lang, editing artisan: Artisan? = nil, only: [ArtisanField]? = nil) -> Form {
        let current = artisan.map { values(of: $0, lang) }
        let title = artisan.map { UIText.text(.uiFormEdit, lang, $0.id) } ?? UIText.text(.uiFormNewArtisan, lang)
        return Form(title: title, fields: layout.filter { only?.contains($0.field) ?? true }.map { item in
            FormField(key: item.field.rawValue, label: item.field.label(lang), value: current?[item.field.rawValue] ?? "",
                      required: ArtisanField.required.contains(item.field),
                      kind: item.kind(lang), hint: item.hint.map { UIText.text($0, lang) } ?? "", maxLength: item.max)
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
            switch field {
            case .products: t.products = ListCell.split(f.value)
            case .certifications: t.certifications = ListCell.split(f.value)
            default: t[field] = f.value
            }
        }
        return t
    }
}
