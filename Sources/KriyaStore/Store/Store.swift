#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KriyaCore

/// The flat-file store of one data directory (see docs/store.md). `kriya.json` names the
/// generation in force; its files are three snapshots (`artisans.000007.jsonl`, …) and the
/// journal of changes since (`journal.000007.jsonl`); beside them the audit trail.
/// Saves append one checksummed line to the journal under a file lock and fsync it before
/// they are acknowledged; compaction writes the next generation and commits it by replacing
/// the manifest, the one commit point of anything that rewrites files.
public final class Store {
    /// The newest format this program reads. 3 added the council's records (terms, members,
    /// partners): a Kriya that knows only 2 would drop them at its next compaction, so it must
    /// refuse such a folder. 4 allows ids that name an office (`A-3573-000123`), which a Kriya
    /// that knows only 3 cannot read; a folder becomes 4 only when such an id is saved, so
    /// desks that use no office codes keep working with older Kriya.
    public static let formatVersion = 4

    public let path: String
    public let user: String
    public internal(set) var data = Dataset()
    /// Lines that could not be read, with file and line (they are set aside at compaction).
    public internal(set) var issues: [LoadIssue] = []
    /// Things a person should know: a data directory on a network file system, a change that
    /// was saved but whose audit line or compaction failed. Each is also passed to `onWarning`.
    public internal(set) var warnings: [StoreWarning] = []
    /// Called with each warning as it happens (the CLI prints it on stderr, the console shows
    /// it on its status line).
    public var onWarning: ((StoreWarning) -> Void)?
    /// Set when this folder is a door packed for work away from the office (issue 33).
    public private(set) var door: DoorFolder?
    /// The office this desk registers new records for (`EntityID.office`, from the config's
    /// `office`): 0 for none.
    public var office = 0
    /// Fold the journal into the snapshots once it passes this many bytes.
    public var compactThreshold = 8 << 20
    /// For `kriya check`: where each record was last read from.
    var origins: [EntityID: (file: String, line: Int)]? = nil

    let io: FileIO
    let durable: Durable
    let fileMode: mode_t
    let directoryMode: mode_t
    /// The group of a shared (setgid) data folder, given to folders the store makes elsewhere.
    let sharedGroup: gid_t?
    /// Opened through the installed gate (`InstalledFolder`): only Kriya reaches these files,
    /// so their modes and owners say nothing about who may change them.
    public let gated: Bool
    private var lockStorage: FileLock?
    /// The generation in force when the data was last read, and how far its journal was read.
    var generation = 0
    var journalInode: UInt64 = 0
    var journalOffset = 0
    var journalLines = 0
    /// The journal's name as it was read (format 1 had a fixed one), for messages.
    var loadedJournalName = ""
    /// Set when a failed write could not be taken back: every later save is refused.
    var readOnlyReason: String?
    /// The newest change known to have its line in `audit.jsonl` (`catchUpAudit`).
    var auditedThrough: JournalPosition?
    /// The journal's last line was whole but for its newline when last read (a save cut off
    /// just before it): it takes a line of its own when the next save appends.
    var journalEndsUnfinished = false
    /// The id in the journal's header (journals from before it have none).
    var journalID: String?
    /// Opened by `kriya repair`: a journal shorter than the audit trail says is noted here
    /// (changes kept, changes recorded) instead of refused.
    let repairing: Bool
    var shortJournal: (kept: Int, recorded: Int)?
    /// Who is running this (the real Unix user) and their role in this folder (issue 17).
    public let identity: UnixIdentity
    public internal(set) var access = AccessDecision(role: .admin, reason: .owner)
    /// Whether the audit trail shows roles were set here (`set-access`), asked once: with no
    /// access file then, it was removed, and that must not make everyone an editor.
    var rolesWereSet: Bool?
    /// The format version of the manifest last read (a format-2 folder is read as it is and
    /// written as format 3 from its next generation on).
    public internal(set) var formatOnDisk = 3
    /// Opened for a lookup (issue 18): the artisans' snapshot is searched through its index
    /// and only the lines shown are read; `data.artisans` holds those the journal changed.
    var deferred: DeferredArtisans?
    /// After the full read that follows a lookup open: the index file's search index, when
    /// the journal renamed, deleted or moved no artisan it holds (new ones appended). See
    /// `takeSearchIndex`.
    var searchIndexFromFile: SearchIndex?
    /// The artisans journal lines changed or deleted since the last full read.
    var journalChangedArtisans: Set<EntityID> = []

    static let manifestName = "kriya.json"
    static let auditName = "audit.jsonl"
    static let lockName = "kriya.lock"

