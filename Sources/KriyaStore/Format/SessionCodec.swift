import KriyaCore

/// Bimtek session records as JSON; participants and their attendance are nested.
enum SessionCodec {
    static func write(_ s: BimtekSession, _ w: inout JSONWriter) {
        w.member("id", s.id.description)
        w.member("rev", s.rev as Int?)
        w.member("kind", s.kind as SessionKind?)
        w.member("title", s.title)
        w.member("topic", s.topic)
        w.member("organiser", s.organiser)
        w.member("partner", s.partner)
        w.member("partners", strings: s.partners.map(\.description))
        w.member("trainers", strings: s.trainers)
        w.member("trainerRefs", strings: s.trainerRefs.map(\.description))
        w.member("venue", s.venue)
        w.member("start", s.start.iso)
        w.member("end", s.end.iso)
        w.member("meetingDays", strings: s.meetingDays.map(\.iso))
        w.member("startTime", s.startTime?.description)
        w.member("graceMinutes", s.graceMinutes)
        w.member("capacity", s.capacity)
        w.member("funding", s.funding)
        w.member("status", s.status as SessionStatus?)
        w.member("certificateMinDays", s.certificateMinDays)
        if let given = s.certificates { w.member("certificates", given) }
        w.member("closedDays", strings: s.closedDays.map(\.iso))
        w.key("participants")
        w.beginArray()
        for p in s.participants {
            w.beginObject()
            w.member("artisan", p.artisan.description)
            w.member("role", p.role as ParticipantRole?)
            w.member("enrolment", p.enrolment as Enrolment?)
            w.key("attendance")
            w.beginArray()
            for a in p.attendance {
                w.beginObject()
                w.member("day", a.day.iso)
                w.member("mark", a.mark as AttendanceMark?)
                w.member("time", a.time?.description)
                w.member("by", a.by)
                w.member("note", a.note)
                w.endObject()
            }
            w.endArray()
            w.member("certificate", p.certificate)
            w.members(raw: p.unknownMembers)
            w.endObject()
        }
        w.endArray()
        if !s.doors.isEmpty {
            w.key("doors")
            w.beginArray()
            for d in s.doors {
                w.beginObject()
                w.member("number", d.number as Int?)
                w.member("packedAt", d.packedAt)
                w.member("packedBy", d.packedBy)
                w.member("syncedAt", d.syncedAt)
                w.key("walkIns")
                w.beginArray()
                for pair in d.walkIns {
                    w.beginObject()
                    w.member("door", pair.door.description)
                    w.member("office", pair.office.description)
                    w.endObject()
                }
                w.endArray()
                w.endObject()
            }
            w.endArray()
        }
        w.members(raw: s.unknownMembers)
    }

    static func read(_ r: inout JSONReader) throws(JSONReader.Failure) -> BimtekSession {
        let K = Keys.shared
        var id: EntityID?, rev = 0, title: String?, organiser: String?, venue: String?
        var start: CivilDate?, end: CivilDate?
        let placeholder = CivilDate(dayNumber: 0)
        var s = BimtekSession(id: EntityID(.session, 1), title: "", organiser: "", venue: "", start: placeholder, end: placeholder)
        try r.object { r, key throws(JSONReader.Failure) in
            if r.null() { return }
            switch key {
            case K.id: id = try r.entityID()
            case K.rev: rev = try r.revision()
            case K.kind: s.kind = try r.choice(K.sessionKindValues)
            case K.partners: s.partners = try r.entityIDs(of: .partner, field: "partners")
            case K.trainerRefs: s.trainerRefs = try r.entityIDs(of: .member, field: "trainerRefs")
            case K.certificates: s.certificates = try r.bool()
            case K.title: title = try r.string()
            case K.topic: s.topic = try r.string()
            case K.organiser: organiser = try r.string()
            case K.partner: s.partner = try r.string()
            case K.trainers: s.trainers = try r.strings()
            case K.venue: venue = try r.string()
            case K.start: start = try r.date()
            case K.end: end = try r.date()
            case K.meetingDays: try r.array { r throws(JSONReader.Failure) in s.meetingDays.append(try r.date()) }
            case K.closedDays: try r.array { r throws(JSONReader.Failure) in s.closedDays.append(try r.date()) }
            case K.startTime: s.startTime = try r.time()
            case K.graceMinutes: s.graceMinutes = try r.count()
            case K.capacity: s.capacity = try r.count()
            case K.funding: s.funding = try r.string()
            case K.status: s.status = try r.choice(K.sessionStatusValues)
            case K.certificateMinDays: s.certificateMinDays = try r.count()
            case K.participants:
                try r.array { r throws(JSONReader.Failure) in s.participants.append(try readParticipant(&r)) }
            case K.doors:
                try r.array { r throws(JSONReader.Failure) in s.doors.append(try readDoor(&r)) }
            default: try r.keepUnknown(key, in: &s.unknownMembers)
            }
        }
        guard let id, id.kind == .session else { throw r.fail("missing or wrong session id") }
        guard let title, let organiser, let venue, let start, let end else {
            throw r.fail("\(id): missing one of title, organiser, venue, start, end")
        }
        s.id = id
        guard rev >= 1 else { throw r.fail("\(id): no revision (\"rev\":1 or more)") }
        s.rev = rev
        s.title = title
        s.organiser = organiser
        s.venue = venue
        s.start = start
        s.end = end
        return s
    }

