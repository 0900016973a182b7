#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few file operations the store needs, behind a protocol so tests can make the Nth
/// write, fsync or rename fail, or cut a write short (DESIGN.md §5).
public protocol FileIO: Sendable {
    func open(_ path: String, _ flags: Int32, _ mode: mode_t) throws(StoreError) -> Int32
    /// Writes some of `bytes`; returns how many (may be fewer than asked).
    func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(StoreError) -> Int
    func fsync(_ fd: Int32, path: String) throws(StoreError)
    /// Cuts the file back to `length` bytes (taking back a failed append).
    func truncate(_ fd: Int32, to length: Int, path: String) throws(StoreError)
    func close(_ fd: Int32)
    func rename(_ from: String, _ to: String) throws(StoreError)
    func unlink(_ path: String)
    /// Reads `count` bytes at `offset`, or fewer at the end of the file.
    func pread(_ fd: Int32, _ count: Int, at offset: Int, path: String) throws(StoreError) -> [UInt8]
    func stat(_ path: String) -> FileInfo?
    func fstat(_ fd: Int32) -> FileInfo?
    func fchmod(_ fd: Int32, _ mode: mode_t)
    func mkdir(_ path: String, _ mode: mode_t) throws(StoreError)
    func listDirectory(_ path: String) -> [String]
}

public struct FileInfo: Equatable, Sendable {
    public var size: Int
    public var inode: UInt64
    public var mode: mode_t
    public var isDirectory: Bool
    public var isSymlink = false
    public var isRegular = true
    public var owner: uid_t = 0
    public var group: gid_t = 0
    /// Last modification, in nanoseconds since 1970 (0 when unknown).
    public var modified: Int64 = 0
}

public enum StoreError: Error, Equatable, CustomStringConvertible {
    /// A system call failed: which, on which file, and errno.
    case io(op: String, path: String, errno: Int32)
    case shortWrite(path: String)
    case newerFormat(path: String, found: Int, supported: Int)
    case badManifest(path: String, reason: String)
    case notADirectory(String)
    /// The folder does not exist or holds no Kriya data (no `kriya.json`, no data files).
    case noData(path: String)
    case command(CommandErrorBox)
    /// A file the data needs is missing or is not what the store wrote: what, and what to do.
    case damaged(path: String, reason: String)
    /// The folder or one of its files could be changed or read by people who should not:
    /// a symlink, a stranger's file, a folder anyone may write. Names the file and the fix.
    case unsafe(path: String, reason: String)
    /// An earlier write failed and could not be taken back: nothing more is written
    /// until the data is checked (`kriya check`) by someone.
    case readOnly(reason: String)
    /// This user's role here is below what the action needs (issue 17).
    case forbidden(action: String, needed: StaffRole, role: StaffRole, user: String)
    /// The same on PostgreSQL, where roles are the database's (granted to a login).
    case forbiddenByDatabase(action: String, needed: StaffRole, role: StaffRole, login: String)
    /// The database's own rules (`kriya_save`) refused a change Kriya was about to save: the
    /// login and the database's reason. Reached when a role changed in between, or a rule the
    /// database holds more strictly than the desk (its date).
    case refusedByDatabase(login: String, reason: String)
    /// An admin who does not own a folder shared the older way may not set roles there: its
    /// access file is trusted only as its owner's (`owner`) or root's.
    case rolesByOwnerOnly(user: String, owner: String)
    /// The database (PostgreSQL) refused or could not be reached: its address and what it said.
    case database(address: String, reason: String)
    /// The database has not had `kriya migrate` yet (`found` 0) or has Kriya's tables of an
    /// older version than `needed`.
    case notSetUp(address: String, found: Int, needed: Int)
    /// A copy goes only into a store with no record and no audit line yet.
    case notEmpty(location: String)
    /// The installed folder (`InstalledFolder`) lets in only those its access file names.
    case notListed(user: String, folder: String)
    /// A door folder (issue 33) does the door's work only.
    case notAtTheDoor(action: String, door: String)

    public var description: String {
        switch self {
        case .io(let op, let path, let code):
            return "\(op) failed on \(path): \(String(cString: strerror(code)))"
        case .shortWrite(let path): return "could not write all of \(path) (disk full?)"
        case .newerFormat(let path, let found, let supported):
            return "\(path) is format version \(found); this Kriya reads up to version \(supported)"
        case .badManifest(let path, let reason): return "\(path): \(reason)"
        case .notADirectory(let path): return "\(path) is not a directory"
        case .noData(let path): return "\(path) holds no Kriya data"
        case .command(let box): return "\(box.error)"
        case .damaged(let path, let reason): return "\(path): \(reason)"
        case .unsafe(let path, let reason): return "\(path): \(reason)"
        case .readOnly(let reason): return "nothing more is saved until the data is checked: \(reason)"
        case .forbidden(let action, let needed, let role, let user):
            return "\(user) is \(role.rawValue) here; \(action) needs \(needed.rawValue) (ask an admin: kriya access)"
        case .database(let address, let reason): return "\(address): \(reason)"
        case .forbiddenByDatabase(let action, let needed, let role, let login):
            return "\(login) is \(role.rawValue) in this database; \(action) needs \(needed.rawValue) (GRANT kriya_\(needed.rawValue) TO \(login))"
        case .refusedByDatabase(let login, let reason): return "the database refused this for \(login): \(reason)"
        case .rolesByOwnerOnly(let user, let owner):
            return "\(user) is admin here, but in a folder shared this way only its owner (\(owner)) or root may change the roles; ask \(owner), or run it with sudo"
        case .notListed(let user, let folder):
            return "\(user) is not named in the access file of \(folder), so may not open it (ask an admin: kriya access set \(user) viewer)"
        case .notEmpty(let location): return "\(location) already holds records or an audit trail; copy into a new folder or database"
        case .notAtTheDoor(let action, let door): return "this is door \(door), packed for work away from the office: \(action) is done at the office"
        case .notSetUp(let address, let found, let needed):
            return found == 0 ? "\(address): Kriya is not set up in this database yet; run `kriya migrate --data \(address)`"
                : "\(address): Kriya's tables are version \(found), this program needs \(needed); run `kriya migrate --data \(address)`"
        }
    }
}

/// Wraps a core `CommandError` so that store calls have one typed error.
public struct CommandErrorBox: Equatable, Sendable {
    public let error: KriyaCore.CommandError
    package init(error: KriyaCore.CommandError) { self.error = error }
}

import KriyaCore
