import KriyaCore

/// What the CLI, the console, import and the reports need of a store, whichever medium holds
/// the data: flat files in a folder (`Store`, the default) or PostgreSQL (`PostgresStore`).
/// Both keep the same promises: a save is checked against the latest state others saved, a
/// stale revision is refused as a conflict, ids are never handed out twice, and every change
/// has its audit line.
public protocol RecordStore: AnyObject {
    /// Where the data lives, for messages: a folder or a database address (never a password).
    var location: String { get }
    /// Who saves: the audit trail's `user`.
    var user: String { get }
    var data: Dataset { get }
    /// Records that could not be read, with where they are.
    var issues: [LoadIssue] { get }
    var warnings: [StoreWarning] { get }
    var onWarning: ((StoreWarning) -> Void)? { get set }
    /// This user's role and why.
    var access: AccessDecision { get }

    func applyUndoably(_ command: Command, context: CommandContext?) throws(StoreError) -> (change: Change, undo: Reversal)
    /// An import plan saved as one step.
    func save(_ plan: ImportPlan, detail: String, context: CommandContext?) throws(StoreError) -> Change
    func replaceAll(with dataset: Dataset, reason: String) throws(StoreError)
    /// Reads what others saved since; true when anything changed.
    func refresh() throws(StoreError) -> Bool
    /// Every audit entry about `id`, newest first.
    func history(of id: EntityID) -> [AuditEntry]
}

extension RecordStore {
    /// `applyUndoably` without the undo: the command checked against the latest state others
    /// saved, saved, and applied. Returns what was written.
    @discardableResult
    public func apply(_ command: Command, context: CommandContext? = nil) throws(StoreError) -> Change {
        try applyUndoably(command, context: context).change
    }

    @discardableResult
    public func save(_ plan: ImportPlan, detail: String) throws(StoreError) -> Change {
        try save(plan, detail: detail, context: nil)
    }
}

extension Store: RecordStore {
    public var location: String { path }
}
