/// A short, stable id typed by its prefix: `A-000123` artisans, `B-000012` Bimtek sessions,
/// `P-000008` exhibitions (pameran). Numbers are never reused.
public struct EntityID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        case artisan = "A", session = "B", exhibition = "P"
    }

    public let kind: Kind
    public let number: Int

    public init(_ kind: Kind, _ number: Int) {
        self.kind = kind
        self.number = number
    }

    /// Parses `A-000123`, `a-123` or `A123`; nil for anything else.
    public init?(_ text: String) {
        var rest = Substring(text.trimmingSpaces.uppercased())
        guard let first = rest.first, let kind = Kind(rawValue: String(first)) else { return nil }
        rest = rest.dropFirst()
        if rest.first == "-" { rest = rest.dropFirst() }
        guard !rest.isEmpty, rest.count <= 9, rest.allSatisfy(\.isASCIIDigit), let n = Int(rest), n > 0 else { return nil }
        self.init(kind, n)
    }

    public var description: String {
        let digits = String(number)
        return kind.rawValue + "-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    public static func < (a: EntityID, b: EntityID) -> Bool {
        a.kind == b.kind ? a.number < b.number : a.kind.rawValue < b.kind.rawValue
    }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let id = EntityID(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not an id: \(text)"))
        }
        self = id
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}
