/// The event day's rules (issue 30), one set for the console, the command line and any door:
/// on which day the door may mark people, who may change a mark once the door is shut, and what
/// closing a day does. The store asks `requiredRole(for:today:)` under its lock; `Dataset.plan`
/// refuses what no role may do.

/// What the door of a session can do on one of its days, as of `today`.
public enum DoorState: Equatable, Sendable {
    /// Today's meeting day, not yet closed: the door checks people in and marks them.
    case open
    case notAMeetingDay
    /// A meeting day still to come: no mark yet.
    case notBegun
    /// An earlier meeting day: its marks change only by a correction, with a reason.
    case past
    /// Today's meeting day after it was closed (F6): likewise.
    case closed

    /// A mark on such a day is a correction (an editor's, with a reason), not the door's.
    public var onlyByCorrection: Bool { self == .past || self == .closed }
}

extension BimtekSession {
    public func door(on day: CivilDate, today: CivilDate) -> DoorState {
        guard days.contains(day) else { return .notAMeetingDay }
        if day > today { return .notBegun }
        if day < today { return .past }
        return closedDays.contains(day) ? .closed : .open
    }

    /// Why the door may not mark anyone on `day`, as the error that says it; nil while open.
    /// The store refuses a check-in with it; the door's screen says it before trying.
    public func doorRefusal(on day: CivilDate, today: CivilDate) -> CommandError? {
        switch door(on: day, today: today) {
        case .open: return nil
        case .notAMeetingDay: return .notAMeetingDay(day, of: id)
        case .notBegun: return .dayNotBegun(day, of: id)
        case .past: return .dayPast(day, of: id)
        case .closed: return .dayClosed(day, of: id)
        }
    }

    /// Closing a day marks these alpa: participants only; trainers and committee have their
    /// own attendance, which nobody is marked absent in.
    public func absentAtClosing(on day: CivilDate) -> [Int] {
        participants.indices.filter {
            participants[$0].enrolment == .registered && participants[$0].role == .peserta && participants[$0].mark(on: day) == nil
        }
    }
}

extension Dataset {
    /// The least role that may run `command` as of `today`: the command's own, except that a
    /// mark on a day whose door is shut (past, or closed) is a correction, and closing any day
    /// but today is one too: an editor's.
    public func requiredRole(for command: Command, today: CivilDate) -> StaffRole {
        let door: (EntityID, CivilDate) -> DoorState? = { sid, day in sessions[sid]?.door(on: day, today: today) }
        switch command {
        case .markAttendance(let sid, _, let day, _, _, _), .clearAttendance(let sid, _, let day, _):
            return door(sid, day)?.onlyByCorrection == true ? max(command.requiredRole, .editor) : command.requiredRole
        case .closeDay(let sid, let day):
            return door(sid, day) == .past ? max(command.requiredRole, .editor) : command.requiredRole
        default:
            return command.requiredRole
        }
    }

    /// A mark set or taken away on a day whose door is shut must say why.
    func checkCorrection(_ s: BimtekSession, on day: CivilDate, reason: String?, _ ctx: CommandContext) throws(CommandError) {
        let door = s.door(on: day, today: ctx.today)
        switch door {
        case .notAMeetingDay: throw .notAMeetingDay(day, of: s.id)
        case .notBegun: throw .dayNotBegun(day, of: s.id)
        case .open: return
        case .past, .closed:
            guard reason?.trimmingSpaces.isEmpty == false else { throw .reasonRequired(day, of: s.id, closed: door == .closed) }
        }
    }
}
