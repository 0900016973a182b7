import Foundation
import Testing

/// Issue 17: `scripts/install.sh --prefix` into a temporary folder, as an admin would run it:
/// the binary runs, `man -l` renders the page, bash finds the completion; `--uninstall` takes it
/// all back.
@Suite struct InstallTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/install.sh").path

    func sh(_ command: String) -> (status: Int32, out: String) { shell(command) }

    @Test func installIntoAPrefixAndTakeItBack() throws {
        let prefix = TempFolder("prefix").path
        let install = sh("'\(Self.script)' --prefix '\(prefix)' --data none --binary '\(Kriya.binary)'")
        #expect(install.status == 0, "\(install.out)")
        #expect(install.out.contains("installed \(prefix)/bin/kriya") && install.out.contains("man kriya"))
        #expect(sh("'\(prefix)/bin/kriya' --help").out.contains("USAGE"))
        let page = sh("MANWIDTH=80 man -l '\(prefix)/share/man/man1/kriya.1'")
        #expect(page.status == 0 && page.out.contains("kriya access") && page.out.contains("EXIT STATUS"), "\(page.out.prefix(400))")
        let completion = sh("source '\(prefix)/share/bash-completion/completions/kriya' && complete -p kriya")
        #expect(completion.out.contains("complete") && completion.out.contains("kriya"), "\(completion.out)")
        for file in ["share/zsh/site-functions/_kriya", "share/fish/vendor_completions.d/kriya.fish"] {
            #expect(FileManager.default.fileExists(atPath: prefix + "/" + file), "\(file)")
        }
        let removed = sh("'\(Self.script)' --uninstall --prefix '\(prefix)'")
        #expect(removed.status == 0 && removed.out.contains("left as they are"))
        #expect(!FileManager.default.fileExists(atPath: prefix + "/bin/kriya") && !FileManager.default.fileExists(atPath: prefix + "/share/man/man1/kriya.1"))
        #expect(sh("'\(Self.script)' --bogus").status == 64)
    }
}

/// Issue 17: `kriya doctor` on a good deployment and on a broken one, one line a finding.
@Suite struct DoctorTests {
    @Test func aGoodDeploymentPassesABrokenOneSaysWhatToFix() throws {
        let root = TempFolder("doctor")
        let data = root.path + "/kriya"
        #expect(try Kriya.run(["demo", "--data", data, "--artisans", "30"]).status == 0)
        #expect(try Kriya.run(["backup", "--data", data]).status == 0)
        let good = try Kriya.run(["doctor", "--data", data], env: ["LANG": "id_ID.UTF-8", "TERM": "xterm-256color"])
        #expect(good.status == 0, "\(good.stdout)\(good.stderr)")
        // In the user's language (an Indonesian locale here).
        #expect(good.stdout.contains("✓ cadangan terakhir") && good.stdout.contains("✓ format data 3") && good.stdout.contains("bukan setgid"), "\(good.stdout)")

        // Open to everyone, an access file others may write, no backup in a week.
        chmod(data, 0o755)
        FileManager.default.createFile(atPath: data + "/access.toml", contents: Data("[users]\nbudi = \"admin\"\n".utf8))
        chmod(data + "/access.toml", 0o666)
        try FileManager.default.removeItem(atPath: data + "-backups")
        let bad = try Kriya.run(["doctor", "--data", data], env: ["LANG": "C", "TERM": "dumb"])
        #expect(bad.status == 1, "\(bad.stdout)")
        let lines = bad.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("XX") && $0.contains("open to everyone") && $0.contains("chmod o-rwx") }, "\(bad.stdout)")
        #expect(lines.contains { $0.hasPrefix("XX") && $0.contains("no backup") && $0.contains("kriya backup") })
        #expect(lines.contains { $0.hasPrefix("XX") && $0.contains("access.toml") }, "\(bad.stdout)")
        #expect(lines.contains { $0.hasPrefix("!!") && $0.contains("not UTF-8") })
    }
}
