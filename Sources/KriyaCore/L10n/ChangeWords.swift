/// A saved change in the user's words. The journal and audit keep the command's stable name
/// (`mark-attendance`) and a detail line in a fixed, language-neutral form
/// (`2026-12-01 izin: demam`); status lines, undo messages and history read them back here,
/// so no screen or command shows an internal name.
public enum ChangeWords {
    /// What kind of change: "Presensi dicatat", "Attendance marked".
    public static func command(_ name: String, _ lang: Lang) -> String {
        let table = lang == .id ? StringsID.values : StringsEN.values
        return table["Command.\(name)"] ?? StringsEN.values["Command.\(name)"] ?? name
    }

    /// The stored detail of a change made by `command`, reworded; `name` gives an id's name.
    /// A detail in no known form (an older or newer Kriya's) is shown as it is.
    public static func detail(_ detail: String, of command: String, _ lang: Lang,
                              name: (EntityID) -> String? = { _ in nil }) -> String {
        let t = { (key: TextKey, args: [CustomStringConvertible]) in L10n.text(key, lang, arguments: args) }
        switch command {
        case "enrol":
            if detail == "waitlist" { return t(.chOnWaitlist, []) }
            if detail == "registered" { return t(.chEnrolled, []) }
        case "withdraw":
            let suffix = " moved up from the waitlist"
            if detail.hasSuffix(suffix), let id = EntityID(String(detail.dropLast(suffix.count))) {
                return t(.chMovedUp, [name(id) ?? id.description])
            }
        case "check-in", "mark-attendance":
            var rest = Substring(detail)
            let atDoor = rest.hasPrefix("enrolled at the door; ")
            if atDoor { rest = rest.dropFirst("enrolled at the door; ".count) }
            if let mark = markText(rest, lang) { return (atDoor ? t(.chEnrolledAtDoor, []) + "; " : "") + mark }
        case "clear-attendance":
            // A correction of a shut day carries its reason: "2026-12-01: salah orang".
            let (when, reason) = split(detail)
            if let day = CivilDate.parseISO(when) { return t(.chMarkCleared, [day.short(lang)]) + (reason.map { " (\($0))" } ?? "") }
        case "close-day":
            let parts = detail.split(separator: " ")
            if parts.count == 3, parts[2] == "absent", let day = CivilDate.parseISO(String(parts[0].dropLast())), let n = Int(parts[1]) {
                return t(.chDayClosed, [day.short(lang), n])
            }
        case "issue-certificates":
            if detail == "none due" { return t(.chNoCertificatesDue, []) }
            if let colon = detail.firstIndex(of: ":"), let n = Int(detail[..<colon]) {
                return t(.chCertificatesIssued, [n, String(detail[detail.index(after: colon)...]).trimmingSpaces])
            }
        case "set-curation":
            let (raw, reason) = split(detail)
            if let c = Curation(rawValue: raw) { return L10n.value(c, lang) + (reason.map { ": \($0)" } ?? "") }
        case "sync-door":
            // "D3" then one line per note (DoorSyncNote.line).
            let lines = detail.split(separator: "\n").map(String.init)
            let notes = lines.dropFirst().map { DoorSyncNote(line: $0)?.message(lang) { id in name(id) ?? "" } ?? $0 }
            return ([lines.first ?? ""] + notes).joined(separator: "; ")
        case "assign-booth":
            return t(.chBooth, [detail])
        case "record-sales":
            return detail.split(separator: ",").map { part -> String in
                let p = String(part).trimmingSpaces
                if p.hasSuffix(" trx"), let n = Int(p.dropLast(4)) { return t(.chTransactions, [n]) }
                if p.hasSuffix(" leads"), let n = Int(p.dropLast(6)) { return t(.chLeads, [n]) }
                return p
            }.joined(separator: ", ")
        case "merge-artisans":
            // "A-000014 into A-000001"
            let parts = detail.components(separatedBy: " into ")
            if parts.count == 2, let a = EntityID(parts[0]), let b = EntityID(parts[1]) {
                return t(.chMerged, [a.description, (name(b).map { "\($0) (\(b))" } ?? b.description)])
            }
        case "undo":
            return Self.command(detail, lang)
        case "import":
            // "file.csv: 4 added, 0 updated"
            if let colon = detail.lastIndex(of: ":") {
                let numbers = detail[detail.index(after: colon)...].split(separator: ",").compactMap { Int(String($0).trimmingSpaces.split(separator: " ").first ?? "") }
                if numbers.count == 2 { return t(.chImported, [detail[..<colon], numbers[0], numbers[1]]) }
                if numbers.count == 1 { return t(.chImported, [detail[..<colon], numbers[0], 0]) }
            }
        default:
            break
        }
        return detail
    }

    /// The whole change for a status line: "Presensi dicatat: 1 Des 2026 izin (demam)".
    public static func summary(_ change: Change, _ lang: Lang, name: (EntityID) -> String? = { _ in nil }) -> String {
        let what = command(change.command, lang)
        guard let d = change.detail, !d.isEmpty else { return what }
        return what + ": " + detail(d, of: change.command, lang, name: name)
    }

    /// A changed field's label: "Sertifikat: minimal hari hadir", never `certificateMinDays`.
    public static func field(_ name: String, _ lang: Lang) -> String {
        if let f = ArtisanField(rawValue: name) { return f.label(lang) }
        let keys: [String: TextKey] = [
            "title": .fTitle, "topic": .fTopic, "organiser": .fOrganiser, "partner": .fPartner, "trainers": .fTrainers,
            "venue": .fVenue, "start": .fStart, "end": .fEnd, "meetingDays": .fMeetingDays, "closedDays": .fClosedDays, "doorList": .fDoors, "startTime": .fTime,
            "graceMinutes": .fGraceMinutes, "capacity": .fCapacity, "funding": .fFunding, "status": .fStatus,
            "certificateMinDays": .fCertificateMinDays, "participants": .fParticipants, "level": .fLevel, "city": .fCity,
            "country": .fCountry, "boothCost": .fBoothCost, "payer": .fPayer, "requiredCertifications": .fRequiredCertifications,
            "archived": .fArchived, "mergedInto": .fMergedInto, "kind": .fKind, "partners": .fPartners,
            "trainerRefs": .fTrainers, "certificates": .fCertificates, "term": .fTerm, "position": .fPosition,
            "field": .fBidang, "from": .fFrom, "until": .fUntil, "inaugurated": .fInaugurated, "decree": .fDecree,
            "contact": .fContact, "people": .fPeople,
        ]
        return keys[name].map { L10n.text($0, lang) } ?? name
    }

    /// "2026-12-01 izin 08:12: demam" → "1 Des 2026 izin 08.12 (demam)".
    private static func markText(_ text: Substring, _ lang: Lang) -> String? {
        let (head, note) = split(String(text))
        let words = head.split(separator: " ")
        guard words.count >= 2, let day = CivilDate.parseISO(String(words[0])),
              let mark = AttendanceMark(rawValue: String(words[1])) else { return nil }
        var out = day.short(lang) + " " + L10n.value(mark, lang)
        if words.count > 2 { out += " " + words[2] }
        if let note { out += " (\(note))" }
        return out
    }

    /// "value: free text" → ("value", "free text").
    private static func split(_ text: String) -> (String, String?) {
        guard let colon = text.range(of: ": ") else { return (text, nil) }
        return (String(text[..<colon.lowerBound]), String(text[colon.upperBound...]))
    }
}
