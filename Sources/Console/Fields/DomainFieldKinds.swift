import KriyaCore
import TextUI

// The field kinds that read values the way the domain does. Each shows, beside a value it
// can read, what it read: a typing slip shows up before the form is saved.

/// An Indonesian mobile number; shows the number as it will be saved.
struct PhoneKind: FieldKind {
    func accepts(_ c: Character) -> Bool { CharacterFilter.phone.accepts(c) }
    func note(for text: String) -> String? {
        guard case .success(let normalised) = Phone.normalise(text) else { return nil }
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
