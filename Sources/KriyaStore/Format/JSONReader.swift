/// A strict, allocation-light reader for the store's JSON lines. Foundation's decoders read
/// about 45k records/s here, too slow to open 100k artisans in 400 ms (DESIGN.md §2); this
/// cursor reads the bytes in place and is checked against `JSONDecoder` by a differential test.
struct JSONReader {
    struct Failure: Error, CustomStringConvertible {
        let offset: Int
        let reason: String
        var description: String { "\(reason) at column \(offset + 1)" }
    }

    private let base: UnsafePointer<UInt8>
    private let end: Int
    private(set) var pos = 0
    /// Objects and arrays open around the cursor: bounded, so a hostile line of 70k `[`
    /// is a damaged line instead of a stack overflow.
    private var depth = 0
    /// Where the member being read began (its key's opening quote), to keep it word for word.
    private var memberStart = 0

    init(_ buffer: UnsafeBufferPointer<UInt8>) {
        // An empty buffer has no base address; point at a static byte instead.
        base = buffer.baseAddress ?? JSONReader.emptyBase
        end = buffer.count
    }

    // Never written through; read-only, so sharing it is safe.
    nonisolated(unsafe) private static let emptyBase: UnsafePointer<UInt8> = {
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        p.initialize(to: 0)
        return UnsafePointer(p)
    }()

    func fail(_ reason: String) -> Failure { Failure(offset: pos, reason: reason) }

    @inline(__always)
    private mutating func skipSpace() {
        while pos < end {
            let b = base[pos]
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D { pos += 1 } else { break }
        }
    }

    @inline(__always)
    private mutating func expect(_ byte: UInt8) throws(Failure) {
        skipSpace()
        guard pos < end, base[pos] == byte else { throw fail("expected '\(Character(Unicode.Scalar(byte)))'") }
        pos += 1
    }

    @inline(__always)
    private mutating func peek() -> UInt8? {
        skipSpace()
        return pos < end ? base[pos] : nil
    }

    /// After the top-level value only white space may follow.
    mutating func finish() throws(Failure) {
        skipSpace()
        if pos != end { throw fail("unexpected text after the record") }
    }

    /// Reads an object, calling `body` with each key; `body` must read or skip the value.
    mutating func object(_ body: (inout JSONReader, JSONKey) throws(Failure) -> Void) throws(Failure) {
        try expect(0x7B)
        try enter()
        defer { depth -= 1 }
        if peek() == 0x7D { pos += 1; return }
        while true {
            skipSpace()
            memberStart = pos
            let key = try key()
            try expect(0x3A)
            try body(&self, key)
            skipSpace()
            guard pos < end else { throw fail("unterminated object") }
            if base[pos] == 0x2C { pos += 1; continue }
            if base[pos] == 0x7D { pos += 1; return }
            throw fail("expected ',' or '}'")
        }
    }

    /// Reads an array, calling `body` once per element to read it.
    mutating func array(_ body: (inout JSONReader) throws(Failure) -> Void) throws(Failure) {
        try expect(0x5B)
        try enter()
        defer { depth -= 1 }
        if peek() == 0x5D { pos += 1; return }
        while true {
            try body(&self)
            skipSpace()
            guard pos < end else { throw fail("unterminated array") }
            if base[pos] == 0x2C { pos += 1; continue }
            if base[pos] == 0x5D { pos += 1; return }
            throw fail("expected ',' or ']'")
        }
    }

    private mutating func enter() throws(Failure) {
        depth += 1
        if depth > JSONLimits.maxDepth { depth -= 1; throw fail("nested too deeply (more than \(JSONLimits.maxDepth) levels)") }
    }

    /// A member name: read in place when it has no escapes (the store never writes any).
    mutating func key() throws(Failure) -> JSONKey {
        try expect(0x22)
        let start = pos
        while pos < end, base[pos] != 0x22, base[pos] != 0x5C { pos += 1 }
        if pos < end, base[pos] == 0x22 {
            let k = JSONKey(UnsafeBufferPointer(start: base + start, count: pos - start))
            pos += 1
            return k
        }
        pos = start - 1
        return JSONKey(try string())
    }

    mutating func strings() throws(Failure) -> [String] {
        var out: [String] = []
        try array { r throws(Failure) in out.append(try r.string()) }
        return out
    }

