import Foundation
import Testing
@testable import KriyaCore
@testable import KriyaStore

/// The README's deployment, for real: a setgid folder of a staff group, two Unix users with
/// a restrictive umask, each saving, backing up and importing (issue 12, finding 5). Needs
/// root to switch users (as CI runs); elsewhere it is skipped, and says so.
@Suite(.serialized) struct GroupDeploymentTests {
    static let canSwitchUsers = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
    static let group: gid_t = 60_000

    /// Runs kriya as `uid` in the staff group, umask 077 (the strictest a staff member may have).
    func asUser(_ uid: uid_t, _ args: [String], home: String) throws -> Kriya.Result {
        let quoted = ([Kriya.binaryForAnyone] + args).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid=\(uid)", "--regid=\(uid)", "--groups=\(Self.group)", "--inh-caps=-all",
                             "/bin/sh", "-c", "umask 077; exec " + quoted]
        process.environment = Kriya.environment(["HOME": home, "USER": "u\(uid)", "LOGNAME": "u\(uid)"])
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Kriya.Result(status: process.terminationStatus, stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self))
    }

    @Test(.enabled(if: canSwitchUsers)) func twoStaffMembersShareTheFolder() throws {
        let root = TempFolder("group")
        let data = root.path + "/kriya"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        chmod(root.path, 0o755)
        chown(data, 0, Self.group)
        chmod(data, 0o2770)
        let (ratna, budi) = (uid_t(60_001), uid_t(60_002))

        // Replacing the data is the admin's: the folder's owner (root, as install.sh makes it).
        let refused = try asUser(ratna, ["demo", "--data", data, "--artisans", "50"], home: root.path)
        #expect(refused.status == 77 && refused.stderr.contains("admin"), "\(refused.stderr)")
        let demo = try Kriya.run(["demo", "--data", data, "--artisans", "50"])
        #expect(demo.status == 0, "\(demo.stderr)")
        let add = try asUser(budi, ["add", "artisan", "--data", data, "--name", "Siti Rahayu", "--phone", "0812-0000-1234",
                                    "--kelurahan", "Dinoyo", "--business", "Keramik Sekar", "--category", "keramik"], home: root.path)
        #expect(add.status == 0, "budi cannot save: \(add.stderr)")
        let csv = root.path + "/sheet.csv"
        FileManager.default.createFile(atPath: csv, contents: Data("Nama;No HP;Kelurahan;Nama Usaha;Kategori\nRina;0813-3333-4444;Purwantoro;Kripik Rina;Mamin\n".utf8))
        chmod(csv, 0o644)
        let imported = try asUser(budi, ["import", "artisans", csv, "--data", data], home: root.path)
        #expect(imported.status == 0, "budi cannot import: \(imported.stderr)")
        // Compaction is the admin's (issue 17): budi, an editor of the group, is told so.
        let compact = try asUser(budi, ["compact", "--data", data], home: root.path)
        #expect(compact.status == 77, "\(compact.stderr)")
        #expect(try Kriya.run(["compact", "--data", data]).status == 0)
        let backup = try asUser(budi, ["backup", "--data", data, "--to", data + "/backups"], home: root.path)
        #expect(backup.status == 0, "budi cannot back up: \(backup.stderr)")
        let again = try asUser(ratna, ["backup", "--data", data, "--to", data + "/backups"], home: root.path)
        #expect(again.status == 0, "ratna cannot back up after budi: \(again.stderr)")
        let ratnaAdds = try asUser(ratna, ["add", "artisan", "--data", data, "--name", "Dewi", "--phone", "0812-0000-5678",
                                           "--kelurahan", "Dinoyo", "--business", "Keramik Dewi", "--category", "keramik"], home: root.path)
        #expect(ratnaAdds.status == 0, "\(ratnaAdds.stderr)")
        let check = try asUser(ratna, ["check", "--data", data], home: root.path)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")

        // Nothing in the folder is readable by others; everything is the group's.
        let files = FileManager.default.enumerator(atPath: data)!.compactMap { $0 as? String }
        #expect(files.count > 8)
        for name in files {
            var st = stat()
            #expect(lstat(data + "/" + name, &st) == 0)
            #expect(st.st_mode & 0o007 == 0, "\(name) is readable by others: \(String(st.st_mode, radix: 8))")
            #expect(st.st_gid == Self.group, "\(name) is not the staff group's")
            if (st.st_mode & S_IFMT) == S_IFDIR { #expect(st.st_mode & 0o2070 == 0o2070, "\(name): \(String(st.st_mode, radix: 8))") }
            else { #expect(st.st_mode & 0o060 == 0o060 || name.hasPrefix("drafts/"), "\(name): \(String(st.st_mode, radix: 8))") }
        }
    }

    /// Issue 17: roles by Unix user in the setgid folder. A viewer is refused an `add` with 77
    /// and nothing changes; a clerk checks in but may not delete or compact; an admin may.
    @Test(.enabled(if: canSwitchUsers)) func rolesDecideWhoMayChangeWhat() throws {
        let root = TempFolder("roles")
        let data = root.path + "/kriya"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        chmod(root.path, 0o755)
        chown(data, 0, Self.group)
        chmod(data, 0o2770)
        #expect(try Kriya.run(["demo", "--data", data, "--artisans", "60"]).status == 0)
        // Users without a passwd entry are named uidN.
        for (who, role) in [("uid60011", "admin"), ("uid60012", "clerk"), ("uid60013", "viewer")] {
            let set = try Kriya.run(["access", "set", who, role, "--data", data])
            #expect(set.status == 0, "\(set.stderr)")
        }
        let list = try Kriya.run(["access", "--data", data])
        #expect(list.stdout.contains("uid60012") && list.stdout.contains("clerk") && list.stdout.contains("owner of the folder"))
        let (admin, clerk, viewer) = (uid_t(60_011), uid_t(60_012), uid_t(60_013))
        // An admin who is not the folder's owner is told who may set roles here, and how
        // (it said "uid60011 is admin here; set-access needs admin").
        let setByAdmin = try asUser(admin, ["access", "set", "uid60012", "editor", "--data", data, "--lang", "id"], home: root.path)
        #expect(setByAdmin.status == 77 && setByAdmin.stderr.contains("hanya pemiliknya (root)") && setByAdmin.stderr.contains("sudo"),
                "\(setByAdmin.stderr)")
        let before = try Kriya.run(["find", "--data", data, "--limit", "1000", "--json"]).stdout

        let add = try asUser(viewer, ["add", "artisan", "--data", data, "--name", "Siti Rahayu", "--phone", "0812-9999-1234",
                                      "--kelurahan", "Dinoyo", "--business", "Keramik Sekar", "--category", "keramik"], home: root.path)
        // Registering someone (a walk-in at the door) is a clerk's: the viewer is told so.
        #expect(add.status == 77 && add.stderr.contains("clerk") && add.stderr.contains("kriya access set uid60013 clerk"), "\(add.stderr)")
        #expect(try Kriya.run(["find", "--data", data, "--limit", "1000", "--json"]).stdout == before)
        #expect(try asUser(viewer, ["find", "sri", "--data", data], home: root.path).status == 0)

        let store = try Store(path: data)
        let today = SystemInfo.now().today
        let session = try #require(store.data.sessions.items.first { $0.start == today })
        let person = try #require(session.participants.first { $0.enrolment == .registered && $0.role == .peserta })
        let checkin = try asUser(clerk, ["checkin", session.id.description, person.artisan.description, "--data", data], home: root.path)
        #expect(checkin.status == 0, "\(checkin.stderr)")
        // Deleting is an admin's: refused to the clerk (nothing changes), done for the admin.
        let added = try Kriya.run(["add", "artisan", "--data", data, "--name", "Salah Ketik", "--phone", "0812-9999-0001",
                                   "--kelurahan", "Dinoyo", "--business", "Usaha Salah", "--category", "keramik"])
        let unused = try #require(EntityID(added.stdout.trimmingCharacters(in: .whitespacesAndNewlines)), "\(added.stderr)")
        let refused = try asUser(clerk, ["delete", unused.description, "--data", data], home: root.path)
        #expect(refused.status == 77 && refused.stderr.contains("admin"), "\(refused.stderr)")
        #expect(try Store(path: data).data.artisans[unused] != nil)
        #expect(try asUser(clerk, ["compact", "--data", data], home: root.path).status == 77)
        // Issue 31, finding 9: the role is asked first, so an id that does not exist is no
        // answer for a clerk (77, not 66); and a viewer's refused `demo --force` writes nothing.
        let missing = try asUser(clerk, ["delete", "A-999999", "--data", data], home: root.path)
        #expect(missing.status == 77, "\(missing.stderr)")
        let backups = (try? FileManager.default.contentsOfDirectory(atPath: data + "-backups")) ?? []
        let demo = try asUser(viewer, ["demo", "--force", "--artisans", "10", "--data", data], home: root.path)
        #expect(demo.status == 77, "\(demo.stderr)")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: data + "-backups")) ?? []) == backups, "a backup was written")
        let deleted = try asUser(admin, ["delete", unused.description, "--data", data], home: root.path)
        #expect(deleted.status == 0, "\(deleted.stderr)")
        #expect(try Store(path: data).data.artisans[unused] == nil)
        #expect(try asUser(admin, ["compact", "--data", data], home: root.path).status == 0)
        let audit = try String(contentsOfFile: data + "/audit.jsonl", encoding: .utf8)
        #expect(audit.contains("\"role\":\"clerk\",\"cmd\":\"check-in\""))
    }
}
