import KriyaCore
import TextUI

/// The exhibition form: the fair itself. Its delegation (proposals, curation, booths, sales)
/// is worked on from the exhibition, one artisan at a time.
enum ExhibitionForm {
    typealias Layout = (key: String, label: TextKey, kind: @Sendable (Lang) -> any FieldKind, hint: TextKey?, max: Int)

    static let required: Set<String> = ["name", "level", "start"]

    static let layout: [Layout] = [
        ("name", .fName, { _ in TextKind() }, .uiHintExhibitionName, 200),
        ("level", .fLevel, { Choices.of(ExhibitionLevel.self, $0) }, nil, 20),
        ("organiser", .fOrganiser, { _ in TextKind() }, nil, 160),
        ("venue", .fVenue, { _ in TextKind() }, nil, 200),
        ("city", .fCity, { _ in TextKind() }, nil, 80),
        ("country", .fCountry, { _ in TextKind() }, .uiHintCountry, 80),
        ("start", .fStart, { DateKind(lang: $0) }, .uiHintDate, 20),
        ("end", .fEnd, { DateKind(lang: $0) }, .uiHintEnd, 20),
        ("boothCost", .fBoothCost, { _ in MoneyKind() }, .uiHintMoney, 20),
        ("payer", .fPayer, { Choices.of(BoothPayer.self, $0) }, nil, 20),
        ("status", .fStatus, { Choices.of(ExhibitionStatus.self, $0) }, nil, 20),
    ]

    static func values(of e: Exhibition, _ lang: Lang) -> [String: String] {
        [
            "name": e.name, "level": L10n.value(e.level, lang), "organiser": e.organiser ?? "", "venue": e.venue ?? "",
            "city": e.city ?? "", "country": e.country ?? "", "start": e.start.numeric, "end": e.end == e.start ? "" : e.end.numeric,
            "boothCost": e.boothCost.map(Rupiah.format) ?? "", "payer": e.payer.map { L10n.value($0, lang) } ?? "",
            "status": L10n.value(e.status, lang),
        ]
    }

    static func make(_ lang: Lang, editing exhibition: Exhibition? = nil) -> Form {
        let current = exhibition.map { values(of: $0, lang) } ?? ["status": L10n.value(ExhibitionStatus.planned, lang)]
        let title = exhibition.map { L10n.text(.uiFormEdit, lang, $0.id) } ?? L10n.text(.uiFormNewExhibition, lang)
        return Form(title: title, fields: layout.map { item in
            FormField(key: item.key, label: L10n.text(item.label, lang), value: current[item.key] ?? "",
                      required: required.contains(item.key), kind: item.kind(lang),
                      hint: item.hint.map { L10n.text($0, lang) } ?? "", maxLength: item.max)
        })
    }

    /// The exhibition the form describes, on top of `base` (keeping its participants).
    static func read(_ form: Form, onto base: Exhibition?, _ lang: Lang) -> (exhibition: Exhibition, problems: [FieldError]) {
        var problems: [FieldError] = []
        func text(_ key: String) -> String? {
            let t = form.value(key).trimmingSpaces
            return t.isEmpty ? nil : t
        }
        func date(_ key: String) -> CivilDate? {
            guard let t = text(key) else { return nil }
            if let d = DateInput.parse(t) { return d }
            problems.append(FieldError(key, .invalidDate(t)))
            return nil
        }
        func choice<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) -> E? where E.RawValue == String {
            guard let t = text(key) else { return nil }
            if let v = Choices.read(t, as: type, lang) { return v }
            problems.append(FieldError(key, .invalidChoice(t, allowed: E.allCases.map { L10n.value($0, lang) })))
            return nil
        }
        let start = date("start")
        if start == nil && text("start") == nil { problems.append(FieldError("start", .required)) }
        let level = choice("level", ExhibitionLevel.self)
        if level == nil && text("level") == nil { problems.append(FieldError("level", .required)) }
        let day = start ?? base?.start ?? CivilDate(year: 2000, month: 1, day: 1)!
        var e = base ?? Exhibition(id: EntityID(.exhibition, 1), name: "", level: .lokal, start: day, end: day)
        e.name = text("name") ?? ""
        e.level = level ?? e.level
        e.organiser = text("organiser")
        e.venue = text("venue")
        e.city = text("city")
        e.country = text("country")
        e.start = day
        e.end = date("end") ?? day
        e.boothCost = nil
        if let t = text("boothCost") {
            if let amount = Rupiah.parse(t) { e.boothCost = amount } else { problems.append(FieldError("boothCost", .invalidMoney(t))) }
        }
        e.payer = choice("payer", BoothPayer.self)
        e.status = choice("status", ExhibitionStatus.self) ?? e.status
        let unread = Set(problems.map(\.field))
        problems += Validation.check(e).filter { !unread.contains($0.field) && !($0.field == "start" && start == nil) }
        return (e, problems)
    }
}
