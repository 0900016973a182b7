#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real thing: POSIX calls, retrying on EINTR. Files are opened without following a
/// symlink in their last component: anyone who can write a shared data folder could plant
/// `audit.jsonl -> ~victim/.bashrc` (the folder itself may be reached through a symlink).
public struct PosixFileIO: FileIO {
    public init() {}

    public func open(_ path: String, _ flags: Int32, _ mode: mode_t) throws(StoreError) -> Int32 {
        let nofollow = flags & O_DIRECTORY == 0 ? O_NOFOLLOW : 0
        while true {
            let fd = Glibc.open(path, flags | O_CLOEXEC | nofollow, mode)
            if fd >= 0 { return fd }
            if errno != EINTR { throw .io(op: "open", path: path, errno: errno) }
        }
    }

    public func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(StoreError) -> Int {
        while true {
            let n = Glibc.write(fd, bytes.baseAddress, bytes.count)
            if n >= 0 { return n }
            if errno != EINTR { throw .io(op: "write", path: "fd \(fd)", errno: errno) }
        }
    }

    public func fsync(_ fd: Int32, path: String) throws(StoreError) {
        if Glibc.fsync(fd) != 0 { throw .io(op: "fsync", path: path, errno: errno) }
    }

    public func truncate(_ fd: Int32, to length: Int, path: String) throws(StoreError) {
        while Glibc.ftruncate(fd, off_t(length)) != 0 {
            if errno != EINTR { throw .io(op: "truncate", path: path, errno: errno) }
        }
    }

    public func close(_ fd: Int32) { _ = Glibc.close(fd) }

    public func rename(_ from: String, _ to: String) throws(StoreError) {
        if Glibc.rename(from, to) != 0 { throw .io(op: "rename", path: to, errno: errno) }
    }

    public func unlink(_ path: String) { _ = Glibc.unlink(path) }

    public func pread(_ fd: Int32, _ count: Int, at offset: Int, path: String) throws(StoreError) -> [UInt8] {
        guard count > 0 else { return [] }
        var buffer = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let n = buffer.withUnsafeMutableBytes { raw in
                Glibc.pread(fd, raw.baseAddress! + filled, count - filled, off_t(offset + filled))
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw .io(op: "read", path: path, errno: errno)
            }
            if n == 0 { break }
            filled += n
        }
        if filled < count { buffer.removeLast(count - filled) }
        return buffer
    }

    /// The file itself, not what a symlink points at (`lstat`).
    public func stat(_ path: String) -> FileInfo? {
        var st = Glibc.stat()
        guard posixLstat(path, &st) == 0 else { return nil }
        return FileInfo(st)
    }

    public func fstat(_ fd: Int32) -> FileInfo? {
        var st = Glibc.stat()
        guard posixFstat(fd, &st) == 0 else { return nil }
        return FileInfo(st)
    }

    public func fchmod(_ fd: Int32, _ mode: mode_t) { _ = Glibc.fchmod(fd, mode) }

    public func mkdir(_ path: String, _ mode: mode_t) throws(StoreError) {
        if Glibc.mkdir(path, mode) != 0 && errno != EEXIST { throw .io(op: "mkdir", path: path, errno: errno) }
    }

    public func listDirectory(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        return Self.names(in: dir)
    }

    /// The names in an open directory stream (closed here), sorted, without `.` and `..`.
    static func names(in dir: OpaquePointer) -> [String] {
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}

extension FileInfo {
    init(_ st: stat) {
        size = Int(st.st_size)
        inode = UInt64(st.st_ino)
        mode = st.st_mode
        isDirectory = (st.st_mode & S_IFMT) == S_IFDIR
        isSymlink = (st.st_mode & S_IFMT) == S_IFLNK
        isRegular = (st.st_mode & S_IFMT) == S_IFREG
        owner = st.st_uid
        group = st.st_gid
        modified = Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec)
    }
}

// At file scope the names mean the C functions, not the methods above.
private func posixLstat(_ path: String, _ st: inout stat) -> Int32 { lstat(path, &st) }
private func posixFstat(_ fd: Int32, _ st: inout stat) -> Int32 { fstat(fd, &st) }
