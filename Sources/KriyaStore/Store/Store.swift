#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KriyaCore

/// The flat-file store of one data directory (see docs/store.md):
/// snapshots `artisans.jsonl`, `sessions.jsonl`, `exhibitions.jsonl`; the journal of changes
/// since the last compaction; the audit trail; a manifest with the format version.
/// Saves append one checksummed line to the journal under a file lock and fsync it before
/// they are acknowledged; compaction folds the journal into new snapshots atomically.
public final class Store {
    public static let formatVersion = 1

    public let path: String
    public let user: String
    public internal(set) var data = Dataset()
    /// Lines that could not be read, with file and line (they are set aside at compaction).
    public internal(set) var issues: [LoadIssue] = []
    /// Things a person should know, e.g. a data directory on a network file system.
    public internal(set) var warnings: [String] = []
    /// Fold the journal into the snapshots once it passes this many bytes.
    public var compactThreshold = 8 << 20
    /// For `kriya check`: where each record was last read from.
    var origins: [EntityID: (file: String, line: Int)]? = nil

    let io: FileIO
    let durable: Durable
    let fileMode: mode_t
    private var lockStorage: FileLock?
    var generation = 0
    var journalInode: UInt64 = 0
    var journalOffset = 0
    var journalLines = 0

    static let manifestName = "kriya.json"
    static let snapshotNames = ["artisans.jsonl", "sessions.jsonl", "exhibitions.jsonl"]
    static let journalName = "journal.jsonl"
    static let auditName = "audit.jsonl"
    static let lockName = "kriya.lock"

    func file(_ name: String) -> String { path + "/" + name }
    var journalPath: String { file(Self.journalName) }

    /// Opens (and with `create`, makes) the store in `path`.
    /// - Parameter trackOrigins: remember each record's file and line (for `check`).
    public init(path: String, create: Bool = true, io: FileIO = PosixFileIO(), user: String? = nil,
                trackOrigins: Bool = false) throws(StoreError) {
        self.path = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        self.io = io
        self.user = user ?? SystemInfo.userName()
        if trackOrigins { origins = [:] }
        if let info = io.stat(self.path) {
            guard info.isDirectory else { throw .notADirectory(self.path) }
        } else if create {
            try Store.makeDirectories(self.path, io: io)
        } else {
            throw .noData(path: self.path)
        }
        // A setgid directory means a shared staff group: files are group-writable then.
        let dirMode = io.stat(self.path)?.mode ?? 0
        fileMode = (dirMode & S_ISGID) != 0 ? 0o660 : 0o600
        durable = Durable(io: io, fileMode: fileMode)
        if let warning = SystemInfo.networkFileSystemWarning(Store.absolute(self.path)) { warnings.append(warning) }

        try checkManifest(create: create)
        if create, io.stat(journalPath) == nil {
            try withLock { () throws(StoreError) in
                if io.stat(journalPath) == nil {
                    try durable.replace(journalPath, with: JournalFormat.header(generation: 1, created: SystemInfo.now().timestamp))
                    try durable.syncDirectory(self.path)
                }
            }
        }
        if create { cleanStaleTemporaryFiles() }
        try load(locked: false)
    }

    var lock: FileLock {
        get throws(StoreError) {
            if let lockStorage { return lockStorage }
            let made = try FileLock(path: file(Self.lockName), mode: fileMode)
            lockStorage = made
            return made
        }
    }

    func withLock<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        try lock.withLock(body)
    }

    // MARK: - Saving

    /// Checks `command` against the latest state on disk (other staff's saves included),
    /// appends it durably and applies it. Returns what was written.
    @discardableResult
    public func apply(_ command: Command, context: CommandContext? = nil) throws(StoreError) -> Change {
        try applyUndoably(command, context: context).change
    }

    /// `apply`, also returning how to undo the change (worked out from the state it was
    /// checked against, under the same lock).
    public func applyUndoably(_ command: Command, context: CommandContext? = nil) throws(StoreError) -> (change: Change, undo: Reversal) {
        let now = SystemInfo.now()
        let ctx = context ?? CommandContext(user: user, today: now.today, time: now.time)
        return try withLock { () throws(StoreError) -> (change: Change, undo: Reversal) in
            try catchUp(locked: true)
            let change: Change
            do throws(CommandError) { change = try data.plan(command, ctx) } catch { throw .command(CommandErrorBox(error: error)) }
            let undo = data.reversal(of: change)
            try journal(change, at: now.timestamp, user: ctx.user)
            try audited(change, at: now.timestamp, user: ctx.user)
            return (change, undo)
        }
    }

    /// Under the lock: appends `change` as one journal line (fsynced), then reads it back like
    /// anyone else's so memory follows the file; committing the change as well is a no-op then
    /// (same revisions) and keeps memory right even if the read-back were to fail.
    func journal(_ change: Change, at stamp: String, user: String) throws(StoreError) {
        try durable.append(JournalFormat.entry(change, at: stamp, user: user), to: journalPath)
        try catchUp(locked: true)
        data.commit(change)
    }

    /// Under the lock, once `change` is durable: its audit line (a failed audit append must not
    /// make the change look unsaved), then a compaction when the journal has grown past the limit.
    func audited(_ change: Change, at stamp: String, user: String) throws(StoreError) {
        do { try durable.append(AuditFormat.entry(change, at: stamp, user: user), to: file(Self.auditName)) }
        catch { warnings.append("The change was saved but its audit line was not: \(error)") }
        if journalOffset > compactThreshold { try compactLocked() }
    }

    /// Reads what other processes saved since the last look. True when anything changed.
    @discardableResult
    public func refresh() throws(StoreError) -> Bool {
        try catchUp(locked: false)
    }

    // MARK: - Paths

    static func makeDirectories(_ path: String, io: FileIO) throws(StoreError) {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            if io.stat(current) == nil { try io.mkdir(current, 0o700) }
        }
    }

    static func absolute(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Best effort: someone who may only read the data cannot take the lock, and need not.
    private func cleanStaleTemporaryFiles() {
        // Only when nobody is writing: their temp file is not stale.
        _ = try? lock.tryLock { () throws(StoreError) in
            for name in io.listDirectory(path) where name.hasSuffix(".tmp") { io.unlink(file(name)) }
        }
    }
}

/// The files of one generation of the data: three snapshots and the journal over them.
public enum DataFile: CaseIterable, Sendable {
    case artisans, sessions, exhibitions, journal
}

extension Store {
    /// The name (inside the data folder) of the file that holds `kind` now.
    public func currentFile(_ kind: DataFile) -> String? {
        switch kind {
        case .artisans: return "artisans.jsonl"
        case .sessions: return "sessions.jsonl"
        case .exhibitions: return "exhibitions.jsonl"
        case .journal: return Store.journalName
        }
    }
}
