/// What a staff member may do (issue 17), each role including the ones before it:
/// a viewer looks up, prints and exports; a clerk also runs the door (check-in, attendance,
/// enrolment, booths and sales); an editor changes any record; an admin also deletes, takes
/// imports back, replaces or compacts the data and sets the roles.
public enum StaffRole: String, Sendable, CaseIterable, Comparable, Codable {
    case viewer, clerk, editor, admin

    public static func < (a: StaffRole, b: StaffRole) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// The role a stored command name needs (the journal's and audit's names, and the store's
    /// own operations); nil for a name no Kriya writes.
    public static func required(forCommandNamed name: String) -> StaffRole? {
        switch name {
        case "check-in", "mark-attendance", "clear-attendance", "close-day", "enrol", "withdraw", "assign-booth", "record-sales",
             "add-artisan":
            return .clerk
        case "update-artisan", "add-session", "update-session", "add-exhibition", "update-exhibition",
             "propose", "set-curation", "issue-certificate", "issue-certificates", "archive-artisan", "restore-artisan",
             "merge-artisans", "add-term", "update-term", "add-member", "update-member", "add-partner", "update-partner",
             "import":
            return .editor
        case "delete", "undo-import", "replace-all", "compact", "set-access", "repair":
            return .admin
        default:
            return nil
        }
    }
}

extension Command {
    /// The least role that may run this command. The switch has no default: a new command
    /// does not compile until it says who may run it.
    public var requiredRole: StaffRole {
        switch self {
        // A walk-in registered at the door is a new artisan: the clerk's too.
        case .checkIn, .markAttendance, .clearAttendance, .closeDay, .enrol, .withdraw, .assignBooth, .recordSales, .addArtisan:
            return .clerk
        case .updateArtisan, .addSession, .updateSession, .addExhibition, .updateExhibition, .propose,
             .setCuration, .issueCertificate, .issueCertificates, .archiveArtisan, .mergeArtisans, .addTerm, .updateTerm,
             .addMember, .updateMember, .addPartner, .updatePartner:
            return .editor
        case .delete:
            return .admin
        case .undo(let reversal):
            // Taking a change back needs what making it needed (a clerk undoes a check-in).
            return StaffRole.required(forCommandNamed: reversal.command) ?? .editor
        }
    }
}

extension L10n {
    /// Why a change was refused: who, their role, the role needed, and how to get it.
    public static func refusal(user: String, role: StaffRole, needed: StaffRole, _ lang: Lang) -> String {
        text(.cForbidden, lang, user, value(role, lang), value(needed, lang), needed.rawValue)
    }
}
