import KriyaCore
import KriyaText
import TextUI

/// The Bimtek session form: what staff agree with a university or a trainer, in the order
/// they write it down. Participants are not here: they are enrolled from the session (`+`).
enum SessionForm {
    typealias Layout = (key: String, label: TextKey, kind: @Sendable (Lang, CivilDate) -> any FieldKind, hint: UIKey?, max: Int)

    static let required: Set<String> = ["title", "organiser", "venue", "start"]

    static let layout: [Layout] = [
        ("title", .fTitle, { _, _ in TextKind() }, nil, 200),
        ("topic", .fTopic, { _, _ in TextKind() }, .uiHintTopic, 120),
        ("kind", .fSessionKind, { lang, _ in Choices.of(SessionKind.self, lang) }, nil, 20),
        ("organiser", .fOrganiser, { _, _ in TextKind() }, nil, 160),
        // The partners from the list (ticked; the options are the data's, set in `make`), then
        // one typed as text.
        ("partners", .fPartners, { _, _ in MultiChoiceKind([]) }, .uiHintPartners, 2000),
        ("partner", .fPartnerOther, { _, _ in TextKind() }, .uiHintPartnerText, 160),
        ("trainers", .fTrainers, { _, _ in TextKind() }, .uiHintTrainers, 600),
        ("venue", .fVenue, { _, _ in TextKind() }, nil, 200),
        ("start", .fStart, { lang, _ in DateKind(lang: lang) }, .uiHintDate, 20),
        ("end", .fEnd, { lang, _ in DateKind(lang: lang) }, .uiHintEnd, 20),
        ("meetingDays", .fMeetingDays, { lang, today in ListFields.meetingDays(lang, year: today.year) }, .uiHintMeetingDays, 300),
        ("startTime", .fTime, { _, _ in TimeKind() }, .uiHintTime, 5),
        ("graceMinutes", .fGraceMinutes, { _, _ in TextKind(.digits) }, .uiHintGrace, 3),
        ("capacity", .fCapacity, { _, _ in TextKind(.digits) }, nil, 5),
        ("funding", .fFunding, { _, _ in TextKind() }, .uiHintFunding, 120),
        ("status", .fStatus, { lang, _ in Choices.of(SessionStatus.self, lang) }, nil, 20),
        ("certificateMinDays", .fCertificateMinDays, { _, _ in TextKind(.digits) }, .uiHintCertificateDays, 3),
        ("certificates", .fCertificates, { lang, _ in ChoiceKind([L10n.text(.cYes, lang), L10n.text(.cNo, lang)]) }, .uiHintCertificates, 8),
    ]

    /// How the partners field separates names (a department's name may hold commas).
    static let partnerSeparator = "; "

    /// A stored session's values as the form shows them, by field key.
    static func values(of s: BimtekSession, _ lang: Lang, _ data: Dataset) -> [String: String] {
        [
            "kind": L10n.value(s.kind, lang),
            "title": s.title, "topic": s.topic ?? "", "organiser": s.organiser, "partner": s.partner ?? "",
            "partners": s.partners.compactMap { data.partners[$0]?.name }.joined(separator: partnerSeparator),
            "trainers": data.trainerNames(of: s).joined(separator: "; "), "venue": s.venue, "start": s.start.numeric,
            "end": s.end == s.start ? "" : s.end.numeric, "meetingDays": s.meetingDays.map(\.numeric).joined(separator: "; "),
            "startTime": s.startTime?.description ?? "", "graceMinutes": s.graceMinutes.map(String.init) ?? "",
            "capacity": s.capacity.map(String.init) ?? "", "funding": s.funding ?? "", "status": L10n.value(s.status, lang),
            "certificateMinDays": s.certificateMinDays.map(String.init) ?? "",
            "certificates": s.certificates.map { L10n.text($0 ? .cYes : .cNo, lang) } ?? "",
        ]
    }

