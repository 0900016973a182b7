import KriyaCore

/// What the CLI, the console, import and the reports need of a store, whichever medium holds
/// the data: flat files in a folder (`Store`, the default) or PostgreSQL (`PostgresStore`).
/// Both keep the same promises: a save is checked against the latest state others saved, a
/// stale revision is refused as a conflict, ids are never handed out twice, and every change
/// has its audit line.
public protocol RecordStore: AnyObject {
    /// Where the data lives, for messages: a folder or a database address (never a password).
    var location: String { get }
    /// The same, short enough for a title bar (`kriya@db-host`).
    var shortLocation: String { get }
    /// Who saves: the audit trail's `user`.
    var user: String { get }
    var data: Dataset { get }
    /// Records that could not be read, with where they are.
    var issues: [LoadIssue] { get }
    var warnings: [StoreWarning] { get }
    var onWarning: ((StoreWarning) -> Void)? { get set }
    /// The office whose code new ids carry (`A-3573-000123`), 0 for none: a desk's setting.
    var office: Int { get set }
    /// This user's role and why.
    var access: AccessDecision { get }
    /// The door this data is, when it was packed to work away from the office (issue 33).
    var door: DoorFolder? { get }

    func applyUndoably(_ command: Command, context: CommandContext?) throws(StoreError) -> (change: Change, undo: Reversal)
    /// An import plan saved as one step.
    func save(_ plan: ImportPlan, detail: String, context: CommandContext?) throws(StoreError) -> Change
    func replaceAll(with dataset: Dataset, reason: String) throws(StoreError)
    /// Reads what others saved since; true when anything changed.
    func refresh() throws(StoreError) -> Bool
    /// Every audit entry about `id`, newest first.
    func history(of id: EntityID) -> [AuditEntry]
    /// The whole audit trail as written, oldest first.
    func auditTrail() throws(StoreError) -> AuditTrail
    /// Every record and the audit trail as of one moment (no save between the two), for
    /// `kriya copy` and a database's backup.
    func snapshot() throws(StoreError) -> (data: Dataset, auditTrail: AuditTrail)
    /// Fills an empty store with `dataset` (its records and the ids it has used) and the audit
    /// lines of the store it comes from, unchanged: `kriya copy`. Refused (`.notEmpty`) when
    /// the store holds any record or audit line.
    func restore(_ dataset: Dataset, auditTrail: [[UInt8]]) throws(StoreError)
    /// This user's role now (read again: a role granted or withdrawn applies at once).
    func currentRole() -> StaffRole
    /// Refuses `action` (`.forbidden`, exit 77) unless this user's role, decided again now, is
    /// `needed` or above: asked first by commands whose other answers would tell a user without
    /// the role something (`delete` of an id that does not exist).
    func authorize(_ needed: StaffRole, _ action: String) throws(StoreError)
    /// Takes the last import back as one step (see `Store.takeBackLastImport`); nil when there
    /// is none. With `dryRun`, says what it would do and changes nothing.
    func takeBackLastImport(dryRun: Bool, context: CommandContext?) throws(StoreError) -> (ImportUndo, ImportUndo.Outcome)?

    // Looking up without reading everything (issue 18): a store that reads everything at
    // once answers these from `data` (the defaults below).
    /// True while only part of the artisans has been read (`loadEverything()` reads the rest).
    var isDeferred: Bool { get }
    var artisanCount: Int { get }
    func loadEverything() throws(StoreError)
    /// While only part is read: a search to use during `loadEverything()` on another thread.
    func lookupWhileLoading() -> ArtisanLookup?
    /// The artisans matching `query` that `keep` accepts: the first `limit`, and how many in all.
    func findArtisans(_ query: String, limit: Int, where keep: ((Artisan) -> Bool)?) throws(StoreError) -> ArtisanMatches
    /// The current version of each of `ids` that exists.
    func artisans(_ ids: [EntityID]) throws(StoreError) -> [EntityID: Artisan]
    /// `data` with the artisans `ids` in it, for views of a few records.
    func data(with ids: [EntityID]) throws(StoreError) -> Dataset
    /// The search index built while reading, when there is one to hand over (once).
    func takeSearchIndex() -> SearchIndex?
}

extension RecordStore {
    /// A database is never a door: doors are folders on a laptop.
    public var door: DoorFolder? { nil }

    /// `applyUndoably` without the undo: the command checked against the latest state others
    /// saved, saved, and applied. Returns what was written.
    @discardableResult
    public func apply(_ command: Command, context: CommandContext? = nil) throws(StoreError) -> Change {
        try applyUndoably(command, context: context).change
    }

    public func applyUndoably(_ command: Command) throws(StoreError) -> (change: Change, undo: Reversal) {
        try applyUndoably(command, context: nil)
    }

    @discardableResult
    public func save(_ plan: ImportPlan, detail: String) throws(StoreError) -> Change {
        try save(plan, detail: detail, context: nil)
    }

    public func takeBackLastImport(dryRun: Bool = false) throws(StoreError) -> (ImportUndo, ImportUndo.Outcome)? {
        try takeBackLastImport(dryRun: dryRun, context: nil)
    }

    public func findArtisans(_ query: String, limit: Int) throws(StoreError) -> ArtisanMatches {
        try findArtisans(query, limit: limit, where: nil)
    }

    public var shortLocation: String { location }
    public func currentRole() -> StaffRole { access.role }
    public var isDeferred: Bool { false }
    public var artisanCount: Int { data.artisans.count }
    public func loadEverything() throws(StoreError) {}
    public func lookupWhileLoading() -> ArtisanLookup? { nil }
    public func takeSearchIndex() -> SearchIndex? { nil }
    public func data(with ids: [EntityID]) throws(StoreError) -> Dataset { data }

    public func artisans(_ ids: [EntityID]) throws(StoreError) -> [EntityID: Artisan] {
        var out: [EntityID: Artisan] = [:]
        for id in ids { out[id] = data.artisans[id] }
        return out
    }

    public func findArtisans(_ query: String, limit: Int, where keep: ((Artisan) -> Bool)?) throws(StoreError) -> ArtisanMatches {
        ArtisanMatches.search(data.artisans.items, query, limit: limit, where: keep)
    }
}

extension Store: RecordStore {
    public var location: String { path }
}

/// An audit trail as its lines: each sealed, with its newline, oldest first; lines that do not
/// verify (damaged on disk) are counted, not carried.
public struct AuditTrail: Sendable {
    public var lines: [[UInt8]] = []
    public var damaged = 0
    public init() {}
}
