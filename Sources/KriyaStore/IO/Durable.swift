#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Durable writes built on `FileIO`: nothing is reported written until it is on disk.
struct Durable {
    let io: FileIO
    /// Mode for new files: 0600, or 0660 in a setgid (shared staff group) directory.
    let fileMode: mode_t

    /// Writes all of `bytes`, looping over short writes; a write that makes no progress fails.
    func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(StoreError) {
        var done = 0
        while done < bytes.count {
            var result: Result<Int, StoreError> = .success(0)
            bytes.withUnsafeBytes { raw in
                do throws(StoreError) {
                    result = .success(try io.write(fd, UnsafeRawBufferPointer(rebasing: raw[done...])))
                } catch {
                    result = .failure(error)
                }
            }
            let n = try result.get()
            if n <= 0 { throw .shortWrite(path: path) }
            done += n
        }
    }

    /// Appends `bytes` to `path` and fsyncs. If the file does not end in a newline (a torn
    /// line left by a crash), a newline goes first so the new line stands on its own.
    /// A failed write or fsync is taken back (the file cut to its old length and synced), so
    /// that nobody reads a line whose save was reported failed; when even that fails,
    /// `.readOnly` says so. The caller holds the lock. Returns the number of bytes added.
    @discardableResult
    func append(_ bytes: [UInt8], to path: String) throws(StoreError) -> Int {
        let fd = try io.open(path, O_WRONLY | O_APPEND | O_CREAT, fileMode)
        defer { io.close(fd) }
        guard let info = io.fstat(fd) else { throw .io(op: "fstat", path: path, errno: EIO) }
        guard info.isRegular else { throw .unsafe(path: path, reason: "is not a regular file") }
        var payload = bytes
        if info.size == 0 { io.fchmod(fd, fileMode) }
        if info.size > 0 {
            let readFD = try io.open(path, O_RDONLY, 0)
            let last = try io.pread(readFD, 1, at: info.size - 1, path: path)
            io.close(readFD)
            if last != [0x0A] { payload.insert(0x0A, at: 0) }
        }
        do {
            try writeAll(fd, payload, path: path)
            try io.fsync(fd, path: path)
        } catch {
            try takeBack(fd, to: info.size, path: path, after: error)
            throw error
        }
        return payload.count
    }

    /// Cuts `path` back to `length` after a failed append, and removes a file the append
    /// created (no empty `.rejected` left behind).
    private func takeBack(_ fd: Int32, to length: Int, path: String, after failure: StoreError) throws(StoreError) {
        do {
            try io.truncate(fd, to: length, path: path)
            try io.fsync(fd, path: path)
        } catch {
            throw .readOnly(reason: "\(failure); taking the partial line back out of \(path) failed too (\(error))")
        }
        if length == 0 { io.unlink(path) }
    }

    /// Replaces `path` atomically: temp file, fsync, rename (the caller fsyncs the directory).
    func replace(_ path: String, with bytes: [UInt8]) throws(StoreError) {
        try replace(path) { (sink: inout ChunkedWriter) throws(StoreError) in try sink.write(bytes) }
    }

    /// Replaces `path` atomically with what `produce` writes, in chunks, so that rewriting a
    /// large snapshot never holds the whole file in memory.
    func replace(_ path: String, _ produce: (inout ChunkedWriter) throws(StoreError) -> Void) throws(StoreError) {
        let temp = path + "." + Durable.randomSuffix() + ".tmp"
        try create(temp, produce)
        do {
            try io.rename(temp, path)
        } catch {
            io.unlink(temp)
            throw error
        }
    }

    /// Writes a new file at `path` (refused if anything, a symlink included, is there already:
    /// `O_EXCL`), with what `produce` writes, and fsyncs it. On failure the file is removed.
    func create(_ path: String, _ produce: (inout ChunkedWriter) throws(StoreError) -> Void) throws(StoreError) {
        let fd = try io.open(path, O_WRONLY | O_CREAT | O_EXCL, fileMode)
        do {
            io.fchmod(fd, fileMode)
            var sink = ChunkedWriter(durable: self, fd: fd, path: path)
            try produce(&sink)
            try sink.flush()
            try io.fsync(fd, path: path)
        } catch {
            io.close(fd)
            io.unlink(path)
            throw error
        }
        io.close(fd)
    }

    /// Sixteen random hex digits: temp names nobody can guess and plant in advance.
    static func randomSuffix() -> String {
        var g = SystemRandomNumberGenerator()
        let n = g.next() as UInt64
        let hex = String(n, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Makes renames in `directory` durable.
    func syncDirectory(_ directory: String) throws(StoreError) {
        let fd = try io.open(directory, O_RDONLY | O_DIRECTORY, 0)
        defer { io.close(fd) }
        try io.fsync(fd, path: directory)
    }

    /// A descriptor to read `path`, or nil when it does not exist. A symlink is refused.
    func openIfExists(_ path: String) throws(StoreError) -> Int32? {
        do { return try io.open(path, O_RDONLY, 0) } catch {
            if case .io(_, _, let code) = error, code == ENOENT { return nil }
            if case .io(_, _, let code) = error, code == ELOOP {
                throw .unsafe(path: path, reason: "is a symlink; Kriya only reads files it wrote itself. Remove the link and restore the file from a backup")
            }
            throw error
        }
    }

    /// The whole content of `path`, or nil when it does not exist.
    func read(_ path: String) throws(StoreError) -> [UInt8]? {
        guard let fd = try openIfExists(path) else { return nil }
        defer { io.close(fd) }
        let size = io.fstat(fd)?.size ?? 0
        return try io.pread(fd, size, at: 0, path: path)
    }

    /// Runs `body` over the content of the open file `fd` mapped into memory (no copy, no
    /// zeroing). Safe because the store never changes a snapshot in place: a new generation
    /// is written beside it, and the mapping keeps the old file even once it is removed.
    func withContents<T>(of fd: Int32, path: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) throws(StoreError) -> T {
        let size = io.fstat(fd)?.size ?? 0
        guard size > 0 else { return body(UnsafeBufferPointer(start: nil, count: 0)) }
        guard let map = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), map != MAP_FAILED else {
            // No mapping (an unusual file system): read it instead.
            let bytes = try io.pread(fd, size, at: 0, path: path)
            return bytes.withUnsafeBufferPointer(body)
        }
        defer { munmap(map, size) }
        return body(UnsafeBufferPointer(start: map.assumingMemoryBound(to: UInt8.self), count: size))
    }
}

/// Collects bytes and writes them out a megabyte at a time.
struct ChunkedWriter {
    let durable: Durable
    let fd: Int32
    let path: String
    private(set) var buffer: [UInt8] = []
    static let chunk = 1 << 20

    init(durable: Durable, fd: Int32, path: String) {
        self.durable = durable
        self.fd = fd
        self.path = path
        buffer.reserveCapacity(ChunkedWriter.chunk + 4096)
    }

    mutating func write(_ bytes: [UInt8]) throws(StoreError) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= ChunkedWriter.chunk { try flush() }
    }

    mutating func flush() throws(StoreError) {
        guard !buffer.isEmpty else { return }
        try durable.writeAll(fd, buffer, path: path)
        buffer.removeAll(keepingCapacity: true)
    }
}