    /// An empty form (organised by the council, planned), or one filled with `session`.
    static func make(_ lang: Lang, today: CivilDate, data: Dataset, editing session: BimtekSession? = nil) -> Form {
        let current = session.map { values(of: $0, lang, data) }
            ?? ["organiser": "Dekranasda Kota Malang", "status": L10n.value(SessionStatus.planned, lang),
                "kind": L10n.value(SessionKind.pelatihan, lang)]
        let partners = MultiChoiceKind(data.partners.items.map(\.name).sorted { $0.lowercased() < $1.lowercased() }, separator: partnerSeparator)
        let title = session.map { UIText.text(.uiFormEdit, lang, $0.id) } ?? UIText.text(.uiFormNewSession, lang)
        return Form(title: title, fields: layout.map { item in
            FormField(key: item.key, label: L10n.text(item.label, lang), value: current[item.key] ?? "",
                      required: required.contains(item.key), kind: item.key == "partners" ? partners : item.kind(lang, today),
                      hint: item.hint.map { UIText.text($0, lang) } ?? "", maxLength: item.max)
        })
    }

    /// The session the form describes, on top of `base` (the stored one, whose participants
    /// it keeps), and every problem, by field key.
    /// `picked`: trainers chosen in the picker (folded name → record), so that an artisan
    /// picked stays linked to their record.
    static func read(_ form: Form, onto base: BimtekSession?, _ lang: Lang, data: Dataset,
                     picked: [String: EntityID] = [:]) -> (session: BimtekSession, problems: [FieldError]) {
        var r = FormReader(form, lang)
        let start = r.date("start")
        if start == nil && r.text("start") == nil { r.add(FieldError("start", .required)) }
        let day = start ?? base?.start ?? CivilDate(year: 2000, month: 1, day: 1)!
        var s = base ?? BimtekSession(id: EntityID(.session, 1), title: "", organiser: "", venue: "", start: day, end: day)
        s.title = r.text("title") ?? ""
        s.topic = r.text("topic")
        s.organiser = r.text("organiser") ?? ""
        s.kind = r.choice("kind", SessionKind.self) ?? s.kind
        s.partner = r.text("partner")
        s.partners = partnerIDs(form.value("partners"), data)
        (s.trainerRefs, s.trainers) = trainers(ListCell.names(form.value("trainers")), base: base, data: data, picked: picked)
        s.venue = r.text("venue") ?? ""
        s.start = day
        s.end = r.date("end") ?? day
        switch DateListKind.read(form.value("meetingDays"), year: day.year) {
        case .success(let days): s.meetingDays = days
        case .failure(let bad): r.add(FieldError("meetingDays", .invalidDate(bad.text)))
        }
        s.startTime = r.time("startTime")
        s.graceMinutes = r.number("graceMinutes")
        s.capacity = r.number("capacity")
        s.funding = r.text("funding")
        s.status = r.choice("status", SessionStatus.self) ?? s.status
        s.certificateMinDays = r.number("certificateMinDays")
        s.certificates = r.yesNo("certificates")
        // A start that could not be read is not also "required" by the rules.
        return (s, r.finished(Validation.check(s).filter { !($0.field == "start" && start == nil) }))
    }

    /// The ticked partners' ids, in the order ticked.
    static func partnerIDs(_ text: String, _ data: Dataset) -> [EntityID] {
        let names = text.split(separator: ";").map { Fold.string(String($0).trimmingSpaces) }
        return names.compactMap { name in data.partners.items.first { Fold.string($0.name) == name }?.id }
    }

    /// Each trainer's name as a record when it is one (picked, already linked, or exactly the
    /// name of a board member, the current board first), else as text.
    static func trainers(_ names: [String], base: BimtekSession?, data: Dataset, picked: [String: EntityID]) -> (refs: [EntityID], text: [String]) {
        var linked: [String: EntityID] = [:]
        for id in base?.trainerRefs ?? [] { if let name = data.title(of: id) { linked[Fold.string(name)] = id } }
        let board = data.members.items.sorted { (data.terms[$0.term]?.start ?? CivilDate(dayNumber: 0)) > (data.terms[$1.term]?.start ?? CivilDate(dayNumber: 0)) }
        var refs: [EntityID] = [], text: [String] = []
        for name in names {
            let key = Fold.string(name)
            if let id = picked[key] ?? linked[key] ?? board.first(where: { Fold.string($0.name) == key })?.id {
                if !refs.contains(id) { refs.append(id) }
            } else if !text.contains(name) {
                text.append(name)
            }
        }
        return (refs, text)
    }
}
