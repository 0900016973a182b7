#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock` on the data directory's lock file, held only while writing
/// (never while a person is typing). Each instance opens its own descriptor, so two stores
/// in one process exclude each other as two processes do.
final class FileLock {
    private let fd: Int32
    let path: String

    init(path: String, mode: mode_t) throws(StoreError) {
        self.path = path
        let fd = Glibc.open(path, O_RDWR | O_CREAT | O_CLOEXEC, mode)
        guard fd >= 0 else { throw .io(op: "open", path: path, errno: errno) }
        self.fd = fd
    }

    deinit { Glibc.close(fd) }

    /// Runs `body` holding the lock.
    func withLock<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { throw .io(op: "flock", path: path, errno: errno) }
        }
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
