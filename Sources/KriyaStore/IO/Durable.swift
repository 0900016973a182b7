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
    /// Returns the number of bytes added.
    @discardableResult
    func append(_ bytes: [UInt8], to path: String) throws(StoreError) -> Int {
        let fd = try io.open(path, O_WRONLY | O_APPEND | O_CREAT, fileMode)
        defer { io.close(fd) }
        var payload = bytes
        if let info = io.fstat(fd) {
            if info.size == 0 { io.fchmod(fd, fileMode) }
            if info.size > 0 {
                let readFD = try io.open(path, O_RDONLY, 0)
                let last = try io.pread(readFD, 1, at: info.size - 1, path: path)
                io.close(readFD)
                if last != [0x0A] { payload.insert(0x0A, at: 0) }
            }
        }
        try writeAll(fd, payload, path: path)
        try io.fsync(fd, path: path)
        return payload.count
    }

    /// Replaces `path` atomically: temp file, fsync, rename (the caller fsyncs the directory).
    func replace(_ path: String, with bytes: [UInt8]) throws(StoreError) {
        try replace(path) { (sink: inout ChunkedWriter) throws(StoreError) in try sink.write(bytes) }
    }

    /// Replaces `path` atomically with what `produce` writes, in chunks, so that rewriting a
    /// large snapshot never holds the whole file in memory.
    func replace(_ path: String, _ produce: (inout ChunkedWriter) throws(StoreError) -> Void) throws(StoreError) {
        // Named per process, so two processes never write one temp file.
        let temp = path + ".\(getpid()).tmp"
        let fd = try io.open(temp, O_WRONLY | O_CREAT | O_TRUNC, fileMode)
        do {
            io.fchmod(fd, fileMode)
            var sink = ChunkedWriter(durable: self, fd: fd, path: temp)
            try produce(&sink)
            try sink.flush()
            try io.fsync(fd, path: temp)
        } catch {
            io.close(fd)
            io.unlink(temp)
            throw error
        }
        io.close(fd)
        do {
            try io.rename(temp, path)
        } catch {
            io.unlink(temp)
            throw error
        }
    }

    /// Makes renames in `directory` durable.
    func syncDirectory(_ directory: String) throws(StoreError) {
        let fd = try io.open(directory, O_RDONLY | O_DIRECTORY, 0)
        defer { io.close(fd) }
        try io.fsync(fd, path: directory)
    }

    /// A descriptor to read `path`, or nil when it does not exist.
    private func openForReading(_ path: String) throws(StoreError) -> Int32? {
        do { return try io.open(path, O_RDONLY, 0) } catch {
            if case .io(_, _, let code) = error, code == ENOENT { return nil }
            throw error
        }
    }

    /// The whole content of `path`, or nil when it does not exist.
    func read(_ path: String) throws(StoreError) -> [UInt8]? {
        guard let fd = try openForReading(path) else { return nil }
        defer { io.close(fd) }
        let size = io.fstat(fd)?.size ?? 0
        return try io.pread(fd, size, at: 0, path: path)
    }

    /// Runs `body` over the content of `path` mapped into memory (no copy, no zeroing);
    /// nil when the file does not exist. Safe because the store never changes a snapshot in
    /// place: a new one is renamed over it, and the mapping keeps the old file.
    func withContents<T>(of path: String, _ body: (UnsafeBufferPointer<UInt8>) -> T) throws(StoreError) -> T? {
        guard let fd = try openForReading(path) else { return nil }
        defer { io.close(fd) }
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
