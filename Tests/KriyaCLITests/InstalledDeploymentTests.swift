import Foundation
import Testing

/// Issue 31, findings 1–4: the office server as `scripts/install.sh` sets it up, with real Unix
/// accounts made by the test (a viewer, a clerk, an admin and someone not named). The data is
/// reached only through the installed setgid `kriya`: the viewer's routes around it (hard
/// links, a symlinked `--data`, renaming the access file, writing the journal, planting a
/// draft) change nothing, the clerk does a door's work and no more, `kriya doctor` passes.
/// Needs root to make accounts (as CI runs); elsewhere it is skipped, and says so.
@Suite(.serialized) struct InstalledDeploymentTests {
    static let usable = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/sbin/useradd")
        && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/install.sh").path

    /// Runs `command` with bash, as `user` (their own groups) or as root.
    @discardableResult
    func sh(_ command: String, as user: String? = nil, home: String = "/") -> (status: Int32, out: String) {
        shell("umask 077; " + command, as: user,
              environment: ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "HOME": home, "LANG": "en_US.UTF-8", "TERM": "xterm"])
    }

    /// Every file of the data folder with its content: what no refused route may change.
    func contents(of folder: String) -> [String: Data] {
        var out: [String: Data] = [:]
        for name in FileManager.default.enumerator(atPath: folder)?.compactMap({ $0 as? String }) ?? [] {
            if let data = FileManager.default.contents(atPath: folder + "/" + name) { out[name] = data }
        }
        return out
    }

    @Test(.enabled(if: usable)) func theDataIsReachedOnlyThroughKriya() throws {
        let tag = String(getpid() % 100_000)
        let (viewer, clerk, admin, stranger) = ("kv\(tag)", "kc\(tag)", "ka\(tag)", "kn\(tag)")
        let (program, staff) = ("kg\(tag)", "ks\(tag)")
        let root = TempFolder("installed")
        defer {
            for user in [viewer, clerk, admin, stranger] { sh("userdel \(user)") }
            for group in [program, staff] { sh("groupdel \(group)") }
        }
        #expect(sh("mkdir -p '\(root.path)' && chmod 755 '\(root.path)' && groupadd \(staff)").status == 0)
        for user in [viewer, clerk, admin, stranger] {
            let member = user == stranger ? "" : "-G \(staff)"
            #expect(sh("useradd -M -d '\(root.path)/home-\(user)' -s /bin/sh \(member) \(user) && mkdir -m 700 '\(root.path)/home-\(user)' && chown \(user) '\(root.path)/home-\(user)'").status == 0)
        }
        let prefix = root.path + "/usr", data = root.path + "/srv/kriya/data"
        let install = sh("bash '\(Self.script)' --prefix '\(prefix)' --data '\(data)' --group \(program) --binary '\(Kriya.binary)' --admin \(admin) --staff \(staff)")
        #expect(install.status == 0, "\(install.out)")
        #expect(install.out.contains("mode 2755") && install.out.contains("\(admin): admin") && install.out.contains("viewers"), "\(install.out)")
        let kriya = prefix + "/bin/kriya"
        func run(_ user: String?, _ args: String) -> (status: Int32, out: String) {
            sh("'\(kriya)' \(args)", as: user, home: root.path + "/home-\(user ?? "root")")
        }
        #expect(run(nil, "demo --artisans 40 --force").status == 0)
        #expect(run(nil, "access set \(clerk) clerk").status == 0)

        // The viewer reads through Kriya…
        let found = run(viewer, "find sri")
        #expect(found.status == 0 && found.out.contains("A-0"), "\(found.out)")
        let before = contents(of: data)
        #expect(before.count > 8)
        let journal = try #require(before.keys.first { $0.hasPrefix("journal.") })

        // …and every way around it is closed.
        let home = root.path + "/home-\(viewer)"
        #expect(sh("ls '\(data)'", as: viewer).status != 0)
        #expect(sh("mkdir '\(home)/hl' && ln '\(data)/\(journal)' '\(home)/hl/'", as: viewer).status != 0, "a hard link into the data")
        #expect(sh("mv '\(data)/access.toml' '\(data)/access.old'", as: viewer).status != 0, "renaming the access file")
        #expect(sh("echo '{}' >> '\(data)/\(journal)'", as: viewer).status != 0, "writing the journal")
        #expect(sh("mkdir -p '\(data)/drafts' && echo '{}' > '\(data)/drafts/\(admin).1.json'", as: viewer).status != 0, "planting a draft")
        let linked = sh("ln -s '\(data)' '\(home)/link' && '\(kriya)' --data '\(home)/link' delete A-000001", as: viewer)
        #expect(linked.status != 0 && linked.status != 77 && !linked.out.contains("Deleted"), "a symlinked --data: \(linked.out)")
        let delete = run(viewer, "delete A-000001")
        #expect(delete.status == 77 && delete.out.contains("needs admin"), "\(delete.out)")
        let add = run(viewer, "add artisan --name Siti --phone 0812-0000-9999 --kelurahan Dinoyo --business 'Keramik Siti' --category keramik")
        #expect(add.status == 77, "\(add.out)")
        #expect(contents(of: data) == before, "the viewer changed the shared data")

        // Someone the access file does not name opens nothing at all.
        let outsider = run(stranger, "find sri")
        #expect(outsider.status == 77 && outsider.out.contains("not named in the access file"), "\(outsider.out)")

        // The clerk runs today's door and nothing more.
        let agenda = run(clerk, "agenda")
        let today = try #require(agenda.out.split(separator: "\n").first { $0.contains("Bimtek") && $0.contains("today") }, "\(agenda.out)")
        let session = try #require(today.split(separator: " ").first { $0.hasPrefix("B-") })
        let shown = run(clerk, "show \(session)")
        let person = try #require(shown.out.split(separator: "\n").compactMap { line in line.split(separator: " ").first { $0.hasPrefix("A-") } }.first, "\(shown.out)")
        let checkIn = run(clerk, "checkin \(session) \(person)")
        #expect(checkIn.status == 0, "\(checkIn.out)")
        #expect(run(clerk, "delete \(person)").status == 77)
        let audit = try String(contentsOfFile: data + "/audit.jsonl", encoding: .utf8)
        #expect(audit.contains("\"user\":\"\(clerk)\",\"role\":\"clerk\",\"cmd\":\"check-in\""), "\(audit.suffix(400))")
        #expect(!audit.contains("\"user\":\"\(viewer)\""))

        // The admin gives roles and backs up; the deployment passes the doctor.
        #expect(run(admin, "access set \(viewer) clerk").status == 0)
        #expect(run(admin, "backup").status == 0)
        let doctor = run(admin, "doctor")
        #expect(doctor.status == 0, "\(doctor.out)")
        #expect(doctor.out.contains("nobody is in group \(program)") && doctor.out.contains("opened through its gate"), "\(doctor.out)")

        // A running console has given the program's group up for good (real, effective and
        // saved are the clerk's own), and its open folders cannot be borrowed through /proc.
        let console = try TmuxSession(term: "xterm", width: 80, height: 24)
        console.send("exec setpriv --reuid=\(clerk) --regid=\(clerk) --init-groups env HOME=\(root.path)/home-\(clerk) '\(kriya)'", enter: true)
        #expect(console.waitFor("F10"), "\(console.screen)")
        let pid = try console.tmux(["display-message", "-p", "#{pane_pid}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
        let gids = status.split(separator: "\n").first { $0.hasPrefix("Gid:") }?.split(whereSeparator: { $0 == "\t" || $0 == " " }).dropFirst() ?? []
        let own = try #require(getpwnam(clerk)).pointee.pw_gid
        #expect(gids.count == 4 && gids.allSatisfy { $0 == "\(own)" }, "\(status)")
        #expect(sh("ls /proc/\(pid)/fd", as: clerk).status != 0, "the console's descriptors are reachable by its user")
        console.key("F10")
        #expect(console.waitForGone("F10"), "\(console.screen)")
    }
}