    private static func readDoor(_ r: inout JSONReader) throws(JSONReader.Failure) -> DoorRecord {
        let K = Keys.shared
        var d = DoorRecord(number: 0, packedAt: "", packedBy: "")
        try r.object { r, key throws(JSONReader.Failure) in
            if r.null() { return }
            switch key {
            case K.number: d.number = try r.count()
            case K.packedAt: d.packedAt = try r.string()
            case K.packedBy: d.packedBy = try r.string()
            case K.syncedAt: d.syncedAt = try r.string()
            case K.walkIns:
                try r.array { r throws(JSONReader.Failure) in
                    var door: EntityID?, office: EntityID?
                    try r.object { r, key throws(JSONReader.Failure) in
                        if r.null() { return }
                        switch key {
                        case K.door: door = try r.entityID()
                        case K.office: office = try r.entityID()
                        default: try r.skipValue()
                        }
                    }
                    guard let door, let office else { throw r.fail("a door's walk-in without both ids") }
                    d.walkIns.append(DoorRecord.WalkIn(door: door, office: office))
                }
            default: try r.skipValue()
            }
        }
        guard d.number >= 1 else { throw r.fail("a door without its number") }
        return d
    }

    private static func readParticipant(_ r: inout JSONReader) throws(JSONReader.Failure) -> SessionParticipant {
        let K = Keys.shared
        var artisan: EntityID?
        var p = SessionParticipant(artisan: EntityID(.artisan, 1))
        try r.object { r, key throws(JSONReader.Failure) in
            if r.null() { return }
            switch key {
            case K.artisan: artisan = try r.entityID()
            case K.role: p.role = try r.choice(K.participantRoleValues)
            case K.enrolment: p.enrolment = try r.choice(K.enrolmentValues)
            case K.attendance:
                try r.array { r throws(JSONReader.Failure) in
                    var day: CivilDate?, mark: AttendanceMark?, time: ClockTime?, by: String?, note: String?
                    try r.object { r, key throws(JSONReader.Failure) in
                        if r.null() { return }
                        switch key {
                        case K.day: day = try r.date()
                        case K.mark: mark = try r.choice(K.attendanceMarkValues)
                        case K.time: time = try r.time()
                        case K.by: by = try r.string()
                        case K.note: note = try r.string()
                        default: try r.skipValue()
                        }
                    }
                    guard let day, let mark else { throw r.fail("attendance without day or mark") }
                    p.attendance.append(Attendance(day: day, mark: mark, time: time, by: by, note: note))
                }
            case K.certificate: p.certificate = try r.string()
            default: try r.keepUnknown(key, in: &p.unknownMembers)
            }
        }
        guard let artisan, artisan.kind == .artisan else { throw r.fail("participant without an artisan id") }
        p.artisan = artisan
        return p
    }
}

/// Member names (and enum values) this file reads, packed once; each reader takes a reference
/// (`let K = Keys.shared`) so matching costs no lazy-global check per key.
private final class Keys: Sendable {
    let artisan: JSONKey = "artisan"
    let attendance: JSONKey = "attendance"
    let by: JSONKey = "by"
    let capacity: JSONKey = "capacity"
    let certificate: JSONKey = "certificate"
    let certificateMinDays: JSONKey = "certificateMinDays"
    let certificates: JSONKey = "certificates"
    let closedDays: JSONKey = "closedDays"
    let doors: JSONKey = "doors"
    let number: JSONKey = "number"
    let packedAt: JSONKey = "packedAt"
    let packedBy: JSONKey = "packedBy"
    let syncedAt: JSONKey = "syncedAt"
    let walkIns: JSONKey = "walkIns"
    let door: JSONKey = "door"
    let office: JSONKey = "office"
    let kind: JSONKey = "kind"
    let partners: JSONKey = "partners"
    let trainerRefs: JSONKey = "trainerRefs"
    let sessionKindValues = ChoiceTable(SessionKind.self)
    let day: JSONKey = "day"
    let end: JSONKey = "end"
    let enrolment: JSONKey = "enrolment"
    let funding: JSONKey = "funding"
    let graceMinutes: JSONKey = "graceMinutes"
    let id: JSONKey = "id"
    let mark: JSONKey = "mark"
    let meetingDays: JSONKey = "meetingDays"
    let note: JSONKey = "note"
    let organiser: JSONKey = "organiser"
    let participants: JSONKey = "participants"
    let partner: JSONKey = "partner"
    let rev: JSONKey = "rev"
    let role: JSONKey = "role"
    let start: JSONKey = "start"
    let startTime: JSONKey = "startTime"
    let status: JSONKey = "status"
    let time: JSONKey = "time"
    let title: JSONKey = "title"
    let topic: JSONKey = "topic"
    let trainers: JSONKey = "trainers"
    let venue: JSONKey = "venue"
    let sessionStatusValues = ChoiceTable(SessionStatus.self)
    let participantRoleValues = ChoiceTable(ParticipantRole.self)
    let enrolmentValues = ChoiceTable(Enrolment.self)
    let attendanceMarkValues = ChoiceTable(AttendanceMark.self)
    static let shared = Keys()
}
