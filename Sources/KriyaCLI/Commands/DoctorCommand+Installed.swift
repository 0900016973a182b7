#if canImport(Glibc)
import Glibc
#endif
import KriyaCore
import KriyaStore

/// `kriya doctor` on the installed folder (docs/store.md, "The data reached only through
/// Kriya"): the program setgid to the gate's group, the gate closed to everyone else, the
/// folder opened through it, and nobody in that group (a member could change the files
/// without Kriya, whatever their role).
extension DoctorCommand {
    static func installed(_ path: String, lang: Lang) -> [Finding] {
        let t = { (key: CLIKey, args: [CustomStringConvertible]) in CLIText.text(key, lang, arguments: args) }
        let gate = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        var g = stat()
        guard lstat(gate.isEmpty ? "/" : gate, &g) == 0 else {
            return [Finding(level: .fix, text: t(.drSiteNotOpened, [path, InstalledFolder.problem ?? "\(gate): \(String(cString: strerror(errno)))"]))]
        }
        let group = getgrgid(g.st_gid).map { String(cString: $0.pointee.gr_name) } ?? "\(g.st_gid)"
        var out: [Finding] = []
        let program = InstalledFolder.ownExecutable() ?? "kriya"
        var p = stat()
        let setgid = stat(program, &p) == 0 && p.st_mode & S_ISGID != 0 && p.st_gid == g.st_gid && p.st_uid == 0 && p.st_mode & 0o022 == 0
        out.append(setgid ? Finding(level: .ok, text: t(.drInstalled, [path, program, group]))
                   : Finding(level: .fix, text: t(.drProgramNotSetgid, [program, "root:\(group) 2755"])))
        let mode = String(g.st_mode & 0o7777, radix: 8)
        if g.st_uid != 0 || g.st_mode & 0o027 != 0 || (g.st_mode & S_IFMT) != S_IFDIR {
            out.append(Finding(level: .fix, text: t(.drGateBad, [gate, "owner \(g.st_uid), group \(group), mode \(mode)"])))
        } else if InstalledFolder.claimed != nil {
            out.append(Finding(level: .ok, text: t(.drGateOpen, [path, gate, group, mode])))
        } else {
            out.append(Finding(level: .fix, text: t(.drSiteNotOpened, [path, InstalledFolder.problem ?? "-"])))
        }
        let members = members(of: g.st_gid)
        if members.isEmpty { out.append(Finding(level: .ok, text: t(.drGroupEmpty, [group]))) }
        for name in members { out.append(Finding(level: .fix, text: t(.drGroupHasMembers, [name, group]))) }
        return out
    }

    /// Accounts in group `gid`: listed in it, or having it as their own group.
    static func members(of gid: gid_t) -> [String] {
        var names: [String] = []
        if let gr = getgrgid(gid), var p = gr.pointee.gr_mem { while let m = p.pointee { names.append(String(cString: m)); p += 1 } }
        setpwent()
        while let pw = getpwent() {
            if pw.pointee.pw_gid == gid { names.append(String(cString: pw.pointee.pw_name)) }
        }
        endpwent()
        return Array(Set(names)).sorted()
    }
}
