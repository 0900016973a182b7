#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KriyaCore

extension Store {
    /// Copies every data file into a new timestamped folder under `directory`, under the lock
    /// so the copy is consistent, each file fsynced. `kriya --data COPY check` accepts it.
    /// Returns the folder's path.
    public func backup(to directory: String? = nil) throws(StoreError) -> String {
        let parent = directory ?? (path + "-backups")
        try Store.makeDirectories(parent, io: io)
        var target = parent + "/kriya-" + SystemInfo.fileStamp()
        var n = 1
        while io.stat(target) != nil { n += 1; target = parent + "/kriya-" + SystemInfo.fileStamp() + "-\(n)" }
        try io.mkdir(target, 0o700)
        let copier = Durable(io: io, fileMode: fileMode)
        try withLock { () throws(StoreError) in
            for name in io.listDirectory(path) where Store.isDataFile(name) {
                guard let bytes = try durable.read(file(name)) else { continue }
                try copier.replace(target + "/" + name, with: bytes)
            }
            try copier.syncDirectory(target)
        }
        return target
    }

    static func isDataFile(_ name: String) -> Bool {
        name == manifestName || snapshotNames.contains(name) || name == journalName || name == auditName
            || name.hasSuffix(".rejected")
    }
}