    func file(_ name: String) -> String { path + "/" + name }
    var journalName: String { DataFile.journal.name(generation) }
    var journalPath: String { file(journalName) }

    /// Opens (and with `create`, makes) the store in `path`.
    /// - Parameter trackOrigins: remember each record's file and line (for `check`).
    /// - Parameter identity: who decides the role; nil (always, but in tests) is the real Unix user.
    /// - Parameter lookup: only to look records up (`findArtisans`, `artisans(_:)`): the
    ///   artisans' snapshot is not read when its index is there (see `isDeferred`); the first
    ///   change reads everything.
    /// - Parameter io: the file operations (tests inject failures); by default through the
    ///   folder opened at start when `path` is the installed one (`InstalledFolder`).
    public init(path: String, create: Bool = true, io: FileIO? = nil, user: String? = nil,
                trackOrigins: Bool = false, identity: UnixIdentity? = nil, lookup: LookupScope? = nil,
                repairing: Bool = false) throws(StoreError) {
        self.repairing = repairing
        self.path = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        let io = io ?? InstalledFolder.io(for: self.path) ?? PosixFileIO()
        self.io = io
        gated = (io as? GatedFileIO)?.holds(self.path) ?? false
        self.user = user ?? SystemInfo.userName()
        self.identity = identity ?? .current()
        if trackOrigins { origins = [:] }
        // The folder may be reached through a symlink (a home on another disk): look at where it leads.
        let folderPath = gated ? self.path : Store.absolute(self.path)
        if let info = io.stat(folderPath) {
            guard info.isDirectory else { throw .notADirectory(self.path) }
        } else if create {
            try Store.makeDirectories(self.path, mode: 0o700, group: nil, io: io)
        } else if InstalledFolder.isSite(self.path), let problem = InstalledFolder.problem {
            throw .unsafe(path: self.path, reason: problem)
        } else {
            throw .noData(path: self.path)
        }
        // A setgid directory means a shared staff group: files are group-writable then. Behind
        // the installed gate every account's Kriya must open every file (the gate keeps the rest out).
        let dir = io.stat(folderPath)
        let shared = !gated && (dir?.mode ?? 0) & S_ISGID != 0
        fileMode = gated ? 0o666 : shared ? 0o660 : 0o600
        directoryMode = gated ? 0o777 : shared ? 0o2770 : 0o700
        sharedGroup = shared ? dir?.group : nil
        durable = Durable(io: io, fileMode: fileMode)
        if let warning = SystemInfo.networkFileSystemWarning(Store.absolute(self.path)) { warnings.append(warning) }
        try checkFolder()
        door = gated ? nil : try DoorFolder.read(folder: self.path, durable)
        access = readAccess()
        // Behind the gate, an account the access file does not name reads nothing either.
        if gated, access.reason == .notListed || access.reason == .noFile {
            throw .notListed(user: self.identity.name, folder: self.path)
        }

        // `check` (trackOrigins) changes nothing: it reads a format-1 folder as it is.
        let versionOne = try openGeneration(create: create, convert: !trackOrigins)
        if create { cleanStaleFiles() }
        if let lookup, !versionOne && !trackOrigins && loadDeferred(lookup) { return }
        try load(versionOne: versionOne)
    }

    var lock: FileLock {
        get throws(StoreError) {
            if let lockStorage { return lockStorage }
            let made = try FileLock(path: file(Self.lockName), mode: fileMode, io: io)
            lockStorage = made
            return made
        }
    }

