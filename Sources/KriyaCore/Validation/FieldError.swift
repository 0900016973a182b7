/// One problem with one field of a record, as validation reports it. The message text comes
/// from the string tables (`L10n`), so the same error reads well in Indonesian and English.
public struct FieldError: Hashable, Sendable, CustomStringConvertible {
    /// The field's key as in the files, with a path for list items: `products[2].price`.
    public let field: String
    public let problem: Problem

    public init(_ field: String, _ problem: Problem) {
        self.field = field
        self.problem = problem
    }

    public enum Problem: Hashable, Sendable {
        case required
        case tooLong(max: Int)
        case phone(Phone.Problem)
        case digits(count: Int)            // NIB 13, NIK 16, KBLI 5
        case unknownKelurahan(String)
        case unknownKecamatan(String)
        case unknownCategory(String)
        case invalidDate(String)
        case invalidTime(String)
        case invalidMoney(String)
        case invalidNumber(String)
        case invalidEmail(String)
        /// Not an account name (`@batik.sekar`) or a link to one.
        case invalidHandle(String)
        /// Not a web address (`tokopedia.com/…`).
        case invalidLink(String)
        case invalidChoice(String, allowed: [String])
        case endBeforeStart
        case dayOutsideRange(CivilDate)
        case notPositive
        /// A whole number outside what is allowed, both ends included.
        case outOfRange(min: Int, max: Int)
        case negative
        case unknownReference(EntityID)
        case duplicate(String)
        case kelurahanElsewhere(kelurahan: String, kecamatan: String)
        /// A spreadsheet turned the phone into a rounded number ("8,12346E+10").
        case roundedNumber(String)
        /// Escape sequences, bells and the like: never part of a name or an address.
        case controlCharacters
    }

    public var description: String { "\(field): \(L10n.problem(problem, .en))" }
}

/// Collects field errors while checking a record.
struct Checker {
    var errors: [FieldError] = []

    // Field names are autoclosures: "products[3].name" is only built when that value fails
    // (an import checks every row twice, and most rows are fine).
    mutating func fail(_ field: @autoclosure () -> String, _ problem: FieldError.Problem) {
        errors.append(FieldError(field(), problem))
    }

    mutating func required(_ field: @autoclosure () -> String, _ value: String?, max: Int = 200) {
        guard let value, !value.trimmingSpaces.isEmpty else { return fail(field(), .required) }
        if Self.longer(value, than: max) { fail(field(), .tooLong(max: max)) }
        if Self.hasControls(value) { fail(field(), .controlCharacters) }
    }

    mutating func optional(_ field: @autoclosure () -> String, _ value: String?, max: Int = 200) {
        guard let value else { return }
        if Self.longer(value, than: max) { fail(field(), .tooLong(max: max)) }
        if Self.hasControls(value) { fail(field(), .controlCharacters) }
    }

    /// C0 controls but tab and line ends, DEL, and C1 controls (U+0080–U+009F, two bytes in UTF-8).
    static func hasControls(_ value: String) -> Bool {
        func scan<S: Sequence<UInt8>>(_ bytes: S) -> Bool {
            var previous: UInt8 = 0
            for b in bytes {
                if (b < 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) || b == 0x7F || (previous == 0xC2 && b >= 0x80 && b <= 0x9F) { return true }
                previous = b
            }
            return false
        }
        // On the bytes in place when the string has them contiguous (nearly always).
        return value.utf8.withContiguousStorageIfAvailable(scan) ?? scan(value.utf8)
    }

    mutating func digits(_ field: @autoclosure () -> String, _ value: String?, count: Int) {
        guard let value, !value.isEmpty else { return }
        if value.utf8.count != count || !value.utf8.allSatisfy({ (0x30...0x39).contains($0) }) { fail(field(), .digits(count: count)) }
    }

    /// A count of people or things: not negative, and not beyond what the store reads back.
    mutating func nonNegative(_ field: @autoclosure () -> String, _ value: Int?) {
        guard let value else { return }
        if value < 0 { fail(field(), .negative) } else if value > 1_000_000_000 { fail(field(), .invalidNumber(String(value))) }
    }

    /// Whole rupiah: not negative, and at most `Rupiah.maxAmount` (sums must not overflow).
    mutating func money(_ field: @autoclosure () -> String, _ value: Int64?) {
        guard let value else { return }
        if value < 0 { fail(field(), .negative) } else if value > Rupiah.maxAmount { fail(field(), .invalidMoney(String(value))) }
    }

    mutating func range(_ startField: @autoclosure () -> String, _ start: CivilDate?, _ endField: @autoclosure () -> String, _ end: CivilDate?) {
        if let start, let end, end < start { fail(endField(), .endBeforeStart) }
    }

    /// More than `max` characters; counting bytes first, since a text of at most `max` bytes
    /// cannot hold more characters than that, and counting characters walks the text.
    private static func longer(_ value: String, than max: Int) -> Bool {
        value.utf8.count > max && value.count > max
    }
}
