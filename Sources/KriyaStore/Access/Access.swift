#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KriyaCore
import KriyaText
import TOMLKit

/// Who is running Kriya: the real Unix user (`getuid`) and their groups. Never taken from an
/// environment variable or an option: those are the user's own to set.
public struct UnixIdentity: Sendable, Equatable {
    public var uid: uid_t
    public var name: String
    public var groups: [String]

    public init(uid: uid_t, name: String, groups: [String]) {
        self.uid = uid
        self.name = name
        self.groups = groups
    }

    public static func current() -> UnixIdentity {
        let uid = getuid()
        guard let pw = getpwuid(uid), let cName = pw.pointee.pw_name else { return UnixIdentity(uid: uid, name: "uid\(uid)", groups: []) }
        let name = String(cString: cName)
        var count: Int32 = 64
        var ids = [gid_t](repeating: 0, count: Int(count))
        if getgrouplist(cName, pw.pointee.pw_gid, &ids, &count) == -1 {
            ids = [gid_t](repeating: 0, count: Int(count))
            _ = getgrouplist(cName, pw.pointee.pw_gid, &ids, &count)
        }
        let groups = ids.prefix(Int(max(0, count))).compactMap { gid -> String? in
            guard let gr = getgrgid(gid), let n = gr.pointee.gr_name else { return nil }
            return String(cString: n)
        }
        return UnixIdentity(uid: uid, name: name, groups: groups)
    }
}

/// `access.toml` in the data folder: roles by Unix user and by group.
///
///     [users]
///     ratna = "admin"
///     budi = "clerk"
///     [groups]
///     kriya-door = "clerk"
///     kriya = "viewer"
public struct AccessFile: Equatable, Sendable {
    public static let name = "access.toml"
    public var users: [String: StaffRole] = [:]
    public var groups: [String: StaffRole] = [:]

    public init() {}

    /// The file's roles, or what is wrong with it (line, table, name, value).
    public static func parse(_ text: String) -> Result<AccessFile, AccessProblem> {
        let table: TOMLTable
        // Before the parser, which aborts the process on some control characters.
        if let problem = TOMLGuard.problem(in: text) {
            return .failure(AccessProblem(problem))
        }
        do { table = try TOMLTable(string: text) } catch let error as TOMLParseError {
            return .failure(AccessProblem("line \(error.source.begin.line): \(error.description)"))
        } catch {
            return .failure(AccessProblem("\(error)"))
        }
        var file = AccessFile()
        for (key, value) in table {
            guard key == "users" || key == "groups" else {
                return .failure(AccessProblem("[\(key)] is not a table of roles (only [users] and [groups])"))
            }
            guard let entries = value.table else { return .failure(AccessProblem("\(key) must be a table ([\(key)])")) }
            for (who, role) in entries {
                guard let text = role.string, let r = StaffRole(rawValue: text.lowercased()) else {
                    return .failure(AccessProblem("[\(key)] \(who): \"\(role)\" is not a role (viewer, clerk, editor or admin)"))
                }
                if key == "users" { file.users[who] = r } else { file.groups[who] = r }
            }
        }
        return .success(file)
    }

    /// As written back: a comment, then both tables, names in order.
    public var text: String {
        var out = "# Kriya roles: viewer (look up, print, export), clerk (+ check-in, attendance, enrol, sales),\n"
            + "# editor (+ every record), admin (+ delete, import undo, roles, compaction). Written by kriya access set.\n"
        for (title, entries) in [("users", users), ("groups", groups)] where !entries.isEmpty {
            out += "\n[\(title)]\n"
            for (who, role) in entries.sorted(by: { $0.key < $1.key }) { out += "\(Self.key(who)) = \"\(role.rawValue)\"\n" }
        }
        return out
    }

