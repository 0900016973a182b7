import KriyaCore
import TextUI

/// The exhibition form: the fair itself. Its delegation (proposals, curation, booths, sales)
/// is worked on from the exhibition, one artisan at a time.
enum ExhibitionForm {
    typealias Layout = (key: String, label: TextKey, kind: @Sendable (Lang) -> any FieldKind, hint: UIKey?, max: Int)

    static let required: Set<String> = ["name", "level", "start"]

    static let layout: [Layout] = [
        ("name", .fName, { _ in TextKind() }, .uiHintExhibitionName, 200),
        ("level", .fLevel, { Choices.of(ExhibitionLevel.self, $0) }, nil, 20),
        ("organiser", .fOrganiser, { _ in TextKind() }, nil, 160),
        ("partners", .fPartners, { _ in MultiChoiceKind([]) }, .uiHintPartners, 2000),
        ("venue", .fVenue, { _ in TextKind() }, nil, 200),
        ("city", .fCity, { _ in TextKind() }, nil, 80),
        ("country", .fCountry, { _ in TextKind() }, .uiHintCountry, 80),
        ("start", .fStart, { DateKind(lang: $0) }, .uiHintDate, 20),
        ("end", .fEnd, { DateKind(lang: $0) }, .uiHintEnd, 20),
        ("boothCost", .fBoothCost, { _ in MoneyKind() }, .uiHintMoney, 20),
        ("payer", .fPayer, { Choices.of(BoothPayer.self, $0) }, nil, 20),
        ("status", .fStatus, { Choices.of(ExhibitionStatus.self, $0) }, nil, 20),
        ("requiredCertifications", .fRequiredCertifications, { _ in MultiChoiceKind(CertificationKind.allCases.map(\.rawValue)) },
         .uiHintMultiChoice, 80),
    ]

    static func values(of e: Exhibition, _ lang: Lang, _ data: Dataset) -> [String: String] {
        [
            "partners": e.partners.compactMap { data.partners[$0]?.name }.joined(separator: SessionForm.partnerSeparator),
            "name": e.name, "level": L10n.value(e.level, lang), "organiser": e.organiser ?? "", "venue": e.venue ?? "",
            "city": e.city ?? "", "country": e.country ?? "", "start": e.start.numeric, "end": e.end == e.start ? "" : e.end.numeric,
            "boothCost": e.boothCost.map(Rupiah.format) ?? "", "payer": e.payer.map { L10n.value($0, lang) } ?? "",
            "status": L10n.value(e.status, lang),
            "requiredCertifications": e.requiredCertifications.map(\.rawValue).joined(separator: ", "),
        ]
    }

    static func make(_ lang: Lang, data: Dataset, editing exhibition: Exhibition? = nil) -> Form {
        let current = exhibition.map { values(of: $0, lang, data) } ?? ["status": L10n.value(ExhibitionStatus.planned, lang)]
        let partners = MultiChoiceKind(data.partners.items.map(\.name).sorted { $0.lowercased() < $1.lowercased() }, separator: SessionForm.partnerSeparator)
        let title = exhibition.map { UIText.text(.uiFormEdit, lang, $0.id) } ?? UIText.text(.uiFormNewExhibition, lang)
        return Form(title: title, fields: layout.map { item in
            FormField(key: item.key, label: L10n.text(item.label, lang), value: current[item.key] ?? "",
                      required: required.contains(item.key), kind: item.key == "partners" ? partners : item.kind(lang),
                      hint: item.hint.map { UIText.text($0, lang) } ?? "", maxLength: item.max)
        })
    }

    /// The exhibition the form describes, on top of `base` (keeping its participants).
    static func read(_ form: Form, onto base: Exhibition?, _ lang: Lang, data: Dataset) -> (exhibition: Exhibition, problems: [FieldError]) {
        var r = FormReader(form, lang)
        let start = r.date("start")
        if start == nil && r.text("start") == nil { r.add(FieldError("start", .required)) }
        let level = r.choice("level", ExhibitionLevel.self)
        if level == nil && r.text("level") == nil { r.add(FieldError("level", .required)) }
        let day = start ?? base?.start ?? CivilDate(year: 2000, month: 1, day: 1)!
        var e = base ?? Exhibition(id: EntityID(.exhibition, 1), name: "", level: .lokal, start: day, end: day)
        e.name = r.text("name") ?? ""
        e.level = level ?? e.level
        e.organiser = r.text("organiser")
        e.partners = SessionForm.partnerIDs(form.value("partners"), data)
        e.venue = r.text("venue")
        e.city = r.text("city")
        e.country = r.text("country")
        e.start = day
        e.end = r.date("end") ?? day
        e.boothCost = r.money("boothCost")
        e.payer = r.choice("payer", BoothPayer.self)
        e.status = r.choice("status", ExhibitionStatus.self) ?? e.status
        e.requiredCertifications = form.value("requiredCertifications").split(separator: ",")
            .compactMap { CertificationKind.resolve(String($0)) }
        return (e, r.finished(Validation.check(e).filter { !($0.field == "start" && start == nil) }))
    }
}
