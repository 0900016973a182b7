/// Counts of a session's people, said the same way in the detail, the participants list, the
/// door and the CLI: participants against the capacity, then the waitlist, then the speakers
/// and committee, who are never counted as participants.
extension L10n {
    /// A count as the language writes it: `100.105` (Indonesian), `100,105` (English); a
    /// list's counter at a province's registry read `1/1000305`.
    public static func count(_ n: Int, _ lang: Lang) -> String {
        let digits = String(n.magnitude)
        guard digits.count > 3 else { return n < 0 ? "-" + digits : digits }
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(lang == .id ? "." : ",") }
            out.append(c)
        }
        return n < 0 ? "-" + out : out
    }

    /// "12 peserta terdaftar, kapasitas 25" · "7 peserta terdaftar (melebihi kapasitas 5)".
    public static func enrolment(_ s: BimtekSession, _ lang: Lang) -> String {
        let n = s.enrolledCount
        guard let cap = s.capacity else { return text(.cEnrolledNoCapacity, lang, n) }
        return text(n > cap ? .cEnrolledOverCapacity : .cEnrolledOfCapacity, lang, n, cap)
    }

    /// The enrolment, then "3 di daftar tunggu", "1 narasumber", "2 panitia" where there are any.
    public static func people(_ s: BimtekSession, _ lang: Lang) -> String {
        let waiting = s.participants.filter { $0.enrolment == .waitlist }.count
        let active = s.participants.filter { $0.enrolment == .registered }
        let speakers = active.filter { $0.role == .narasumber }.count
        let committee = active.filter { $0.role == .panitia }.count
        var parts = [enrolment(s, lang)]
        if waiting > 0 { parts.append(text(.cWaitlistCount, lang, waiting)) }
        if speakers > 0 { parts.append(text(.cSpeakerCount, lang, speakers)) }
        if committee > 0 { parts.append(text(.cCommitteeCount, lang, committee)) }
        return parts.joined(separator: " · ")
    }
}