    /// True (and consumed) when the next value is `null`.
    @inline(__always)
    mutating func null() -> Bool {
        guard peek() == 0x6E, pos + 4 <= end, base[pos + 1] == 0x75, base[pos + 2] == 0x6C, base[pos + 3] == 0x6C
        else { return false }
        pos += 4
        return true
    }

    mutating func bool() throws(Failure) -> Bool {
        let b = peek()
        if b == 0x74, pos + 4 <= end, base[pos + 1] == 0x72, base[pos + 2] == 0x75, base[pos + 3] == 0x65 {
            pos += 4
            return true
        }
        if b == 0x66, pos + 5 <= end, base[pos + 1] == 0x61, base[pos + 2] == 0x6C, base[pos + 3] == 0x73, base[pos + 4] == 0x65 {
            pos += 5
            return false
        }
        throw fail("expected true or false")
    }

    /// A whole number (no fraction or exponent: the store writes none).
    mutating func int64() throws(Failure) -> Int64 {
        skipSpace()
        var negative = false
        if pos < end, base[pos] == 0x2D { negative = true; pos += 1 }
        let start = pos
        var value: Int64 = 0
        while pos < end, base[pos] >= 0x30, base[pos] <= 0x39 {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(Int64(base[pos] - 0x30))
            if o1 || o2 { throw fail("number too large") }
            value = a
            pos += 1
        }
        if pos == start { throw fail("expected a number") }
        if pos - start > 1 && base[start] == 0x30 { throw fail("leading zero in number") }
        if pos < end, base[pos] == 0x2E || base[pos] == 0x65 || base[pos] == 0x45 { throw fail("expected a whole number") }
        return negative ? -value : value
    }

    mutating func int() throws(Failure) -> Int { Int(try int64()) }

    /// A count (workers, capacity, transactions…): 0 up to a billion.
    mutating func count() throws(Failure) -> Int {
        let n = try int64()
        guard (0...JSONLimits.maxCount).contains(n) else { throw fail("not a count (0 to \(JSONLimits.maxCount)): \(n)") }
        return Int(n)
    }

    /// A record's revision: 1 when created, one more on each change.
    mutating func revision() throws(Failure) -> Int {
        let n = try int64()
        guard (1...JSONLimits.maxCount).contains(n) else { throw fail("not a revision (1 or more): \(n)") }
        return Int(n)
    }

    /// An amount of money in whole rupiah, as `Rupiah` accepts it (at most 15 digits), so
    /// that sums over many records cannot overflow.
    mutating func money() throws(Failure) -> Int64 {
        let n = try int64()
        guard (0...Rupiah.maxAmount).contains(n) else { throw fail("not an amount of rupiah (0 to \(Rupiah.maxAmount)): \(n)") }
        return n
    }

    mutating func string() throws(Failure) -> String {
        try expect(0x22)
        let start = pos
        var ascii = true
        // Fast path: no escapes.
        while pos < end {
            let b = base[pos]
            if b == 0x22 {
                let buf = UnsafeBufferPointer(start: base + start, count: pos - start)
                pos += 1
                if ascii { return String(decoding: buf, as: UTF8.self) }
                guard let s = String(validating: buf, as: UTF8.self) else { throw fail("invalid UTF-8 in text") }
                return s
            }
            if b == 0x5C { break }
            if b < 0x20 { throw fail("control character in text") }
            if b >= 0x80 { ascii = false }
            pos += 1
        }
        // Slow path: unescape.
        var out = Array(UnsafeBufferPointer(start: base + start, count: pos - start))
        while pos < end {
            let b = base[pos]
            pos += 1
            switch b {
            case 0x22:
                guard let s = String(validating: out, as: UTF8.self) else { throw fail("invalid UTF-8 in text") }
                return s
            case 0x5C:
                guard pos < end else { break }
                let e = base[pos]
                pos += 1
                switch e {
                case 0x22, 0x5C, 0x2F: out.append(e)
                case 0x62: out.append(0x08)
                case 0x66: out.append(0x0C)
                case 0x6E: out.append(0x0A)
                case 0x72: out.append(0x0D)
                case 0x74: out.append(0x09)
                case 0x75:
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard pos + 2 <= end, base[pos] == 0x5C, base[pos + 1] == 0x75 else { throw fail("lone surrogate") }
                        pos += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw fail("bad surrogate pair") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00..<0xE000).contains(scalar) {
                        throw fail("lone surrogate")
                    }
                    guard let u = Unicode.Scalar(scalar) else { throw fail("bad \\u escape") }
                    out.append(contentsOf: Array(String(Character(u)).utf8))
                default: throw fail("bad escape")
                }
            default:
                if b < 0x20 { throw fail("control character in text") }
                out.append(b)
            }
        }
        throw fail("unterminated text")
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard pos + 4 <= end else { throw fail("short \\u escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = base[pos]
            pos += 1
            switch c {
            case 0x30...0x39: v = v << 4 | UInt32(c - 0x30)
            case 0x61...0x66: v = v << 4 | UInt32(c - 0x61 + 10)
            case 0x41...0x46: v = v << 4 | UInt32(c - 0x41 + 10)
            default: throw fail("bad \\u escape")
            }
        }
        return v
    }

