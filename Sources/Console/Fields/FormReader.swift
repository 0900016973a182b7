import KriyaCore
import TextUI

/// Reads a form's values as the domain's types, collecting a problem for each one that does
/// not read (the session and exhibition forms share it).
struct FormReader {
    let form: Form
    let lang: Lang
    private(set) var problems: [FieldError] = []

    init(_ form: Form, _ lang: Lang) {
        self.form = form
        self.lang = lang
    }

    /// The trimmed text, nil when empty.
    func text(_ key: String) -> String? {
        let t = form.value(key).trimmingSpaces
        return t.isEmpty ? nil : t
    }

    mutating func date(_ key: String) -> CivilDate? {
        guard let t = text(key) else { return nil }
        if let d = DateInput.parse(t) { return d }
        problems.append(FieldError(key, .invalidDate(t)))
        return nil
    }

    mutating func number(_ key: String) -> Int? {
        guard let t = text(key) else { return nil }
        if let n = Int(t) { return n }
        problems.append(FieldError(key, .invalidNumber(t)))
        return nil
    }

    mutating func money(_ key: String) -> Int64? {
        guard let t = text(key) else { return nil }
        if let amount = Rupiah.parse(t) { return amount }
        problems.append(FieldError(key, .invalidMoney(t)))
        return nil
    }

    mutating func time(_ key: String) -> ClockTime? {
        guard let t = text(key) else { return nil }
        if let time = ClockTime(t) { return time }
        problems.append(FieldError(key, .invalidTime(t)))
        return nil
    }

    mutating func choice<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) -> E? where E.RawValue == String {
        guard let t = text(key) else { return nil }
        if let v = Choices.read(t, as: type, lang) { return v }
        problems.append(FieldError(key, .invalidChoice(t, allowed: E.allCases.map { L10n.value($0, lang) })))
        return nil
    }

    mutating func add(_ problem: FieldError) { problems.append(problem) }

    /// The core's rules for what could be read (a field that could not be read is not
    /// reported twice), after the reading problems.
    func finished(_ rules: [FieldError]) -> [FieldError] {
        let unread = Set(problems.map(\.field))
        return problems + rules.filter { !unread.contains($0.field) }
    }
}
