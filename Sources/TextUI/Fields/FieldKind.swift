/// What kind of value a form field holds: which typed characters it takes, and a short check
/// shown beside a value as it is typed (a date's weekday, a phone as it will be saved, an
/// amount in rupiah). Each kind is its own small type; the ones that need the domain's parsers
/// live with the forms that use them.
public protocol FieldKind: Sendable {
    func accepts(_ c: Character) -> Bool
    /// The check shown beside `text`, or nil for none (empty text, or nothing to add).
    func note(for text: String) -> String?
}

extension FieldKind {
    public func note(for text: String) -> String? { nil }
}

/// Free text, or text limited to some characters as they are typed.
public struct TextKind: FieldKind {
    public let filter: CharacterFilter
    public init(_ filter: CharacterFilter = .any) { self.filter = filter }
    public func accepts(_ c: Character) -> Bool { filter.accepts(c) }
}

/// Which characters a field takes as they are typed; everything else is ignored at once.
public enum CharacterFilter: Equatable, Sendable {
    case any, digits
    /// Digits and what people put in phone numbers: + - space ( ) .
    case phone
    /// Digits and what people put in dates and amounts: / - . , : space and letters (`jt`, `rb`).
    case amountOrDate

    public func accepts(_ c: Character) -> Bool {
        switch self {
        case .any: return true
        case .digits: return c.isASCII && c.isNumber
        case .phone: return (c.isASCII && c.isNumber) || "+- ().".contains(c)
        case .amountOrDate: return c.isASCII && (c.isNumber || c.isLetter || "/-.,: ".contains(c))
        }
    }
}
