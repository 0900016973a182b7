#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The store's file operations on the installed folder (`InstalledFolder`): every path inside
/// it is reached relative to the folder opened at start (`openat`, never a second lookup
/// through the path, never through a symlink), so no link, rename or swapped `--data` can
/// send a write elsewhere. Paths outside it (a `backup --to` of the user's) are opened as any
/// program would, with the user's own rights, and made private to the user.
public struct GatedFileIO: FileIO {
    let folder: InstalledFolder
    let plain = PosixFileIO()

    init(_ folder: InstalledFolder) { self.folder = folder }

    /// Where `path` lies.
    enum Place: Equatable {
        /// Inside an opened folder: its descriptor and the name relative to it ("." for itself).
        case inside(Int32, String)
        case outside
        /// Inside, but naming a parent (`..`): refused.
        case escaping
    }

    func place(_ path: String) -> Place {
        let roots: [(String, Int32?)] = [(folder.path, folder.data), (folder.path + "-backups", folder.backups)]
        for (root, fd) in roots {
            guard let fd else { continue }
            if path == root { return .inside(fd, ".") }
            guard path.hasPrefix(root + "/") else { continue }
            let rest = String(path.dropFirst(root.count + 1))
            let parts = rest.split(separator: "/")
            if parts.isEmpty { return .inside(fd, ".") }
            if parts.contains("..") { return .escaping }
            return .inside(fd, parts.joined(separator: "/"))
        }
        return .outside
    }

    /// Whether `path` is in the installed folder (its files are then the whole staff's).
    public func holds(_ path: String) -> Bool {
        if case .inside = place(path) { return true }
        return false
    }

    public func open(_ path: String, _ flags: Int32, _ mode: mode_t) throws(StoreError) -> Int32 {
        switch place(path) {
        case .outside: return try plain.open(path, flags, mode & 0o700)
        case .escaping: throw .io(op: "open", path: path, errno: EACCES)
        case .inside(let dir, let name):
            let nofollow = flags & O_DIRECTORY == 0 ? O_NOFOLLOW : 0
            while true {
                let fd = openat(dir, name, flags | O_CLOEXEC | nofollow, mode)
                if fd >= 0 { return fd }
                if errno != EINTR { throw .io(op: "open", path: path, errno: errno) }
            }
        }
    }

    public func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(StoreError) -> Int { try plain.write(fd, bytes) }
    public func fsync(_ fd: Int32, path: String) throws(StoreError) { try plain.fsync(fd, path: path) }
    public func truncate(_ fd: Int32, to length: Int, path: String) throws(StoreError) { try plain.truncate(fd, to: length, path: path) }
    public func close(_ fd: Int32) { plain.close(fd) }
    public func pread(_ fd: Int32, _ count: Int, at offset: Int, path: String) throws(StoreError) -> [UInt8] {
        try plain.pread(fd, count, at: offset, path: path)
    }
    public func fstat(_ fd: Int32) -> FileInfo? { plain.fstat(fd) }
    public func fchmod(_ fd: Int32, _ mode: mode_t) { plain.fchmod(fd, mode) }

    public func rename(_ from: String, _ to: String) throws(StoreError) {
        switch (place(from), place(to)) {
        case (.outside, .outside): try plain.rename(from, to)
        case (.inside(let d1, let n1), .inside(let d2, let n2)):
            if renameat(d1, n1, d2, n2) != 0 { throw .io(op: "rename", path: to, errno: errno) }
        default: throw .io(op: "rename", path: to, errno: EXDEV)
        }
    }

    public func unlink(_ path: String) {
        switch place(path) {
        case .outside: plain.unlink(path)
        case .escaping: return
        case .inside(let dir, let name): _ = unlinkat(dir, name, 0)
        }
    }

    public func stat(_ path: String) -> FileInfo? {
        switch place(path) {
        case .outside: return plain.stat(path)
        case .escaping: return nil
        case .inside(let dir, let name):
            var st = Glibc.stat()
            guard fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { return nil }
            return FileInfo(st)
        }
    }

    public func mkdir(_ path: String, _ mode: mode_t) throws(StoreError) {
        switch place(path) {
        case .outside: try plain.mkdir(path, mode & 0o700)
        case .escaping: throw .io(op: "mkdir", path: path, errno: EACCES)
        case .inside(let dir, let name):
            if mkdirat(dir, name, mode) != 0 && errno != EEXIST { throw .io(op: "mkdir", path: path, errno: errno) }
        }
    }

    public func listDirectory(_ path: String) -> [String] {
        guard case .inside(let dir, let name) = place(path) else { return plain.listDirectory(path) }
        let fd = openat(dir, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return [] }
        guard let stream = fdopendir(fd) else { Glibc.close(fd); return [] }
        return PosixFileIO.names(in: stream)
    }
}