    /// A TOML key: bare when it can be (`ratna`, `kriya-door`), quoted otherwise.
    private static func key(_ name: String) -> String {
        let bare = !name.isEmpty && name.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || $0 == 0x2D || $0 == 0x5F }
        guard !bare else { return name }
        var quoted = "\""
        for c in name { if c == "\\" || c == "\"" { quoted.append("\\") }; quoted.append(c) }
        return quoted + "\""
    }
}

public struct AccessProblem: Error, Equatable, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// The role a user has in a data folder, and why (said by `kriya access` and in refusals).
public struct AccessDecision: Equatable, Sendable {
    public enum Reason: Equatable, Sendable {
        /// root, or the folder's owner: always admin (nobody locks the owner out).
        case root, owner
        /// No access file: everyone who can open the folder edits (the behaviour before roles).
        case noFile
        case user
        case group(String)
        /// The file names neither the user nor any of their groups.
        case notListed
        /// The file is unsafe or unreadable: nobody but the owner and root may change anything.
        case badFile(String)
    }
    public var role: StaffRole
    public var reason: Reason

    public init(role: StaffRole, reason: Reason) {
        self.role = role
        self.reason = reason
    }

    /// The decision for `who` in a folder owned by `folderOwner`, given what the access file
    /// holds (nil: there is none).
    public static func decide(_ who: UnixIdentity, folderOwner: uid_t, file: Result<AccessFile, AccessProblem>?) -> AccessDecision {
        if who.uid == 0 { return AccessDecision(role: .admin, reason: .root) }
        if who.uid == folderOwner { return AccessDecision(role: .admin, reason: .owner) }
        switch file {
        case nil: return AccessDecision(role: .editor, reason: .noFile)
        case .failure(let problem)?: return AccessDecision(role: .viewer, reason: .badFile(problem.description))
        case .success(let f)?:
            if let role = f.users[who.name] { return AccessDecision(role: role, reason: .user) }
            let byGroup = who.groups.compactMap { g in f.groups[g].map { (g, $0) } }.max { $0.1 < $1.1 }
            if let (group, role) = byGroup { return AccessDecision(role: role, reason: .group(group)) }
            return AccessDecision(role: .viewer, reason: .notListed)
        }
    }
}

extension StoreError {
    /// As the user reads it: a refusal for want of a role in their language; the rest as
    /// described (file, reason, fix).
    public func message(_ lang: Lang) -> String {
        if case .forbidden(_, let needed, let role, let user) = self { return L10n.refusal(user: user, role: role, needed: needed, lang) }
        if case .command(let box) = self { return box.error.message(lang) }
        if case .forbiddenByDatabase(_, let needed, let role, let login) = self {
            return L10n.text(.cForbiddenDatabase, lang, login, L10n.value(role, lang), L10n.value(needed, lang), needed.rawValue)
        }
        if case .database(let address, let reason) = self { return L10n.text(.cDatabaseFailed, lang, address, reason) }
        if case .refusedByDatabase(let login, let reason) = self { return L10n.text(.cRefusedByDatabase, lang, login, reason) }
        if case .rolesByOwnerOnly(let user, let owner) = self { return L10n.text(.cRolesByOwnerOnly, lang, user, owner) }
        if case .notListed(let user, let folder) = self { return L10n.text(.cNotListed, lang, user, folder) }
        if case .notEmpty(let location) = self { return L10n.text(.cCopyTargetNotEmpty, lang, location) }
        if case .notAtTheDoor(let action, let door) = self { return L10n.text(.cNotAtTheDoor, lang, door, ChangeWords.command(action, lang)) }
        if case .notSetUp(let address, let found, let needed) = self {
            return found == 0 ? L10n.text(.cDatabaseNotSetUp, lang, address) : L10n.text(.cDatabaseOlder, lang, address, found, needed)
        }
        return description
    }
}

