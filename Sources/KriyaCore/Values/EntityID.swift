/// A short, stable id typed by its prefix: `A-000123` artisans, `B-000012` Bimtek sessions,
/// `P-000008` exhibitions (pameran), `T-`/`M-`/`R-` the board's terms and members and the
/// partners. Numbers are never reused.
///
/// Where several councils share one registry (docs/postgres.md), an id may also name the office
/// that registered the record, by its four-digit regency/city code: `A-3573-000123` (Kota
/// Malang). The number alone still identifies the record: a registry hands out one sequence
/// per kind to every office, so `A-000123` typed at any desk is the same record, and ids are
/// equal, hashed and ordered by kind and number.
public struct EntityID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, CaseIterable {
        case artisan = "A", session = "B", exhibition = "P"
        /// The council's own records: board terms, board members, partners (rekanan).
        case term = "T", member = "M", partner = "R"
    }

    public let kind: Kind
    /// Two bytes beside the kind's one: the id stays 8 bytes.
    private let storedOffice: UInt16
    /// Four bytes: an id is 8 bytes rather than 16, and every record, participant and reference
    /// holds one. Parsed ids have at most nine digits, so every number fits.
    private let storedNumber: UInt32
    public var number: Int { Int(storedNumber) }
    /// The registering office's code (`3573`), 0 when the id names none.
    public var office: Int { Int(storedOffice) }

    /// An office code is four digits: a regency's or city's code (Kota Malang 3573).
    public static let offices = 1_000...9_999

    /// `text` as an office code (`"3573"`), nil when it is not four digits naming one.
    public static func office(_ text: String) -> Int? {
        guard text.utf8.count == 4, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let code = Int(text),
              offices.contains(code) else { return nil }
        return code
    }

    public init(_ kind: Kind, _ number: Int, office: Int = 0) {
        self.kind = kind
        storedNumber = UInt32(clamping: number)
        storedOffice = EntityID.offices.contains(office) ? UInt16(office) : 0
    }

    public static func == (a: EntityID, b: EntityID) -> Bool {
        a.kind == b.kind && a.storedNumber == b.storedNumber
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(storedNumber)
    }

    /// The id without its office (`A-000123`): what identifies the record wherever it is kept
    /// by text (a database's key, a history lookup).
    public var key: String { EntityID(kind, number).description }

    /// Parses `A-000123`, `a-123` or `A123` (spaces around are ignored); nil for anything else.
    /// Works on bytes: the store reads hundreds of thousands of ids when it opens.
    public init?(_ text: String) {
        var bytes = Substring(text).utf8[...]
        while bytes.first == 0x20 { bytes = bytes.dropFirst() }
        while bytes.last == 0x20 { bytes = bytes.dropLast() }
        guard let first = bytes.first else { return nil }
        let kind: Kind
        switch first | 0x20 {
        case 0x61: kind = .artisan
        case 0x62: kind = .session
        case 0x70: kind = .exhibition
        case 0x74: kind = .term
        case 0x6D: kind = .member
        case 0x72: kind = .partner
        default: return nil
        }
        bytes = bytes.dropFirst()
        if bytes.first == 0x2D { bytes = bytes.dropFirst() }
        // `3573-000123`: an office code of four digits, then the number.
        var office = 0
        if bytes.count > 5, let dash = bytes.firstIndex(of: 0x2D), bytes.distance(from: bytes.startIndex, to: dash) == 4 {
            for b in bytes[..<dash] {
                guard b >= 0x30 && b <= 0x39 else { return nil }
                office = office * 10 + Int(b - 0x30)
            }
            guard EntityID.offices.contains(office) else { return nil }
            bytes = bytes[bytes.index(after: dash)...]
        }
        guard !bytes.isEmpty, bytes.count <= 9 else { return nil }
        var n = 0
        for b in bytes {
            guard b >= 0x30 && b <= 0x39 else { return nil }
            n = n * 10 + Int(b - 0x30)
        }
        guard n > 0 else { return nil }
        self.init(kind, n, office: office)
    }

    public var description: String {
        let digits = String(number)
        let office = storedOffice == 0 ? "" : String(storedOffice) + "-"
        return kind.rawValue + "-" + office + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
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
