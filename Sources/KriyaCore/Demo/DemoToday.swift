/// The demo's event morning: one Bimtek meets today and nobody is marked yet, so a first look
/// at the door (2, c) finds people to check in, a full session with a waitlist, and a speaker.
/// Added after everything else, with its own random numbers, so the rest of the demo stays
/// the same whatever the day.
extension DemoData {
    static func addTodaysSession(_ data: inout Dataset, _ ctx: CommandContext, pools: [CraftCategory: [EntityID]], everyone: [EntityID]) {
        var rng = SplitMix64(seed: 0x4B52_4959_0D ^ UInt64(everyone.count))
        let v = DemoVocabulary.self
        let topic = v.sessionTopics[0]
        var s = BimtekSession(id: EntityID(.session, 1), title: topic.title, organiser: "Dekranasda Kota Malang",
                              venue: v.venues[0], start: ctx.today, end: ctx.today)
        s.topic = topic.topic
        s.partner = rng.pick(v.partners)
        s.trainers = [rng.pick(v.trainers)]
        s.startTime = ClockTime(hour: 8, minute: 30)
        s.graceMinutes = 15
        s.capacity = min(25, max(4, everyone.count / 3))
        s.funding = "APBD Kota Malang"
        s.certificateMinDays = 1
        guard let sid = data.apply(.addSession(s), ctx)?.sessions.first?.id else { return }
        let pool = topic.category.flatMap { pools[$0] } ?? everyone
        // Two more than the seats: the last two wait; and one artisan teaches.
        var chosen: [EntityID] = []
        for _ in 0..<(s.capacity! * 4) where chosen.count < s.capacity! + 3 {
            let id = rng.chance(0.8) && !pool.isEmpty ? rng.pick(pool) : rng.pick(everyone)
            if !chosen.contains(id) { chosen.append(id) }
        }
        for (n, id) in chosen.enumerated() {
            data.apply(.enrol(session: sid, artisan: id, role: n == 0 ? .narasumber : .peserta), ctx)
        }
    }
}
