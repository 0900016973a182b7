import Testing
@testable import KriyaCore

/// Issue 34: a WhatsApp message to each participant, with the session's details in the office's
/// wording, and a link that opens WhatsApp with it to that person's number.
@Suite struct WhatsAppMessagesTests {
    @Test func eachMobileParticipantGetsTheirMessageAndLandlinesAreListedApart() throws {
        var data = Dataset()
        for (name, phone) in [("Siti & Co", "0812-3344-5566"), ("Budi", "0341-551234"), ("Ani", "+62 813 1111 2222")] {
            var a = Fixture.artisan(name, phone: phone)
            if phone.hasPrefix("0341") {
                // An older record kept its landline as typed (the form refuses one now).
                a.phone = "+62341551234"
                a.id = EntityID(.artisan, data.artisans.maxNumber + 1)
                a.rev = 1
                _ = data.artisans.merge(a)
                continue
            }
            data.commit(try data.plan(.addArtisan(a), Fixture.ctx))
        }
        var s = Fixture.session(start: Fixture.today.adding(days: 3), days: 1)
        s.startTime = ClockTime(hour: 8, minute: 30)
        s.venue = "Gedung Kartini"
        data.commit(try data.plan(.addSession(s), Fixture.ctx))
        for a in data.artisans.items { data.commit(try data.plan(.enrol(session: EntityID(.session, 1), artisan: a.id, role: .peserta), Fixture.ctx)) }
        let (messages, apart) = WhatsAppMessages.session(data.sessions[EntityID(.session, 1)]!, data: data, kind: .invitation, lang: .id)
        #expect(messages.map(\.name) == ["Ani", "Siti & Co"])
        #expect(apart.map(\.name) == ["Budi"], "a landline is listed apart, not skipped")
        let siti = try #require(messages.last)
        #expect(siti.number == "6281233445566")
        #expect(siti.text.contains("Siti & Co") && siti.text.contains("Gedung Kartini") && siti.text.contains("08:30"))
        let link = try #require(siti.link)
        #expect(link.hasPrefix("https://wa.me/6281233445566?text=Yth.%20Bapak%2FIbu%20Siti%20%26%20Co%2C%0A"), "\(link)")
        #expect(!link.dropFirst("https://wa.me/6281233445566?text=".count).contains { " &\n/,".contains($0) })
        // The reminder: tomorrow's wording, bring the KTP.
        let reminder = WhatsAppMessages.session(data.sessions[EntityID(.session, 1)]!, data: data, kind: .reminder, lang: .id).messages
        #expect(reminder.first?.text.contains("KTP") == true)
    }

    @Test func templatesFillOnceAndEncodeEveryByte() {
        #expect(WhatsAppMessages.fill("{nama} di {tempat} {x}", ["nama": "{tempat}", "tempat": "Aula"]) == "{tempat} di Aula {x}")
        #expect(WhatsAppMessages.percentEncoded("a-b_c.d~e f/é") == "a-b_c.d~e%20f%2F%C3%A9")
    }
}
