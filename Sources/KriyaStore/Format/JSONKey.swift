/// An object member's name packed into three integers, so that matching a key against the
/// names a codec knows is three integer compares instead of a String allocation and a chain
/// of String comparisons (the store matches millions of keys when it opens).
struct JSONKey: Equatable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    private(set) var a: UInt64 = 0, b: UInt64 = 0, c: UInt64 = 0
    private(set) var count: Int = 0
    /// Longer than 24 bytes: no codec knows such a key; it is skipped.
    static let maxLength = 24

    @inline(__always)
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        count = bytes.count
        guard count <= JSONKey.maxLength, count > 0 else { return }
        // Copy the bytes straight into the three words (zero-padded).
        var words: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &words) { $0.copyMemory(from: UnsafeRawBufferPointer(bytes)) }
        (a, b, c) = words
    }

    init(stringLiteral value: StaticString) {
        self.init(UnsafeBufferPointer(start: value.utf8Start, count: value.utf8CodeUnitCount))
    }

    init(_ text: String) {
        var copy = text
        self = copy.withUTF8 { JSONKey($0) }
    }

    static func == (l: JSONKey, r: JSONKey) -> Bool {
        l.a == r.a && l.b == r.b && l.c == r.c && l.count == r.count && l.count <= maxLength
    }

    var description: String {
        var words = (a, b, c)
        let bytes = withUnsafeBytes(of: &words) { Array($0.prefix(min(count, JSONKey.maxLength))) }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The values of a string enum, packed for matching as `JSONKey`s.
struct ChoiceTable<E: RawRepresentable & CaseIterable & Sendable>: Sendable where E.RawValue == String {
    let entries: [(key: JSONKey, value: E)]
    init(_: E.Type) { entries = E.allCases.map { (JSONKey($0.rawValue), $0) } }

    func value(for key: JSONKey) -> E? {
        for entry in entries where entry.key == key { return entry.value }
        return nil
    }
}
