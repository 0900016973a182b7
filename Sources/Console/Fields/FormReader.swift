import KriyaCore
import KriyaText
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

    mutating func date(_ key: String) -> CivilDate? { read(key, DateInput.parse, else: FieldError.Problem.invalidDate) }
    mutating func number(_ key: String) -> Int? { read(key, { Int($0) }, else: FieldError.Problem.invalidNumber) }
    mutating func money(_ key: String) -> Int64? { read(key, Rupiah.parse, else: FieldError.Problem.invalidMoney) }
    mutating func time(_ key: String) -> ClockTime? { read(key, { ClockTime($0) }, else: FieldError.Problem.invalidTime) }

    /// A field's text read as a value; nil when empty, or when it does not read (noted as a problem).
    private mutating func read<T>(_ key: String, _ parse: (String) -> T?, else problem: (String) -> FieldError.Problem) -> T? {
        guard let t = text(key) else { return nil }
        if let value = parse(t) { return value }
        problems.append(FieldError(key, problem(t)))
        return nil
    }

    mutating func choice<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) -> E? where E.RawValue == String {
        guard let t = text(key) else { return nil }
        if let v = Choices.read(t, as: type, lang) { return v }
        problems.append(FieldError(key, .invalidChoice(t, allowed: E.allCases.map { L10n.value($0, lang) })))
        return nil
    }

    /// Yes or no in the user's language (or the other one); nil when empty.
    mutating func yesNo(_ key: String) -> Bool? {
        guard let t = text(key).map(Fold.string) else { return nil }
        if Lang.allCases.contains(where: { Fold.string(L10n.text(.cYes, $0)) == t }) { return true }
        if Lang.allCases.contains(where: { Fold.string(L10n.text(.cNo, $0)) == t }) { return false }
        problems.append(FieldError(key, .invalidChoice(t, allowed: [L10n.text(.cYes, lang), L10n.text(.cNo, lang)])))
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
