/// An artisan's details in one exact-sized byte buffer: a million artisans held as Swift
/// values cost ~10 allocations each (every string over 15 bytes, every list and its products'
/// names); packed, one. Fields present are written in tag order as tag, length, payload, so
/// one field is read by skipping the others, and equal details always pack to equal bytes
/// (the synthesised `Hashable` of `Artisan` relies on it). The business name comes first,
/// length-prefixed and untagged: lists show it, but only for the rows on screen, and held as
/// its own string it cost a heap object (~80 bytes) for most names, on top of 16 inline.
struct PackedDetails: Hashable, Sendable {
    private(set) var bytes: [UInt8] = []

    /// A field's tag. The plain text details (`ArtisanTextField`) follow the others, by index.
    struct Tag: Equatable {
        let rawValue: UInt8
        static let phoneTyped = Tag(rawValue: 1), email = Tag(rawValue: 2), kbli = Tag(rawValue: 5)
        static let workers = Tag(rawValue: 6), products = Tag(rawValue: 7), certifications = Tag(rawValue: 8)
        static let memberSince = Tag(rawValue: 9), notes = Tag(rawValue: 10), nik = Tag(rawValue: 11)
        static let unknownMembers = Tag(rawValue: 12)
        private static let firstText: UInt8 = 32
        static func text(_ field: ArtisanTextField) -> Tag { Tag(rawValue: firstText + UInt8(field.index)) }
        var textField: ArtisanTextField? {
            rawValue >= Self.firstText ? ArtisanTextField.ordered[Int(rawValue - Self.firstText)] : nil
        }
    }

    init() {}

    init(_ details: ArtisanDetails = ArtisanDetails(), business: String) {
        self.init(details, .text(business))
    }

    /// `details` with the business name of `other`, copied as bytes.
    init(_ details: ArtisanDetails, businessOf other: PackedDetails) {
        self.init(details, other.bytes.isEmpty ? .text("") : .bytes(other.bytes[..<other.fieldsStart]))
    }

    /// The business name, length-prefixed: as text, or as bytes already so.
    private enum Business {
        case text(String)
        case bytes(ArraySlice<UInt8>)

        func write<S: ByteSink>(into s: inout S) {
            switch self {
            case .text(let t): s.text(t)
            case .bytes(let b): for x in b { s.byte(x) }
            }
        }
    }

    private init(_ details: ArtisanDetails, _ business: Business) {
        var counter = ByteCounter()
        business.write(into: &counter)
        Self.write(details, into: &counter)
        bytes = [UInt8](unsafeUninitializedCapacity: counter.count) { buffer, written in
            var writer = ByteWriter(buffer: buffer)
            business.write(into: &writer)
            Self.write(details, into: &writer)
            written = writer.at
        }
    }

    /// Where the tagged fields start: after the business name.
    private var fieldsStart: Int {
        guard !bytes.isEmpty else { return 0 }
        var r = ByteReader(bytes)
        return r.text().upperBound
    }

    /// The business name.
    var business: String {
        guard !bytes.isEmpty else { return "" }
        var r = ByteReader(bytes)
        return string(r.text())
    }

    /// A reader at the first tagged field.
    private var fields: ByteReader { ByteReader(bytes, fieldsStart..<bytes.count) }

    private static func write<S: ByteSink>(_ d: ArtisanDetails, into s: inout S) {
        s.string(.phoneTyped, d.phoneTyped)
        s.string(.email, d.email)
        s.string(.kbli, d.kbli)
        if let workers = d.workers { s.number(.workers, Int64(workers)) }
        if !d.products.isEmpty { s.field(.products, d.products) }
        if !d.certifications.isEmpty { s.field(.certifications, d.certifications) }
        if let date = d.memberSince { s.number(.memberSince, Int64(date.dayNumber)) }
        s.string(.notes, d.notes)
        s.string(.nik, d.nik)
        s.string(.unknownMembers, d.unknownMembers)
        for field in ArtisanTextField.ordered { s.string(.text(field), d[field]) }
    }

    // MARK: Reading

