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
    /// own operations); nil for a name no Kriya writes, and for `undo` (the undone change's).
    public static func required(forCommandNamed name: String) -> StaffRole? {
        CommandName(rawValue: name)?.role
    }
}

extension Command {
    /// The least role that may run this command: its name's (`CommandName`); taking a change
    /// back needs what making it needed (a clerk undoes a check-in).
    public var requiredRole: StaffRole {
        if case .undo(let reversal) = self { return StaffRole.required(forCommandNamed: reversal.command) ?? .editor }
        return commandName.role ?? .editor
    }
}

extension L10n {
    /// Why a change was refused: who, their role, the role needed, and how to get it.
    public static func refusal(user: String, role: StaffRole, needed: StaffRole, _ lang: Lang) -> String {
        text(.cForbidden, lang, user, value(role, lang), value(needed, lang), needed.rawValue)
    }
}
