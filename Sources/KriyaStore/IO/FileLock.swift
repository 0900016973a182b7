import KriyaCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `flock` on the data folder's lock file. Writers hold it exclusively while they read the
/// latest changes and write (never while a person is typing); readers hold it shared while
/// they read the manifest and the journal, so they never see a save that is still being
/// written or that is taken back. Each instance opens its own descriptor, so two stores in
/// one process exclude each other as two processes do.
final class FileLock {
    private let fd: Int32
    let path: String
    /// False when the file could only be opened for reading (someone who may only read the
    /// data): shared locks still work, exclusive ones are not needed.
    let writable: Bool

    /// Creates the file with `mode` whatever the umask (in a shared folder every staff
    /// member must be able to open it), never through a symlink.
    /// Opened through `io` (never following a symlink): behind the installed gate there is no path.
    init(path: String, mode: mode_t, io: FileIO) throws(StoreError) {
        self.path = path
        func attempt(_ flags: Int32, _ mode: mode_t = 0) -> (fd: Int32, errno: Int32) {
            do throws(StoreError) { return (try io.open(path, flags, mode), 0) } catch {
                if case .io(_, _, let code) = error { return (-1, code) }
                return (-1, EIO)
            }
        }
        var (fd, code) = attempt(O_RDWR | O_CREAT | O_EXCL, mode)
        if fd >= 0 {
            io.fchmod(fd, mode)
            writable = true
        } else {
            (fd, code) = attempt(O_RDWR)
            if fd < 0 && (code == EACCES || code == EROFS) { (fd, code) = attempt(O_RDONLY); writable = false }
            else { writable = true }
        }
        guard fd >= 0 else {
            if code == ELOOP { throw .unsafe(path: path, reason: "is a symlink; remove it (Kriya makes a new lock file)") }
            throw .io(op: "open", path: path, errno: code)
        }
        self.fd = fd
    }

    deinit { Glibc.close(fd) }

    private func take(_ operation: Int32) throws(StoreError) {
        while flock(fd, operation) != 0 {
            if errno != EINTR { throw .io(op: "flock", path: path, errno: errno) }
        }
    }

    /// Runs `body` holding the lock alone.
    func withLock<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        try take(LOCK_EX)
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// Runs `body` while no writer holds the lock (other readers may).
    func withSharedLock<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        try take(LOCK_SH)
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    /// Runs `body` only if the lock is free right now; false when someone holds it.
    func tryLock(_ body: () throws(StoreError) -> Void) throws(StoreError) -> Bool {
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else { return false }
        defer { flock(fd, LOCK_UN) }
        try body()
        return true
    }
}
