import KriyaCore
import TextUI

// The field kinds that read values the way the domain does. Each shows, beside a value it
// can read, what it read: a typing slip shows up before the form is saved.

/// An Indonesian mobile number; shows the number as it will be saved.
struct PhoneKind: FieldKind {
    /// The council's partners and board may give a landline; artisans a mobile number.
    var landline = false
    func accepts(_ c: Character) -> Bool { CharacterFilter.phone.accepts(c) }
    func note(for text: String) -> String? {
        guard case .success(let normalised) = Phone.normalise(text, allowingLandline: landline) else { return nil }
        return "✓ " + normalised
    }
}

/// A date as people type it (`16/09/2026`, `16-9-2026`, `2026-09-16`, `16 Sep 2026`); shows
/// the weekday, the usual check that the right day was meant.
struct DateKind: FieldKind {
    let lang: Lang
    func accepts(_ c: Character) -> Bool { CharacterFilter.amountOrDate.accepts(c) }
    func note(for text: String) -> String? { DateInput.parse(text).map { $0.long(lang) } }
}

/// A time of day, `08.30` or `8:30`.
struct TimeKind: FieldKind {
    func accepts(_ c: Character) -> Bool { c.isASCII && (c.isNumber || c == ":" || c == ".") }
    func note(for text: String) -> String? { ClockTime(text).map { "✓ \($0)" } }
}

/// Rupiah: `7.350.000`, `7350000`, `7,35 jt`; shows the amount it read.
struct MoneyKind: FieldKind {
    func accepts(_ c: Character) -> Bool { CharacterFilter.amountOrDate.accepts(c) }
    func note(for text: String) -> String? {
        guard !text.isEmpty, let amount = Rupiah.parse(text) else { return nil }
        return Rupiah.format(amount)
    }
}

/// Several dates, separated by `;` or `,` (a course's meeting days); a date typed without its
/// year (`16/09`) is in `year` (the current one; on saving, the start date's). Shows each
/// with its weekday.
struct DateListKind: FieldKind {
    let lang: Lang
    let year: Int
    func accepts(_ c: Character) -> Bool { CharacterFilter.amountOrDate.accepts(c) || c == ";" }
    func note(for text: String) -> String? {
        guard case .success(let days) = Self.read(text, year: year), !days.isEmpty else { return nil }
        let shown = days.prefix(4).map { "\($0.weekdayName(lang).prefix(3)) \($0.day)/\($0.month)" }.joined(separator: ", ")
        return "\(days.count): " + shown + (days.count > 4 ? "…" : "")
    }

    /// The dates in order, or the first piece that is not a date.
    struct NotADate: Error { let text: String }

    static func read(_ text: String, year: Int) -> Result<[CivilDate], NotADate> {
        var days: [CivilDate] = []
        for piece in text.split(whereSeparator: { $0 == ";" || $0 == "," }).map({ String($0).trimmingSpaces }) where !piece.isEmpty {
            guard let d = DateInput.parse(piece) ?? DateInput.parse(piece + "/\(year)") else {
                return .failure(NotADate(text: piece))
            }
            days.append(d)
        }
        return .success(Array(Set(days)).sorted())
    }
}
