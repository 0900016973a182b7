/// The demo's council: a board of 31 for 2018–2023 and a smaller one for 2023–2028 (made-up
/// names; a few are artisans of the demo themselves), the partners the sessions were run
/// with, trainers from the board, and a few outreach (sosialisasi) sessions. Added last, with
/// its own random numbers, so the rest of the demo stays as it was.
extension DemoData {
    static let councilPartners: [(name: String, kind: PartnerKind, contact: String, people: [String])] = [
        ("Universitas Brawijaya", .universitas, "Dr. Rina Kusuma, M.Ds.", ["Dr. Ir. Sumarno", "Dr. Rina Kusuma, M.Ds."]),
        ("Universitas Negeri Malang", .universitas, "Ibu Lina Marlina, M.Ds.", ["Ibu Lina Marlina, M.Ds."]),
        ("Politeknik Negeri Malang", .universitas, "Bapak Taufik Hidayat", ["Bapak Taufik Hidayat"]),
        ("Universitas Muhammadiyah Malang", .universitas, "Ibu Anik Suryani", ["Ibu Anik Suryani"]),
        ("Klinik Desain Kemenperin", .lainnya, "Bapak Rizal Fahmi", ["Bapak Rizal Fahmi"]),
        ("Rumah Kreatif BUMN Malang", .perusahaan, "Ibu Dian Kusuma, S.Sn.", ["Ibu Dian Kusuma, S.Sn."]),
        ("Dinas Koperasi, Perindustrian dan Perdagangan Kota Malang", .perangkatDaerah, "Bapak Heru Santoso", []),
    ]

    static func addCouncil(_ data: inout Dataset, _ ctx: CommandContext) {
        var rng = SplitMix64(seed: 0x4B52_4959_C0 ^ UInt64(data.artisans.count))
        let v = DemoVocabulary.self
        var partnerIDs: [String: EntityID] = [:]
        for (i, p) in councilPartners.enumerated() {
            var r = Partner(id: EntityID(.partner, 1), name: p.name, kind: p.kind)
            r.contact = p.contact
            r.phone = "0811-3\(i)00-\(pad(4000 + i * 7, 4))"
            r.people = p.people
            if let id = data.apply(.addPartner(r), ctx)?.partners.first?.id { partnerIDs[p.name] = id }
        }

        // Artisans who sit on the board: a batik maker, a ceramicist, a mask carver.
        var craftspeople = [CraftCategory.batik, .keramikGerabah, .kayuUkirTopeng].compactMap { c in
            data.artisans.items.first { $0.category == c && !$0.archived }
        }
        func person(_ female: Bool) -> String {
            let title = female ? rng.pick(["Ny.", "Hj.", "Ibu", "Dr."]) : rng.pick(["Bapak", "H.", "Dr. Ir.", "Drs."])
            return "\(title) \(rng.pick(female ? v.femaleNames : v.maleNames)) \(rng.pick(v.secondNames))"
        }
        let fields = ["Pelatihan", "Pemasaran", "Pengembangan Produk", "Organisasi"]
        let terms = [("2018–2023", CivilDate(year: 2018, month: 7, day: 1)!, CivilDate(year: 2023, month: 6, day: 30)!,
                      CivilDate(year: 2018, month: 9, day: 12)!, 12),
                     ("2023–2028", CivilDate(year: 2023, month: 7, day: 1)!, CivilDate(year: 2028, month: 6, day: 30)!,
                      CivilDate(year: 2023, month: 8, day: 15)!, 5)]
        var boardOfNow: [EntityID] = []
        for (n, (name, start, end, sworn, members)) in terms.enumerated() {
            var t = Term(id: EntityID(.term, 1), name: name, start: start, end: end)
            t.inaugurated = sworn
            t.decree = "Keputusan Ketua Dekranas Nomor \(pad(40 + n * 23, 3))/KEP/DEKRANAS/\(sworn.year)"
            guard let tid = data.apply(.addTerm(t), ctx)?.terms.first?.id else { continue }
            var seats: [(String, String?)] = [("Ketua", nil), ("Wakil Ketua", nil)]
            if n == 0 { seats.append(("Wakil Ketua", nil)) }
            seats += [("Ketua Harian", nil), ("Sekretaris", nil)]
            if n == 0 { seats.append(("Wakil Sekretaris", nil)) }
            seats.append(("Bendahara", nil))
            if n == 0 { seats.append(("Wakil Bendahara", nil)) }
            seats += fields.map { ("Ketua Bidang", $0) } + fields.prefix(n == 0 ? 4 : 2).map { ("Sekretaris Bidang", $0) }
            seats += (0..<members + 3).map { _ in ("Anggota", rng.pick(fields)) }
            for (i, (position, field)) in seats.enumerated() {
                var m = BoardMember(id: EntityID(.member, 1), term: tid, name: person(i == 0 || rng.chance(0.6)), position: position)
                m.field = field
                if rng.chance(0.7) { m.phone = "0813-\(pad(3000 + n * 100 + i, 4))-\(pad(rng.int(1000...9999), 4))" }
                // The board's craftspeople, in the current term: the head of training, then members.
                if n == 1, (position == "Ketua Bidang" && field == "Pelatihan") || position == "Anggota", !craftspeople.isEmpty {
                    let a = craftspeople.removeFirst()
                    m.name = a.name
                    m.artisan = a.id
                }
                // One member of the first board left mid-term; another took the seat.
                if n == 0 && i == 12 { m.until = CivilDate(year: 2021, month: 3, day: 31) }
                if n == 0 && i == seats.count - 1 { m.from = CivilDate(year: 2021, month: 4, day: 1) }
                if let id = data.apply(.addMember(m), ctx)?.members.first?.id, n == 1 { boardOfNow.append(id) }
            }
        }

        // Sessions run with a partner: the partner as a record instead of as text; every third
        // in the current term taught by a board member (heads of field and the craftspeople).
        let teachers = boardOfNow.filter { id in data.members[id].map { $0.position == "Ketua Bidang" || $0.artisan != nil } ?? false }
        for (n, s) in data.sessions.items.enumerated() {
            var changed = s
            if let text = s.partner, let id = partnerIDs[text] { changed.partners = [id]; changed.partner = nil }
            if n % 3 == 0, !teachers.isEmpty, s.start >= terms[1].1 { changed.trainerRefs = [teachers[n / 3 % teachers.count]] }
            if changed != s { data.apply(.updateSession(changed, baseRev: s.rev), ctx) }
        }
        addOutreach(&data, ctx, &rng, partners: partnerIDs, teachers: teachers)

        // The local fairs with the trade office as co-organiser.
        if let office = partnerIDs[councilPartners[6].name] {
            for e in data.exhibitions.items where e.level == .lokal && e.organiser == "Dekranasda Kota Malang" {
                var changed = e
                changed.partners = [office]
                data.apply(.updateExhibition(changed, baseRev: e.rev), ctx)
            }
        }
    }

