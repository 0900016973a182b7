#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Who may change the data folder, and what the store refuses to work with (docs/store.md,
/// "Threat model"). In a shared deployment every staff member can write the folder; none of
/// them may make another member's (or root's cron job's) Kriya write somewhere else, or read
/// data through a file they planted.
extension Store {
    /// Refuses a folder that anyone may write, and any file in it that is a symlink, not a
    /// plain file, or belongs to a stranger (neither this user, the folder's owner, root, nor,
    /// in a shared folder, its group). Each message names the file and the fix.
    func checkFolder() throws(StoreError) {
        let real = Store.absolute(path)
        guard let folder = io.stat(real) else { return }
        if folder.mode & S_IWOTH != 0 {
            throw .unsafe(path: path, reason: "anyone on this machine may change this folder. Fix: chmod o-w \(path)")
        }
        let me = getuid()
        for name in io.listDirectory(path) where isStoreFile(name) {
            guard let info = io.stat(file(name)) else { continue }
            if info.isSymlink {
                throw .unsafe(path: file(name), reason: "is a symlink; Kriya only works with files it wrote itself. Fix: remove it and restore the file from a backup")
            }
            if name == "drafts" && info.isDirectory { continue }
            guard info.isRegular else {
                throw .unsafe(path: file(name), reason: "is not a plain file. Fix: move it out of the data folder")
            }
            let trusted = info.owner == me || info.owner == folder.owner || info.owner == 0
                || (sharedGroup != nil && info.group == folder.group)
            if !trusted {
                throw .unsafe(path: file(name), reason: "belongs to user \(info.owner), who is not one of this folder's users. Fix: check who put it there, then chown it or remove it")
            }
            if info.mode & S_IWOTH != 0 {
                throw .unsafe(path: file(name), reason: "anyone on this machine may change it. Fix: chmod o-w \(file(name))")
            }
        }
    }

    /// A name the store reads or writes in its folder.
    func isStoreFile(_ name: String) -> Bool {
        DataFile.parse(name) != nil || Store.isVersionOneFile(name) || name == Store.lockName || name == "drafts"
    }
}