    /// Every field, unpacked.
    func unpacked() -> ArtisanDetails {
        var d = ArtisanDetails()
        var r = fields
        while let (tag, range) = r.nextField() {
            switch tag {
            case .phoneTyped: d.phoneTyped = string(range)
            case .email: d.email = string(range)
            case .kbli: d.kbli = string(range)
            case .workers: d.workers = number(range)
            case .products: d.products = products(range)
            case .certifications: d.certifications = certifications(range)
            case .memberSince: d.memberSince = CivilDate(dayNumber: number(range))
            case .notes: d.notes = string(range)
            case .nik: d.nik = string(range)
            case .unknownMembers: d.unknownMembers = string(range)
            default: if let field = tag.textField { d[field] = string(range) }
            }
        }
        return d
    }

    /// One text field, without unpacking the rest.
    func string(_ tag: Tag) -> String? { range(of: tag).map(string) }

    /// Whether text field `tag` holds exactly `value`, compared in place (the duplicate check
    /// asks this of every artisan when the new one has a NIK).
    func text(_ tag: Tag, is value: String) -> Bool {
        guard let range = range(of: tag) else { return false }
        var value = value
        return value.withUTF8 { wanted in
            wanted.count == range.count && bytes.withUnsafeBufferPointer { all in
                wanted.elementsEqual(UnsafeBufferPointer(rebasing: all[range]))
            }
        }
    }

    var workers: Int? { range(of: .workers).map { number($0) } }
    var memberSince: CivilDate? { range(of: .memberSince).map { CivilDate(dayNumber: number($0)) } }
    var products: [Product] { range(of: .products).map(products) ?? [] }
    var certifications: [Certification] { range(of: .certifications).map(certifications) ?? [] }

    /// Whether a certification of `kind` is held, reading only the kinds (a filter asks this
    /// of every artisan).
    func holds(_ kind: CertificationKind) -> Bool {
        guard let range = range(of: .certifications),
              let wanted = CertificationKind.allCases.firstIndex(of: kind) else { return false }
        var r = ByteReader(bytes, range)
        while !r.atEnd {
            if Int(r.byte()) == wanted { return true }
            _ = r.certificationRest()
        }
        return false
    }

    private func range(of wanted: Tag) -> Range<Int>? {
        var r = fields
        while let (tag, range) = r.nextField() {
            if tag == wanted { return range }
            if tag.rawValue > wanted.rawValue { return nil }
        }
        return nil
    }

    private func number(_ range: Range<Int>) -> Int {
        var r = ByteReader(bytes, range)
        return Int(r.zigzag())
    }

    private func string(_ range: Range<Int>) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) }
    }

    private func products(_ range: Range<Int>) -> [Product] {
        var out: [Product] = []
        var r = ByteReader(bytes, range)
        while !r.atEnd {
            let name = string(r.text())
            let price: Int64? = r.byte() == 1 ? r.zigzag() : nil
            out.append(Product(name: name, price: price))
        }
        return out
    }

    private func certifications(_ range: Range<Int>) -> [Certification] {
        var out: [Certification] = []
        var r = ByteReader(bytes, range)
        while !r.atEnd {
            let kind = CertificationKind.allCases[Int(r.byte())]
            let (number, issued, validUntil) = r.certificationRest()
            out.append(Certification(kind: kind, number: number.map(string),
                                     issued: issued.map { CivilDate(dayNumber: Int($0)) },
                                     validUntil: validUntil.map { CivilDate(dayNumber: Int($0)) }))
        }
        return out
    }
}

// MARK: - Bytes in and out

/// Where packing writes: a counter first (for the exact size), then the buffer.
private protocol ByteSink {
    mutating func byte(_ b: UInt8)
    mutating func raw(_ s: String)
}

