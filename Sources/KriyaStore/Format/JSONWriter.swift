/// A small JSON writer for the store's own lines: members in the order written, no spaces,
/// optional members left out when nil. Output is UTF-8 bytes, ready to seal.
struct JSONWriter {
    var bytes: [UInt8] = []
    private var needsComma = false

    init(capacity: Int = 512) { bytes.reserveCapacity(capacity) }

    mutating func beginObject() { separator(); bytes.append(0x7B); needsComma = false }
    mutating func endObject() { bytes.append(0x7D); needsComma = true }
    mutating func beginArray() { separator(); bytes.append(0x5B); needsComma = false }
    mutating func endArray() { bytes.append(0x5D); needsComma = true }

    /// Members kept word for word (`"a":1,"b":"x"`), read by `JSONReader.keepUnknown`.
    mutating func members(raw: String?) {
        guard let raw, !raw.isEmpty else { return }
        separator()
        bytes.append(contentsOf: raw.utf8)
        needsComma = true
    }

    /// `"key":` and a JSON object written elsewhere, word for word.
    mutating func member(_ k: StaticString, object: [UInt8]) {
        key(k)
        bytes.append(contentsOf: object)
        needsComma = true
    }

    /// Writes `"key":` — the value must follow.
    mutating func key(_ key: StaticString) {
        separator()
        bytes.append(0x22)
        key.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(0x22)
        bytes.append(0x3A)
        needsComma = false
    }

    /// Writes `"key":` for a name from a table (plain ASCII, as `ArtisanTextField`'s).
    mutating func key(named key: String) {
        separator()
        bytes.append(0x22)
        bytes.append(contentsOf: key.utf8)
        bytes.append(0x22)
        bytes.append(0x3A)
        needsComma = false
    }

    mutating func string(_ value: String) {
        separator()
        bytes.append(0x22)
        // Most values need no escaping: then they are copied in one go, not byte by byte.
        let plain = value.utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0x7F }
        } ?? false
        if plain {
            bytes.append(contentsOf: value.utf8)
            bytes.append(0x22)
            needsComma = true
            return
        }
        for b in value.utf8 {
            switch b {
            case 0x22: bytes.append(0x5C); bytes.append(0x22)
            case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
            case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
            case 0x0D: bytes.append(0x5C); bytes.append(0x72)
            case 0x09: bytes.append(0x5C); bytes.append(0x74)
            case 0x00..<0x20, 0x7F:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(b >> 4)], hex[Int(b & 0xF)]])
            default: bytes.append(b)
            }
        }
        bytes.append(0x22)
        needsComma = true
    }

    mutating func int<I: BinaryInteger>(_ value: I) {
        separator()
        bytes.append(contentsOf: String(value).utf8)
        needsComma = true
    }

    mutating func bool(_ value: Bool) {
        separator()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
        needsComma = true
    }

    // Members, for brevity in the codecs.
    mutating func member(_ k: StaticString, _ v: String) { key(k); string(v) }
    mutating func member(_ k: StaticString, _ v: String?) { if let v { key(k); string(v) } }
    mutating func member(named k: String, _ v: String?) { if let v { key(named: k); string(v) } }
    mutating func member<I: BinaryInteger>(_ k: StaticString, _ v: I?) { if let v { key(k); int(v) } }
    mutating func member(_ k: StaticString, _ v: Bool) { key(k); bool(v) }
    mutating func member<E: RawRepresentable>(_ k: StaticString, _ v: E?) where E.RawValue == String {
        if let v { key(k); string(v.rawValue) }
    }
    mutating func member(_ k: StaticString, strings: [String]) {
        key(k); beginArray(); for s in strings { string(s) }; endArray()
    }

    private mutating func separator() {
        if needsComma { bytes.append(0x2C) }
    }
}