    /// Outreach sessions: attendance only, no certificates.
    static func addOutreach(_ data: inout Dataset, _ ctx: CommandContext, _ rng: inout SplitMix64,
                            partners: [String: EntityID], teachers: [EntityID]) {
        let everyone = data.artisans.items.filter { !$0.archived }.map(\.id)
        guard !everyone.isEmpty else { return }
        let office = partners[councilPartners[6].name]
        let topics: [(String, String, Int, EntityID?)] = [
            ("Sosialisasi Sertifikasi Halal bagi Pelaku IKM Pangan", "sertifikasi halal", -150, office),
            ("Sosialisasi Pendaftaran Merek (HKI)", "hak kekayaan intelektual", -75, partners[councilPartners[4].name]),
            ("Sosialisasi Perizinan Berusaha (NIB) melalui OSS", "perizinan OSS", -20, office),
            ("Sosialisasi Program Kemitraan dan Pembiayaan IKM", "pembiayaan", 24, partners[councilPartners[5].name]),
        ]
        for (title, topic, offset, partner) in topics {
            var start = ctx.today.adding(days: offset)
            while start.weekday == 0 || start.weekday == 6 { start = start.adding(days: 1) }
            var s = BimtekSession(id: EntityID(.session, 1), title: title, organiser: "Dekranasda Kota Malang",
                                  venue: "Aula Balai Kota Malang", start: start, end: start)
            s.kind = .sosialisasi
            s.topic = topic
            s.partners = partner.map { [$0] } ?? []
            if let t = teachers.first { s.trainerRefs = [t] }
            s.startTime = ClockTime(hour: 9, minute: 0)
            s.capacity = 60
            s.funding = "APBD Kota Malang"
            guard let sid = data.apply(.addSession(s), ctx)?.sessions.first?.id else { continue }
            var chosen = Set<EntityID>()
            // Marked and closed on the day itself, as the door did.
            let onTheDay = CommandContext(user: ctx.user, today: start, time: ctx.time)
            for _ in 0..<120 where chosen.count < min(40, everyone.count) {
                let id = rng.pick(everyone)
                guard chosen.insert(id).inserted else { continue }
                data.apply(.enrol(session: sid, artisan: id, role: .peserta), ctx)
                if start < ctx.today && rng.chance(0.85) {
                    data.apply(.markAttendance(session: sid, artisan: id, day: start, mark: .hadir,
                                               time: ClockTime(hour: 8, minute: 40 + rng.int(0...30) % 20), note: nil), onTheDay)
                }
            }
            if start < ctx.today { data.apply(.closeDay(session: sid, day: start), onTheDay) }
        }
    }
}