extension ByteSink {
    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 { byte(UInt8(truncatingIfNeeded: v) | 0x80); v >>= 7 }
        byte(UInt8(v))
    }

    mutating func zigzag(_ value: Int64) { varint(UInt64(bitPattern: (value << 1) ^ (value >> 63))) }

    /// Length-prefixed UTF-8.
    mutating func text(_ s: String) {
        varint(UInt64(s.utf8.count))
        raw(s)
    }

    mutating func string(_ tag: PackedDetails.Tag, _ value: String?) {
        guard let value else { return }
        byte(tag.rawValue)
        text(value)
    }

    mutating func number(_ tag: PackedDetails.Tag, _ value: Int64) { field(tag, CollectionOfOne(PackedNumber(value: value))) }

    /// Tag, the payload's length (measured by packing once into a counter), the payload.
    mutating func field<C: Collection>(_ tag: PackedDetails.Tag, _ items: C) where C.Element: Packable {
        var size = ByteCounter()
        for item in items { item.pack(into: &size) }
        byte(tag.rawValue)
        varint(UInt64(size.count))
        for item in items { item.pack(into: &self) }
    }
}

/// What packs itself into a field's payload.
private protocol Packable {
    func pack<S: ByteSink>(into s: inout S)
}

private struct PackedNumber: Packable {
    let value: Int64
    func pack<S: ByteSink>(into s: inout S) { s.zigzag(value) }
}

extension Product: Packable {
    fileprivate func pack<S: ByteSink>(into s: inout S) {
        s.text(name)
        s.byte(price == nil ? 0 : 1)
        if let price { s.zigzag(price) }
    }
}

extension Certification: Packable {
    fileprivate func pack<S: ByteSink>(into s: inout S) {
        s.byte(UInt8(CertificationKind.allCases.firstIndex(of: kind) ?? 0))
        s.byte((number == nil ? 0 : 1) | (issued == nil ? 0 : 2) | (validUntil == nil ? 0 : 4))
        if let number { s.text(number) }
        if let issued { s.zigzag(Int64(issued.dayNumber)) }
        if let validUntil { s.zigzag(Int64(validUntil.dayNumber)) }
    }
}

private struct ByteCounter: ByteSink {
    var count = 0
    mutating func byte(_ b: UInt8) { count += 1 }
    mutating func raw(_ s: String) { count += s.utf8.count }
}

private struct ByteWriter: ByteSink {
    let buffer: UnsafeMutableBufferPointer<UInt8>
    var at = 0
    mutating func byte(_ b: UInt8) {
        buffer[at] = b
        at += 1
    }
    /// Copied at once (a byte at a time was 6% of opening a million artisans).
    mutating func raw(_ s: String) {
        var s = s
        s.withUTF8 { src in
            guard let from = src.baseAddress, !src.isEmpty else { return }
            (buffer.baseAddress! + at).initialize(from: from, count: src.count)
            at += src.count
        }
    }
}

/// Reads what `ByteSink` wrote; the bytes are always the packer's own.
private struct ByteReader {
    let bytes: [UInt8]
    var at: Int
    let end: Int

    init(_ bytes: [UInt8], _ range: Range<Int>? = nil) {
        self.bytes = bytes
        at = range?.lowerBound ?? 0
        end = range?.upperBound ?? bytes.count
    }

    var atEnd: Bool { at >= end }

    mutating func byte() -> UInt8 {
        defer { at += 1 }
        return bytes[at]
    }

    mutating func varint() -> UInt64 {
        var value: UInt64 = 0, shift: UInt64 = 0
        while true {
            let b = byte()
            value |= UInt64(b & 0x7F) << shift
            if b < 0x80 { return value }
            shift += 7
        }
    }

    mutating func zigzag() -> Int64 {
        let v = varint()
        return Int64(bitPattern: v >> 1) ^ -Int64(bitPattern: v & 1)
    }

    /// A length-prefixed run of bytes, skipped over; its range.
    mutating func text() -> Range<Int> {
        let n = Int(varint())
        defer { at += n }
        return at..<(at + n)
    }

    mutating func nextField() -> (PackedDetails.Tag, Range<Int>)? {
        guard !atEnd else { return nil }
        let tag = PackedDetails.Tag(rawValue: byte())
        return (tag, text())
    }

    /// A certification after its kind: the number's range and the two dates' day numbers.
    mutating func certificationRest() -> (Range<Int>?, Int64?, Int64?) {
        let flags = byte()
        let number = flags & 1 != 0 ? text() : nil
        let issued = flags & 2 != 0 ? zigzag() : nil
        let validUntil = flags & 4 != 0 ? zigzag() : nil
        return (number, issued, validUntil)
    }
}