extension Store {
    /// The access file as it is now: nil when there is none.
    public func accessFile() -> Result<AccessFile, AccessProblem>? {
        let name = file(AccessFile.name)
        guard io.stat(name) != nil else { return nil }
        guard let bytes = try? durable.read(name), let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(AccessProblem("\(name) cannot be read"))
        }
        return AccessFile.parse(text)
    }

    /// Gives `who` (a user, or `@group`) a role, or takes it away (nil), in `access.toml`,
    /// under the store's lock, audited. Only the folder's owner or root may: the file is
    /// trusted only as theirs (anyone in a shared folder's group could otherwise write one).
    public func setAccess(_ who: String, role: StaffRole?) throws(StoreError) {
        try authorize(CommandName.setAccess.role!, CommandName.setAccess.rawValue)
        // In a folder shared the older way the file is its owner's (who else writes it is not
        // trusted); behind the installed gate only Kriya writes it, for any admin.
        guard gated || access.reason == .owner || access.reason == .root else {
            let owner = folderInfo.map { info in getpwuid(info.owner).flatMap { $0.pointee.pw_name }.map { String(cString: $0) } ?? "uid\(info.owner)" }
            throw .rolesByOwnerOnly(user: identity.name, owner: owner ?? "root")
        }
        try withLock { () throws(StoreError) in
            var current = AccessFile()
            switch accessFile() {
            case .success(let f)?: current = f
            case .failure(let problem)?: throw .damaged(path: file(AccessFile.name), reason: problem.description + ". Fix it or remove it first")
            case nil: break
            }
            let group = who.hasPrefix("@")
            let name = group ? String(who.dropFirst()) : who
            if group { current.groups[name] = role } else { current.users[name] = role }
            let path = file(AccessFile.name)
            try durable.replace(path, with: Array(current.text.utf8))
            // Readable by the staff (they learn their roles from it), written by its owner only;
            // behind the installed gate only Kriya reaches it, for an admin.
            if !gated { _ = chmod(path, sharedGroup != nil ? 0o640 : 0o644) }
            var change = Change(command: "set-access")
            change.detail = "\(who): \(role?.rawValue ?? "none")"
            afterSave(change, at: SystemInfo.now().timestamp, user: user)
        }
        access = readAccess()
    }

    /// Why someone has a role, for `kriya access` to say in the user's language.
    public enum RoleSource: Equatable, Sendable {
        case owner, userEntry, groupEntry(members: [String]), folderGroup(members: [String]), unusable(String), anyoneElse, nobodyElse
    }

    /// Who has which role here, and why: the owner, the file's users and groups (with the
    /// group's members), or, without a file, the folder's group.
    public func roles() -> [(who: String, role: StaffRole, why: RoleSource)] {
        var out: [(String, StaffRole, RoleSource)] = []
        let folder = folderInfo
        if let owner = folder?.owner, let pw = getpwuid(owner), let n = pw.pointee.pw_name {
            out.append((String(cString: n), .admin, .owner))
        }
        func members(_ group: String) -> [String] {
            guard let gr = getgrnam(group), var p = gr.pointee.gr_mem else { return [] }
            var names: [String] = []
            while let m = p.pointee { names.append(String(cString: m)); p += 1 }
            return names
        }
        switch accessFile() {
        case nil:
            if let gid = folder?.group, let gr = getgrgid(gid), let n = gr.pointee.gr_name {
                let group = String(cString: n)
                out.append(("@" + group, .editor, .folderGroup(members: members(group))))
            }
        case .failure(let problem)?:
            out.append(("*", .viewer, .unusable(problem.description)))
        case .success(let f)?:
            for (u, r) in f.users.sorted(by: { $0.key < $1.key }) { out.append((u, r, .userEntry)) }
            for (g, r) in f.groups.sorted(by: { $0.key < $1.key }) { out.append(("@" + g, r, .groupEntry(members: members(g)))) }
            // Behind the installed gate an account not named opens nothing at all.
            out.append(gated ? ("*", .viewer, .nobodyElse) : ("*", .viewer, .anyoneElse))
        }
        return out
    }
}

extension Store {
    /// This user's role now (the access file read again).
    public func currentRole() -> StaffRole {
        access = readAccess()
        return access.role
    }
}