    /// Any value, as written (an object kept word for word).
    mutating func rawValue() throws(Failure) -> [UInt8] {
        skipSpace()
        let start = pos
        try skipValue()
        return Array(UnsafeBufferPointer(start: base + start, count: pos - start))
    }

    /// Skips any value (for keys this version does not know: newer files stay readable).
    mutating func skipValue() throws(Failure) {
        switch peek() {
        case 0x7B: try object { r, _ throws(Failure) in try r.skipValue() }
        case 0x5B: try array { r throws(Failure) in try r.skipValue() }
        case 0x22: _ = try string()
        case 0x74, 0x66: _ = try bool()
        case 0x6E: if !null() { throw fail("bad value") }
        default:
            // A number, possibly with fraction or exponent.
            let start = pos
            while pos < end, "-+.eE0123456789".utf8.contains(base[pos]) { pos += 1 }
            if pos == start { throw fail("bad value") }
        }
    }

    /// Skips the value of a member this version does not know, and keeps the whole member
    /// (`"key":value`, as written) in `kept`, comma-separated, so it can be written back.
    /// The checksum member of a line is not kept: it is made anew.
    mutating func keepUnknown(_ key: JSONKey, in kept: inout String?) throws(Failure) {
        let start = memberStart
        try skipValue()
        guard key != "crc" else { return }
        let member = String(decoding: UnsafeBufferPointer(start: base + start, count: pos - start), as: UTF8.self)
        kept = kept.map { $0 + "," + member } ?? member
    }

    // MARK: - Values of the domain

    mutating func entityID() throws(Failure) -> EntityIDValue {
        let s = try string()
        guard let id = EntityIDValue(s) else { throw fail("not an id: \(s)") }
        return id
    }

    mutating func date() throws(Failure) -> CivilDateValue {
        let s = try string()
        guard let d = CivilDateValue.parseISO(s) else { throw fail("not a date (YYYY-MM-DD): \(s)") }
        return d
    }

    mutating func time() throws(Failure) -> ClockTimeValue {
        let s = try string()
        guard let t = ClockTimeValue(s) else { throw fail("not a time (HH:MM): \(s)") }
        return t
    }

    /// One of an enum's values, matched in place without making a String.
    mutating func choice<E>(_ table: ChoiceTable<E>) throws(Failure) -> E {
        let start = pos
        let k = try key()
        guard let v = table.value(for: k) else {
            pos = start
            throw fail("unknown value \"\(try string())\"")
        }
        return v
    }
}

/// What a line the store reads may hold at most. Nothing the store writes comes near them.
enum JSONLimits {
    static let maxDepth = 32
    static let maxCount: Int64 = 1_000_000_000
    /// A journal line of an import of 2,000 artisans is about 1.5 MB.
    static let maxLineBytes = 32 << 20

    static func tooLong(_ bytes: Int) -> String {
        "line longer than \(maxLineBytes >> 20) MB (\(bytes) bytes): not a record Kriya wrote"
    }
}

import KriyaCore
typealias EntityIDValue = KriyaCore.EntityID
typealias CivilDateValue = KriyaCore.CivilDate
typealias ClockTimeValue = KriyaCore.ClockTime
