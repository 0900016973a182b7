#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KriyaCore

/// Who may change the data folder, and what the store refuses to work with (docs/store.md,
/// "Threat model"). In a shared deployment every staff member can write the folder; none of
/// them may make another member's (or root's cron job's) Kriya write somewhere else, or read
/// data through a file they planted.
extension Store {
    /// Refuses a folder that anyone may write, and any file in it that is a symlink, not a
    /// plain file, or belongs to a stranger (neither this user, the folder's owner, root, nor,
    /// in a shared folder, its group). Each message names the file and the fix.
    func checkFolder() throws(StoreError) {
        guard let folder = folderInfo else { return }
        // Behind the installed gate only Kriya reaches the files: modes and owners prove nothing
        // there, but a link or a device still must not be there.
        if !gated && folder.mode & S_IWOTH != 0 {
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
            if gated { continue }
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
        DataFile.parse(name) != nil || ArtisanIndexFile.generation(of: name) != nil || Store.isVersionOneFile(name) || name == Store.lockName || name == "drafts" || name == AccessFile.name
    }

    /// The role of this user here: root and the folder's owner are admins; otherwise what
    /// `access.toml` says (read again at every check, so a change applies at once); without
    /// one, everyone who can open the folder is an editor. An access file that others than
    /// its owner may change, or that does not read, leaves everyone else a viewer.
    func readAccess() -> AccessDecision {
        let owner = folderInfo?.owner ?? 0
        let name = file(AccessFile.name)
        guard let info = io.stat(name) else {
            // Removed or renamed after roles were set: denied, not everyone an editor.
            if auditShowsRolesSet() {
                return AccessDecision.decide(identity, folderOwner: owner,
                                             file: .failure(AccessProblem("\(name) is missing, but roles were set here (kriya access set, in the audit trail); until its owner writes it again everyone else is a viewer")))
            }
            return AccessDecision.decide(identity, folderOwner: owner, file: nil)
        }
        let file: Result<AccessFile, AccessProblem>
        if info.isSymlink || !info.isRegular {
            file = .failure(AccessProblem("\(name) is not a plain file"))
        } else if gated, let bytes = try? durable.read(name), let text = String(validating: bytes, as: UTF8.self) {
            // Behind the gate it was written by Kriya for an admin, whoever owns it.
            file = AccessFile.parse(text).mapError { AccessProblem("\(name): \($0)") }
        } else if info.mode & (S_IWGRP | S_IWOTH) != 0 {
            file = .failure(AccessProblem("\(name) may be changed by others than its owner. Fix: chmod 644 \(name)"))
        } else if info.owner != 0 && info.owner != owner {
            file = .failure(AccessProblem("\(name) belongs to user \(info.owner), not to the folder's owner. Fix: chown it or remove it"))
        } else if let bytes = try? durable.read(name), let text = String(validating: bytes, as: UTF8.self) {
            file = AccessFile.parse(text).mapError { AccessProblem("\(name): \($0)") }
        } else {
            file = .failure(AccessProblem("\(name) cannot be read"))
        }
        return AccessDecision.decide(identity, folderOwner: owner, file: file)
    }

    /// Whether any audit line is a `set-access` (one byte search of the trail, done once per
    /// store and only when there is no access file).
    func auditShowsRolesSet() -> Bool {
        if let known = rolesWereSet { return known }
        let needle = Array("\"cmd\":\"set-access\"".utf8)
        let found = ((try? durable.read(file(Self.auditName))) ?? nil).map { bytes in
            bytes.withUnsafeBufferPointer { hay in
                needle.withUnsafeBufferPointer { n in hay.baseAddress.map { ByteSearch.find($0, hay.count, n) != nil } ?? false }
            }
        } ?? false
        rolesWereSet = found
        return found
    }

    /// Refuses `action` unless this user's role (decided again now) is `needed` or above.
    public func authorize(_ needed: StaffRole, _ action: String) throws(StoreError) {
        access = readAccess()
        guard access.role >= needed else {
            throw .forbidden(action: action, needed: needed, role: access.role, user: identity.name)
        }
    }
}
