/// Every change Kriya stores, by the name the journal, the audit trail and the database use, with
/// the least role that may make it: the one table of commands and roles (issue 32). The console's
/// keys, the command line's roles listing, the database's `kriya_command_role` (checked equal by
/// a test) and the history's wording (`ChangeWords`, checked complete) read it.
public enum CommandName: String, CaseIterable, Sendable {
    // The door: a clerk's. A walk-in registered at the door is a new artisan: the clerk's too.
    case checkIn = "check-in", markAttendance = "mark-attendance", clearAttendance = "clear-attendance", closeDay = "close-day"
    case enrol, withdraw, assignBooth = "assign-booth", recordSales = "record-sales", addArtisan = "add-artisan"
    // Any record: an editor's.
    case updateArtisan = "update-artisan", archiveArtisan = "archive-artisan", restoreArtisan = "restore-artisan"
    case mergeArtisans = "merge-artisans", addSession = "add-session", updateSession = "update-session"
    case addExhibition = "add-exhibition", updateExhibition = "update-exhibition", propose, setCuration = "set-curation"
    case issueCertificate = "issue-certificate", issueCertificates = "issue-certificates"
    case addTerm = "add-term", updateTerm = "update-term", addMember = "add-member", updateMember = "update-member"
    case addPartner = "add-partner", updatePartner = "update-partner", `import`
    case packDoor = "pack-door", syncDoor = "sync-door"
    // The data itself: an admin's.
    case delete, undoImport = "undo-import", replaceAll = "replace-all", compact, setAccess = "set-access", repair
    /// Taking a change back: it needs what making the change needed (`Command.requiredRole`).
    case undo

    /// The least role that may make such a change; nil for `undo`, whose role is the undone
    /// change's. No default: a new name does not compile until it says.
    public var role: StaffRole? {
        switch self {
        case .checkIn, .markAttendance, .clearAttendance, .closeDay, .enrol, .withdraw, .assignBooth, .recordSales, .addArtisan:
            return .clerk
        case .updateArtisan, .archiveArtisan, .restoreArtisan, .mergeArtisans, .addSession, .updateSession, .addExhibition,
             .updateExhibition, .propose, .setCuration, .issueCertificate, .issueCertificates, .addTerm, .updateTerm, .addMember,
             .updateMember, .addPartner, .updatePartner, .import, .packDoor, .syncDoor:
            return .editor
        case .delete, .undoImport, .replaceAll, .compact, .setAccess, .repair:
            return .admin
        case .undo:
            return nil
        }
    }

    /// Whether a door folder (a session's door away from the office) may make such a change:
    /// the door's own work, and taking it back. Records, imports and deletions stay the office's.
    public var atTheDoor: Bool {
        switch self {
        case .checkIn, .markAttendance, .clearAttendance, .closeDay, .enrol, .withdraw, .addArtisan, .issueCertificate,
             .issueCertificates, .undo:
            return true
        case .assignBooth, .recordSales, .updateArtisan, .archiveArtisan, .restoreArtisan, .mergeArtisans, .addSession,
             .updateSession, .addExhibition, .updateExhibition, .propose, .setCuration, .addTerm, .updateTerm, .addMember,
             .updateMember, .addPartner, .updatePartner, .import, .packDoor, .syncDoor, .delete, .undoImport, .replaceAll,
             .compact, .setAccess, .repair:
            return false
        }
    }
}