    func withLock<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        if let readOnlyReason { throw .readOnly(reason: readOnlyReason) }
        let lock = try lock
        guard lock.writable else { throw .io(op: "open", path: lock.path, errno: EACCES) }
        return try lock.withLock { () throws(StoreError) -> T in
            // A change is planned against every record: read the artisans opened for a lookup.
            if deferred != nil { try load(locked: true) }
            return try body()
        }
    }

    /// Runs `body` while no writer is half-way through a save (readers never see a line that
    /// is still being written, or that a failed save takes back). Someone who cannot open
    /// the lock file at all reads without it.
    /// `body` learns whether it runs under the lock.
    func withReadLock<T>(_ body: (Bool) throws(StoreError) -> T) throws(StoreError) -> T {
        guard let lock = try? lock else { return try body(false) }
        return try lock.withSharedLock { () throws(StoreError) -> T in try body(true) }
    }

    /// Records a warning and passes it on.
    func warn(_ warning: StoreWarning) {
        warnings.append(warning)
        onWarning?(warning)
    }

    // MARK: - Saving

    /// Under the lock: appends `change` as one journal line (fsynced; taken back if that
    /// fails) carrying its own audit line, then reads it back like anyone else's so memory
    /// follows the file; committing the change as well is a no-op then (same revisions).
    /// Returns the audit line, for `afterSave` to append to `audit.jsonl`.
    func journal(_ change: Change, at stamp: String, user: String) throws(StoreError) -> [UInt8] {
        try upgradeFormat(for: change)
        // Its number in this generation: the lines so far, the header included, read under the lock.
        let seq: Int? = journalLines >= 1 ? lastJournalSeq + 1 : nil
        let position = seq.flatMap { seq in journalID.map { JournalPosition(journal: $0, seq: seq) } }
        let audit = AuditFormat.object(change, at: stamp, user: user, role: access.role, journal: position)
        do {
            try durable.append(JournalFormat.entry(change, at: stamp, user: user, seq: seq, audit: audit), to: journalPath)
        } catch {
            if case .readOnly(let reason) = error {
                readOnlyReason = reason
                noteFailedSave(length: journalOffset, seq: seq, change: change, at: stamp, user: user)
            }
            throw error
        }
        _ = try? catchUp(locked: true)
        data.commit(change)
        return AuditFormat.sealed(audit)
    }

    /// Before a change goes in: the council's records in a format-2 folder make it format 3
    /// first, so that an older Kriya refuses it instead of dropping them; an id naming an
    /// office, format 4.
    func upgradeFormat(for change: Change) throws(StoreError) {
        if formatOnDisk < 3, !(change.terms.isEmpty && change.members.isEmpty && change.partners.isEmpty) {
            try commitNextGeneration()
        }
        if formatOnDisk < 4, change.targets.contains(where: { $0.office != 0 }) {
            try commitNextGeneration(version: 4)
        }
    }

    /// Under the lock, once a change is durable (acknowledged from here on, whatever else
    /// fails): its audit line, then a compaction when the journal has grown past the limit.
    /// Trouble with either is a warning, never a failed save; a change whose line did not
    /// reach `audit.jsonl` gets it from the journal at the next save (`catchUpAudit`).
    /// `position`: the change's place in the journal, which the line names.
    func afterSave(audit line: [UInt8], at position: JournalPosition? = nil) {
        do {
            try durable.append(line, to: file(Self.auditName))
            if let position { auditedThrough = position }
        } catch { warn(.auditNotWritten("\(error)")) }
        if journalOffset > compactThreshold {
            do { try commitNextGeneration() }
            catch { warn(.compactionFailed("\(error)")) }
        }
    }

    /// The same for what is not a journal change (roles set, a repair): its line only.
    func afterSave(_ change: Change, at stamp: String, user: String) {
        afterSave(audit: AuditFormat.entry(change, at: stamp, user: user, role: access.role))
    }

    /// Reads what other processes saved since the last look. True when anything changed.
    @discardableResult
    public func refresh() throws(StoreError) -> Bool {
        try withReadLock { (held: Bool) throws(StoreError) -> Bool in try catchUp(locked: held) }
    }

    // MARK: - Paths

    /// Makes `path` and the folders above it that are missing, each with `mode` whatever the
    /// umask, and in `group` (a shared folder's, so the whole staff group can use them).
    static func makeDirectories(_ path: String, mode: mode_t, group: gid_t?, io: FileIO) throws(StoreError) {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            if io.stat(current) == nil {
                try io.mkdir(current, mode)
                if let group { _ = chown(current, uid_t.max, group) }
                // Whatever the umask; through the descriptor (behind the gate there is no path).
                if let fd = try? io.open(current, O_RDONLY | O_DIRECTORY, 0) {
                    io.fchmod(fd, mode)
                    io.close(fd)
                }
            }
        }
    }

    /// The data folder itself, where a symlink to it leads; behind the installed gate, the
    /// folder opened at start (no path is looked up again).
    var folderInfo: FileInfo? { io.stat(gated ? path : Store.absolute(path)) }

    static func absolute(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

extension Store {
    /// The name (inside the data folder) of the file that holds `kind` now.
    public func currentFile(_ kind: DataFile) -> String? {
        generation > 0 ? kind.name(generation) : nil
    }
}

/// The files of one generation of the data: three snapshots and the journal over them.
public enum DataFile: CaseIterable, Sendable {
    case artisans, sessions, exhibitions, terms, members, partners, journal

    /// The snapshots of every generation, in the order they are written.
    static let snapshots: [DataFile] = [.artisans, .sessions, .exhibitions, .terms, .members, .partners]
    /// Snapshots that format 3 added (the council's records): a format-2 folder has none.
    var addedInVersion3: Bool { self == .terms || self == .members || self == .partners }
}
