import Foundation
import Testing
@testable import KriyaCore
@testable import KriyaStore

/// The store's own JSON reader against Foundation's `JSONDecoder` on random records.
@Suite struct DifferentialReaderTests {
    static let alphabet: [Character] = Array("abcXYZ 019\"\\/\n\t\r\u{0}\u{1B}\u{7F}éñ漢字😀\u{202E}{}[],:") + ["e\u{301}"]

    static func text(_ rng: inout SplitMix64, max: Int = 12) -> String {
        String((0..<Int.random(in: 0...max, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
    }

    static func randomArtisan(_ rng: inout SplitMix64, _ n: Int) -> Artisan {
        var a = Artisan(id: EntityID(.artisan, n), name: text(&rng), phone: text(&rng), kelurahan: text(&rng),
                        business: text(&rng), category: CraftCategory.allCases.randomElement(using: &rng)!)
        a.rev = Int.random(in: 1...1000, using: &rng)   // what the reader accepts: 1 or more
        if Bool.random(using: &rng) { a.gender = .p }
        if Bool.random(using: &rng) { a.email = text(&rng) }
        if Bool.random(using: &rng) { a.workers = Int.random(in: 0...500, using: &rng) }
        if Bool.random(using: &rng) { a.scale = .kecil }
        for _ in 0..<Int.random(in: 0...3, using: &rng) {
            a.products.append(Product(name: text(&rng), price: Bool.random(using: &rng) ? Int64.random(in: 0...Rupiah.maxAmount, using: &rng) : nil))
        }
        if Bool.random(using: &rng) {
            a.certifications.append(Certification(kind: .halal, number: text(&rng), issued: CivilDate(dayNumber: Int.random(in: 0...30000, using: &rng))))
        }
        if Bool.random(using: &rng) { a.memberSince = CivilDate(dayNumber: Int.random(in: 0...30000, using: &rng)) }
        a.notes = Bool.random(using: &rng) ? text(&rng, max: 60) : nil
        for field in ArtisanTextField.allCases where Bool.random(using: &rng) { a[text: field] = text(&rng) }
        a.archived = Bool.random(using: &rng)
        return a
    }

    static func randomSession(_ rng: inout SplitMix64, _ n: Int) -> BimtekSession {
        let start = CivilDate(dayNumber: Int.random(in: 15000...25000, using: &rng))
        var s = BimtekSession(id: EntityID(.session, n), title: text(&rng), organiser: text(&rng), venue: text(&rng),
                              start: start, end: start.adding(days: 2))
        s.rev = Int.random(in: 1...50, using: &rng)
        s.trainers = (0..<Int.random(in: 0...2, using: &rng)).map { _ in text(&rng) }
        s.meetingDays = [start, start.adding(days: 1)]
        if rng.chance(0.5) { s.closedDays = [start] }
        s.startTime = ClockTime(hour: 8, minute: 30)
        s.capacity = Int.random(in: 1...60, using: &rng)
        s.status = SessionStatus.allCases.randomElement(using: &rng)!
        for i in 0..<Int.random(in: 0...4, using: &rng) {
            var p = SessionParticipant(artisan: EntityID(.artisan, i + 1))
            p.attendance = [Attendance(day: start, mark: AttendanceMark.allCases.randomElement(using: &rng)!, time: ClockTime(hour: 8, minute: i),
                                       by: text(&rng), note: Bool.random(using: &rng) ? text(&rng) : nil)]
            p.certificate = Bool.random(using: &rng) ? text(&rng) : nil
            s.participants.append(p)
        }
        return s
    }

    static func randomExhibition(_ rng: inout SplitMix64, _ n: Int) -> Exhibition {
        let start = CivilDate(dayNumber: Int.random(in: 15000...25000, using: &rng))
        var e = Exhibition(id: EntityID(.exhibition, n), name: text(&rng), level: .nasional, start: start, end: start.adding(days: 4))
        e.rev = Int.random(in: 1...50, using: &rng)
        e.city = text(&rng)
        e.boothCost = Int64.random(in: 0...50_000_000, using: &rng)
        e.payer = .shared
        for i in 0..<Int.random(in: 0...4, using: &rng) {
            var p = ExhibitionParticipant(artisan: EntityID(.artisan, i + 1), curation: Curation.allCases.randomElement(using: &rng)!)
            p.booth = text(&rng)
            p.products = [text(&rng)]
            p.sales = Int64.random(in: 0...1_000_000_000, using: &rng)
            p.transactions = Int.random(in: 0...100, using: &rng)
            e.participants.append(p)
        }
        return e
    }

    func line<R>(_ r: R, _ write: (R, inout JSONWriter) -> Void) -> [UInt8] {
        var bytes: [UInt8] = []
        SnapshotFormat.line(r, write, into: &bytes)
        bytes.removeLast()   // the newline
        return bytes
    }

    func ours<R>(_ bytes: [UInt8], _ read: (inout JSONReader) throws(JSONReader.Failure) -> R) throws -> R {
        try bytes.withUnsafeBufferPointer { buf in
            #expect(SealedLine.verify(buf) == nil)
            var r = JSONReader(buf)
            let value = try read(&r)
            try r.finish()
            return value
        }
    }

    @Test func readerAgreesWithJSONDecoder() throws {
        var rng = SplitMix64(seed: 2026)
        let decoder = JSONDecoder()
        for n in 1...300 {
            let a = Self.randomArtisan(&rng, n)
            let bytes = line(a, ArtisanCodec.write)
            #expect(try ours(bytes, ArtisanCodec.read) == a)
            #expect(try decoder.decode(Artisan.self, from: Data(bytes)) == a)

            let s = Self.randomSession(&rng, n)
            let sb = line(s, SessionCodec.write)
            #expect(try ours(sb, SessionCodec.read) == s)
            #expect(try decoder.decode(BimtekSession.self, from: Data(sb)) == s)

            let e = Self.randomExhibition(&rng, n)
            let eb = line(e, ExhibitionCodec.write)
            #expect(try ours(eb, ExhibitionCodec.read) == e)
            #expect(try decoder.decode(Exhibition.self, from: Data(eb)) == e)
        }
    }

    @Test func readerReadsWhatFoundationWrites() throws {
        var rng = SplitMix64(seed: 7)
        let encoder = JSONEncoder()
        for n in 1...100 {
            let a = Self.randomArtisan(&rng, n)
            let bytes = Array(try encoder.encode(a))
            let decoded = try bytes.withUnsafeBufferPointer { buf in
                var r = JSONReader(buf)
                return try ArtisanCodec.read(&r)
            }
            #expect(decoded == a)
        }
    }

    @Test(arguments: [
        #"{"id":"A-000001","name":"x"} trailing"#, #"{"id":"A-000001","name":"\q"}"#, #"{"id":"A-000001","name":"\ud800"}"#,
        #"{"id":"A-000001","rev":01}"#, #"{"id":"A-000001","rev":1.5}"#, #"{"id":"A-000001","name":"a"#, #"{"id":"A-000001",}"#,
        #"{"id":"A-000001","name":"x","phone":"1","kelurahan":"k","business":"b"}"#,   // no category
        #"{"id":"B-000001","name":"x","phone":"1","kelurahan":"k","business":"b","category":"batik"}"#, // wrong kind of id
        #"{"id":"A-000001","name":"x","phone":"1","kelurahan":"k","business":"b","category":"plastik"}"#,
    ])
    func malformedRecordsAreRejected(text: String) {
        let bytes = Array(text.utf8)
        #expect(throws: JSONReader.Failure.self) {
            try bytes.withUnsafeBufferPointer { buf throws(JSONReader.Failure) in
                var r = JSONReader(buf)
                _ = try ArtisanCodec.read(&r)
                try r.finish()
            }
        }
    }

    @Test func unknownMembersAreKeptSoNewerMinorFieldsStayReadable() throws {
        let text = #"{"id":"A-000001","rev":1,"future":{"a":[1,2.5e3,null,true]},"name":"x","phone":"+6281200000001","kelurahan":"35.73.05.1004","business":"b","category":"batik","products":[],"certifications":[],"archived":false}"#
        let a = try Array(text.utf8).withUnsafeBufferPointer { buf in
            var r = JSONReader(buf)
            return try ArtisanCodec.read(&r)
        }
        #expect(a.name == "x" && a.category == .batik)
        #expect(a.unknownMembers == #""future":{"a":[1,2.5e3,null,true]}"#)
    }

    @Test func sealedLinesCatchEveryChangedByte() {
        var body = Array(#"{"id":"A-000001","name":"Siti""#.utf8)
        SealedLine.seal(&body)
        let line = Array(body.dropLast())
        #expect(line.withUnsafeBufferPointer { SealedLine.verify($0) } == nil)
        for i in line.indices {
            var damaged = line
            damaged[i] ^= 0x04
            #expect(damaged.withUnsafeBufferPointer { SealedLine.verify($0) } != nil, "byte \(i)")
        }
    }
}

@Suite struct CRC32Tests {
    @Test func knownValues() {
        #expect(CRC32.of(Array("123456789".utf8)) == 0xCBF4_3926)   // the standard check value
        #expect(CRC32.of([]) == 0)
        #expect(CRC32.of(Array("The quick brown fox jumps over the lazy dog".utf8)) == 0x414F_A339)
    }

    @Test func everyLengthAgreesWithTheBytewiseDefinition() {
        func slow(_ bytes: [UInt8]) -> UInt32 {
            var crc: UInt32 = 0xFFFF_FFFF
            for b in bytes {
                crc ^= UInt32(b)
                for _ in 0..<8 { crc = (crc & 1) != 0 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
            }
            return crc ^ 0xFFFF_FFFF
        }
        var rng = SplitMix64(seed: 3)
        for length in 0..<70 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            #expect(CRC32.of(bytes) == slow(bytes), "length \(length)")
        }
    }
}
