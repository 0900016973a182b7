#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KriyaCore

extension Store {
    /// Copies the data in force (manifest, the generation's files, audit trail, the last
    /// import's undo, set-aside lines) into a new timestamped folder under `directory`, under
    /// the lock so the copy is consistent, each file fsynced. `kriya --data COPY check`
    /// accepts it. In a shared folder the copy is the staff group's too. Returns its path.
    public func backup(to directory: String? = nil) throws(StoreError) -> String {
        try withLock { () throws(StoreError) -> String in
            try catchUp(locked: true)
            try finishCutOffSave()
            let names = io.listDirectory(path).filter { isCurrentDataFile($0) }
            return try copyFiles(names, into: directory)
        }
    }

    /// Under the lock: copies `names` into a new folder `kriya-<stamp>[-label]` under
    /// `directory` (default `<data>-backups`). Returns its path.
    func copyFiles(_ names: [String], label: String? = nil, into directory: String? = nil) throws(StoreError) -> String {
        let parent = directory ?? (path + "-backups")
        // The folder beside the data may be a link to a backup disk, put there by root or the
        // data's owner; a link anyone else made would send a full copy of the data, NIKs
        // included, wherever they chose.
        if directory == nil, let link = io.stat(parent), link.isSymlink {
            let owner = folderInfo?.owner ?? 0
            guard link.owner == 0 || link.owner == owner else {
                throw .unsafe(path: parent, reason: "is a symbolic link made by user \(link.owner), not by root or the data's owner. Fix: remove it (rm \(parent)); Kriya makes the folder itself")
            }
        }
        // Out of the installed folder (`backup --to` a folder of the user's) the copy is the user's alone.
        let outside = gated && !((io as? GatedFileIO)?.holds(parent) ?? false)
        let (folderMode, copyMode) = outside ? (mode_t(0o700), mode_t(0o600)) : (directoryMode, fileMode)
        try Store.makeDirectories(parent, mode: folderMode, group: sharedGroup, io: io)
        let stem = parent + "/kriya-" + SystemInfo.fileStamp() + (label.map { "-" + $0 } ?? "")
        var target = stem
        var n = 1
        while io.stat(target) != nil { n += 1; target = stem + "-\(n)" }
        try Store.makeDirectories(target, mode: folderMode, group: sharedGroup, io: io)
        let copier = Durable(io: io, fileMode: copyMode)
        for name in names {
            guard let bytes = try durable.read(file(name)) else { continue }
            try copier.replace(target + "/" + name, with: bytes)
        }
        try copier.syncDirectory(target)
        return target
    }

    /// The copies in the backups folder beside the data (`<data>-backups`), by name.
    public func backupNames() -> [String] { io.listDirectory(path + "-backups") }

    /// A file the data in force needs or keeps beside it (not the lock, not temps, not
    /// other generations).
    func isCurrentDataFile(_ name: String) -> Bool {
        if let (_, g) = DataFile.parse(name) { return g == generation }
        return name == Store.manifestName || name == Store.auditName || name == ImportUndoFile.name || name.hasSuffix(".rejected")
    }
}
