import KriyaText

/// One message to one participant on WhatsApp (issue 34): the session's details filled into the
/// office's wording, and a link that opens WhatsApp with it, to that number.
public struct WhatsAppMessage: Sendable, Equatable {
    public var artisan: EntityID
    public var name: String
    /// As the office writes it (`0812-3344-5566`), or as stored when it is no mobile number.
    public var phone: String
    /// `628123344556`: the number as wa.me takes it; nil for a landline or no number.
    public var number: String?
    public var text: String

    /// `https://wa.me/628…?text=…`, the text percent-encoded (RFC 3986); nil with no mobile number.
    public var link: String? { number.map { "https://wa.me/\($0)?text=" + WhatsAppMessages.percentEncoded(text) } }
}

public enum WhatsAppMessages {
    public enum Kind: Sendable { case invitation, reminder }

    /// The messages for a session's registered participants (or its waitlist): those with a
    /// mobile number, and apart those without one (a landline, none), never silently left out.
    public static func session(_ s: BimtekSession, data: Dataset, kind: Kind, waitlist: Bool = false,
                               lang: Lang) -> (messages: [WhatsAppMessage], unreachable: [WhatsAppMessage]) {
        let wanted: Enrolment = waitlist ? .waitlist : .registered
        let people = s.participants.filter { $0.enrolment == wanted && $0.role == .peserta }
            .compactMap { (p: SessionParticipant) -> Artisan? in data.artisans[p.artisan] }
            .sorted { (a: Artisan, b: Artisan) in Fold.string(a.name) < Fold.string(b.name) }
        var reach: [WhatsAppMessage] = [], apart: [WhatsAppMessage] = []
        let day = s.days.first ?? s.start
        let values: [String: String] = [
            "kegiatan": s.title, "hari": day.weekdayName(lang), "tanggal": day.full(lang),
            "jam": s.startTime?.description ?? "", "tempat": s.venue,
        ]
        for a in people {
            var filled = values
            filled["nama"] = a.name
            let text = fill(L10n.text(kind == .invitation ? .waInvitation : .waReminder, lang), filled)
            let mobile = a.phone.hasPrefix("+628")
            let m = WhatsAppMessage(artisan: a.id, name: a.name, phone: a.phoneShown, number: mobile ? String(a.phone.dropFirst()) : nil, text: text)
            if mobile { reach.append(m) } else { apart.append(m) }
        }
        return (reach, apart)
    }

    /// `{nama}`, `{kegiatan}`… replaced once, left to right: a value holding `{tempat}` stays as typed.
    static func fill(_ template: String, _ values: [String: String]) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}"), let value = values[String(rest[rest.index(after: open)..<close])] else {
                out.append("{")
                rest = rest[rest.index(after: open)...]
                continue
            }
            out += value
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// RFC 3986: letters, digits and `-._~` as they are; every other byte of the UTF-8 as %XX.
    public static func percentEncoded(_ text: String) -> String {
        var out = ""
        for b in text.utf8 {
            switch b {
            case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F, 0x7E: out.unicodeScalars.append(Unicode.Scalar(b))
            default: out += "%" + String(b, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

private extension String {
    func leftPadded(to n: Int) -> String { count >= n ? self : String(repeating: "0", count: n - count) + self }
}
