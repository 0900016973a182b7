import Foundation
import Testing
@testable import KriyaCore

/// Issue 18, memory: a day's mark keeps who recorded it and its note in one stored string, a
/// participant their certificate number and unknown members (`TextPair`); they read back
/// exactly, apart and together, and the records compare, hash and encode as when each was stored.
@Suite struct AttendanceTests {
    static let day = CivilDate(year: 2026, month: 12, day: 1)!
    static let values: [String?] = [nil, "", "siti", "petugas.pintu.2", "Ñoño ✅", "\u{301}berawal tanda", "a\u{1}b",
                                    String(repeating: "é", count: 40), String(repeating: "x", count: 13_823)]

    @Test func whoAndTheNoteReadBackExactly() throws {
        for by in Self.values {
            for note in Self.values {
                var a = Attendance(day: Self.day, mark: .izin, time: ClockTime(hour: 8, minute: 5), by: by, note: note)
                #expect(a.by == by && a.note == note, "\(String(describing: by?.prefix(8))) \(String(describing: note?.prefix(8)))")
                #expect(a.day == Self.day && a.mark == .izin && a.time == ClockTime(hour: 8, minute: 5))
                a.note = "sakit gigi"
                #expect(a.by == by && a.note == "sakit gigi")
                a.by = nil
                #expect(a.by == nil && a.note == "sakit gigi")
                // Equal marks are equal whichever way they were made; a change in either is seen.
                let same = Attendance(day: Self.day, mark: .izin, time: ClockTime(hour: 8, minute: 5), by: nil, note: "sakit gigi")
                #expect(a == same && a.hashValue == same.hashValue)
                #expect(Attendance(day: Self.day, mark: .hadir, by: by, note: note) != Attendance(day: Self.day, mark: .hadir, by: by, note: (note ?? "") + "!"))
                if by != nil {
                    #expect(Attendance(day: Self.day, mark: .hadir, by: by, note: nil) != Attendance(day: Self.day, mark: .hadir, by: nil, note: by))
                }
            }
        }
    }

    @Test func aParticipantsCertificateAndUnknownMembersReadBackExactly() throws {
        for certificate in Self.values {
            for unknown in Self.values {
                var p = SessionParticipant(artisan: EntityID(.artisan, 9), role: .narasumber, enrolment: .waitlist)
                p.certificate = certificate
                p.unknownMembers = unknown
                #expect(p.certificate == certificate && p.unknownMembers == unknown && p.role == .narasumber && p.enrolment == .waitlist)
                p.certificate = "DKR/2026/0001"
                #expect(p.certificate == "DKR/2026/0001" && p.unknownMembers == unknown)
            }
        }
        var p = SessionParticipant(artisan: EntityID(.artisan, 9))
        p.attendance = [Attendance(day: Self.day, mark: .hadir, by: "siti")]
        p.certificate = "DKR/2026/0002"
        p.unknownMembers = "\"x\":1"
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(p), as: UTF8.self)
        #expect(text.contains("\"certificate\":\"DKR\\/2026\\/0002\"") && text.contains("\"role\":\"peserta\"") && !text.contains("unknown"))
        var back = try JSONDecoder().decode(SessionParticipant.self, from: Data(text.utf8))
        #expect(back != p, "unknown members are the files' business, not JSON's")
        back.unknownMembers = p.unknownMembers
        #expect(back == p && back.hashValue == p.hashValue)
    }

    /// A name too long for the head is cut (a file written by hand), never a crash.
    @Test func anAbsurdlyLongNameIsCutNotACrash() {
        for length in [13_824, 13_900, 14_335, 200_000] {
            let a = Attendance(day: Self.day, mark: .hadir, by: String(repeating: "x", count: length), note: "n")
            #expect(a.by.map { !$0.isEmpty && $0.utf8.count < 13_824 && $0.allSatisfy { $0 == "x" } } == true)
            #expect(a.note == "n")
        }
    }

    /// JSON (`--json`, drafts) names the same members as before, absent when nil.
    @Test func jsonHasTheSameMembers() throws {
        let a = Attendance(day: Self.day, mark: .terlambat, time: ClockTime(hour: 9, minute: 0), by: "siti", note: nil)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text = String(decoding: try encoder.encode(a), as: UTF8.self)
        #expect(text.contains("\"by\":\"siti\"") && text.contains("\"mark\":\"terlambat\"") && !text.contains("note"))
        #expect(try JSONDecoder().decode(Attendance.self, from: Data(text.utf8)) == a)
    }
}
