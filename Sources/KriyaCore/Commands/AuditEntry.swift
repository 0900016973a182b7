/// One line of the audit trail, read back: who changed what, when.
public struct AuditEntry: Sendable, Equatable {
    /// Local date and time, `29/11/2026 14:05`.
    public var when: String
    public var user: String
    public var command: String
    public var targets: [EntityID]
    public var detail: String?
    public var changes: [FieldChange]

    public init(when: String, user: String, command: String, targets: [EntityID], detail: String?, changes: [FieldChange]) {
        (self.when, self.user, self.command, self.targets, self.detail, self.changes) = (when, user, command, targets, detail, changes)
    }
}
