#if canImport(Glibc)
import Glibc
#endif
import KriyaCore

extension Store {
    /// Every audit line about `id`, newest first: its own changes and the ones that named it
    /// (an enrolment names the artisan and the session). Lines are matched on the id's text
    /// before they are parsed, so a long trail is read quickly; damaged lines are skipped
    /// (`kriya check` reports them).
    public func history(of id: EntityID) -> [AuditEntry] {
        guard let fd = try? io.open(file(Self.auditName), O_RDONLY, 0) else { return [] }
        defer { io.close(fd) }
        guard let size = io.fstat(fd)?.size, let bytes = try? io.pread(fd, size, at: 0, path: file(Self.auditName)) else { return [] }
        // The number with its closing quote (`-000123"`): found whether the line names the
        // record with its office (`A-3573-000123`) or without; the entry's targets then decide.
        let needle = Array((id.key.dropFirst() + "\"").utf8)
        func names(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let base = line.baseAddress else { return false }
            return needle.withUnsafeBufferPointer { ByteSearch.find(base, line.count, $0) != nil }
        }
        var out: [AuditEntry] = []
        bytes.withUnsafeBufferPointer { buf in
            Lines.each(buf) { _, line, _, complete in
                guard complete, names(line), SealedLine.verify(line) == nil,
                      let entry = try? AuditFormat.read(line), entry.targets.contains(id) else { return }
                out.append(entry)
            }
        }
        return out.reversed()
    }
}

