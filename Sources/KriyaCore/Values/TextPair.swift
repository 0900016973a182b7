/// Two optional texts held in one optional string: a record kept by the million whose two
/// texts are usually absent or short (a mark's recorder and note; a participant's certificate
/// number and unknown members) then costs 16 bytes instead of 32, and nothing on the heap
/// while both fit a small string. A first scalar says which are there and how many UTF-8
/// bytes the first has; equal pairs are equal strings (the owners' `Hashable` relies on it).
struct TextPair: Hashable, Sendable {
    private var stored: String?

    init(_ first: String?, _ second: String?) {
        stored = Self.joined(first, second)
    }

    private static func joined(_ first: String?, _ second: String?) -> String? {
        guard first != nil || second != nil else { return nil }
        let length = first?.utf8.count ?? 0
        // The head stays below the surrogates (U+D800): a first text of over 13,000 bytes (a
        // file written by hand) is cut, at a scalar, rather than refused.
        guard length < 0x3600 else {
            return joined(String(String.UnicodeScalarView(first!.unicodeScalars.prefix(0x3600 / 4 - 1))), second)
        }
        let head = Unicode.Scalar(UInt32(length << 2 | (first != nil ? 1 : 0) | (second != nil ? 2 : 0)))!
        return String(head) + (first ?? "") + (second ?? "")
    }

    var first: String? {
        get { parts.first }
        set { stored = Self.joined(newValue, second) }
    }

    var second: String? {
        get { parts.second }
        set { stored = Self.joined(first, newValue) }
    }

    /// Cut on bytes, not characters: a second text starting with a combining mark must not
    /// move the boundary.
    var parts: (first: String?, second: String?) {
        guard let stored, let head = stored.unicodeScalars.first else { return (nil, nil) }
        let flags = Int(head.value)
        let utf8 = stored.utf8
        let start = stored.unicodeScalars.index(after: stored.unicodeScalars.startIndex)
        let split = utf8.index(start, offsetBy: flags >> 2)
        return (flags & 1 != 0 ? String(decoding: utf8[start..<split], as: UTF8.self) : nil,
                flags & 2 != 0 ? String(decoding: utf8[split...], as: UTF8.self) : nil)
    }
}
