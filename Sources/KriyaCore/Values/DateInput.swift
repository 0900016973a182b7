import KriyaText

/// Reading and writing dates the way Indonesians do: `16/09/2020`, `16/9/2020`, `16-09-2020`,
/// `2020-09-16`, `16 Sep 2020`, `16 Agustus 2020` (month names in Indonesian or English).
public enum DateInput {
    public static func parse(_ input: String) -> CivilDate? {
        let text = input.trimmingSpaces
        if let iso = CivilDate.parseISO(text) { return iso }
        for separator: Character in ["/", "-", "."] {
            let parts = text.split(separator: separator, omittingEmptySubsequences: false)
            if parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }) {
                guard let d = Int(parts[0]), let m = Int(parts[1]), var y = Int(parts[2]),
                      parts[0].count <= 2, parts[1].count <= 2, parts[2].count == 4 || parts[2].count == 2 else { return nil }
                if parts[2].count == 2 { y += 2000 }
                return CivilDate(year: y, month: m, day: d)
            }
        }
        // "16 Sep 2020", "16 September 2020", "16-Agu-2020".
        let words = text.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "," })
        guard words.count == 3, let d = Int(words[0]), let y = Int(words[2]), words[2].count == 4,
              let m = month(named: String(words[1])) else { return nil }
        return CivilDate(year: y, month: m, day: d)
    }

    /// A year ("2021") or a month ("03/2021", "Maret 2021", "Mar-2021") as its first day: how
    /// office sheets often record when an artisan joined. Not for dates people type in a form.
    public static func yearOrMonth(_ input: String) -> CivilDate? {
        let text = input.trimmingSpaces
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "/" || $0 == "-" || $0 == "." })
        guard let last = parts.last, last.count == 4, let year = Int(last), (1900...2200).contains(year) else { return nil }
        switch parts.count {
        case 1: return CivilDate(year: year, month: 1, day: 1)
        case 2:
            let m = parts[0].allSatisfy(\.isASCIIDigit) ? Int(parts[0]) : month(named: String(parts[0]))
            return m.flatMap { CivilDate(year: year, month: $0, day: 1) }
        default: return nil
        }
    }

    /// Month number from an Indonesian or English name or abbreviation.
    public static func month(named name: String) -> Int? {
        let folded = Fold.string(name).filter { $0 != "." }
        guard folded.count >= 3 else { return nil }
        for (index, pair) in zip(monthNames.id, monthNames.en).enumerated() {
            for candidate in [pair.0, pair.1] {
                let c = Fold.string(candidate)
                if c == folded || (folded.count >= 3 && c.hasPrefix(folded)) { return index + 1 }
            }
        }
        if folded == "agt" || folded == "ags" { return 8 }
        return nil
    }

    static let monthNames = (
        id: ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus",
             "September", "Oktober", "November", "Desember"],
        en: ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]
    )
    static let monthShort = (
        id: ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"],
        en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    )
    static let weekdayNames = (
        id: ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"],
        en: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    )
}

extension CivilDate {
    /// `16 Sep 2026` (`16 Agu 2026` in Indonesian).
    public func short(_ lang: Lang) -> String {
        let months = lang == .id ? DateInput.monthShort.id : DateInput.monthShort.en
        return "\(day) \(months[month - 1]) \(year)"
    }

    /// `Rabu` / `Wednesday`.
    public func weekdayName(_ lang: Lang) -> String {
        (lang == .id ? DateInput.weekdayNames.id : DateInput.weekdayNames.en)[weekday]
    }

    /// `16 September 2026`, as letters and documents write it.
    public func full(_ lang: Lang) -> String {
        "\(day) \((lang == .id ? DateInput.monthNames.id : DateInput.monthNames.en)[month - 1]) \(year)"
    }

    /// `Rabu, 16 Sep 2026`.
    public func long(_ lang: Lang) -> String { "\(weekdayName(lang)), \(short(lang))" }

    /// `Sep 2026` (`Agu 2026` in Indonesian).
    /// `Desember 2026`.
    public func monthYear(_ lang: Lang) -> String {
        "\((lang == .id ? DateInput.monthNames.id : DateInput.monthNames.en)[month - 1]) \(year)"
    }

    public func monthShortYear(_ lang: Lang) -> String {
        "\((lang == .id ? DateInput.monthShort.id : DateInput.monthShort.en)[month - 1]) \(year)"
    }
}

/// A time of day, `08:30`, for check-ins and session start times.
public struct ClockTime: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Two bytes (every attendance mark holds one).
    private let storedMinutes: UInt16
    public var minutes: Int { Int(storedMinutes) }

    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        storedMinutes = UInt16(hour * 60 + minute)
    }

    /// `8:30`, `08:30` or `08.30` (the Indonesian way).
    public init?(_ text: String) {
        let parts = text.trimmingSpaces.split(whereSeparator: { $0 == ":" || $0 == "." })
        guard parts.count == 2, parts[1].count == 2, parts[0].count <= 2,
              let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        self.init(hour: h, minute: m)
    }

    public var description: String { "\(pad(minutes / 60, 2)):\(pad(minutes % 60, 2))" }
    public static func < (a: ClockTime, b: ClockTime) -> Bool { a.minutes < b.minutes }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let t = ClockTime(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a time: \(text)"))
        }
        self = t
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
