/// An object member's name packed into three integers, so that matching a key against the
/// names a codec knows is three integer compares instead of a String allocation and a chain
/// of String comparisons (the store matches millions of keys when it opens).
struct JSONKey: Equatable, ExpressibleByStringLiteral, CustomStringConvertible {
    private(set) var a: UInt64 = 0, b: UInt64 = 0, c: UInt64 = 0
    private(set) var count: Int = 0
    /// Longer than 24 bytes: no codec knows such a key; it is skipped.
    static let maxLength = 24

    @inline(__always)
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        count = bytes.count
        guard count <= JSONKey.maxLength else { return }
        for (i, byte) in bytes.enumerated() {
            let shift = UInt64((i % 8) * 8)
            switch i / 8 {
            case 0: a |= UInt64(byte) << shift
            case 1: b |= UInt64(byte) << shift
            default: c |= UInt64(byte) << shift
            }
        }
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
        var bytes: [UInt8] = []
        for i in 0..<min(count, JSONKey.maxLength) {
            let word = i < 8 ? a : (i < 16 ? b : c)
            bytes.append(UInt8(truncatingIfNeeded: word >> UInt64((i % 8) * 8)))
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
