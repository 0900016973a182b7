#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Foundation
import KriyaCore
import KriyaStore
import KriyaText

/// `kriya doctor`: checks a deployment and says what to fix, one line each (issue 17). Exit
/// status 1 when anything must be fixed; notes (a personal folder, a locale that is not
/// UTF-8) do not fail it.
struct DoctorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Check the installation and the data folder (or database); say what to fix, one line each.",
        discussion: "Checks the program and data versions, the folder's owner, group, modes and setgid bit, the group's members, free disk space, network file systems, the access file, the last backup, the locale and the terminal."
    )
    @OptionGroup var global: GlobalOptions

    enum Level: String { case ok = "✓", note = "!", fix = "✗" }
    struct Finding { let level: Level; let text: String }

    func run() throws {
        let env = ProcessInfo.processInfo.environment
        let findings = global.isDatabase
            ? Self.examine(database: try global.databaseAddress(), env: env, lang: global.language)
            : Self.examine(path: global.dataDirectory, env: env, today: SystemInfo.now().today, lang: global.language)
        let unicode = SystemInfo.localeIsUTF8()
        for f in findings {
            let mark = unicode ? f.level.rawValue : [Level.ok: "ok", .note: "!!", .fix: "XX"][f.level]!
            Output.line(TerminalSafe.text("\(mark) \(f.text)"))
        }
        if findings.contains(where: { $0.level == .fix }) { throw ExitCode.failure }
    }

    static func examine(path: String, env: [String: String], today: CivilDate, lang: Lang) -> [Finding] {
        let t = { (key: CLIKey, args: [CustomStringConvertible]) in CLIText.text(key, lang, arguments: args) }
        var out: [Finding] = [Finding(level: .ok, text: t(.drProgram, [Store.formatVersion]))]
        if InstalledFolder.isSite(path) {
            out += installed(path, lang: lang)
        } else {
            guard let folder = sharedFolder(path, lang: lang) else { return out + [Finding(level: .fix, text: t(.drNoFolder, [path]))] }
            out += folder
        }
        // Space, and the kind of disk.
        if let free = InstalledFolder.io(for: path) != nil ? InstalledFolder.claimed?.freeBytes : freeBytes(path) {
            let mb = free >> 20
            out.append(mb < 200 ? Finding(level: .fix, text: t(.drSpaceLow, [mb]))
                       : Finding(level: mb < 2048 ? .note : .ok, text: t(.drSpace, [mb])))
        }
        if let warning = SystemInfo.networkFileSystemWarning(path) {
            out.append(Finding(level: .fix, text: warning.message(lang)))
        }
        return out + examineData(path, today: today, lang: lang) + workplace(env: env, lang: lang)
    }

    static func freeBytes(_ path: String) -> Int64? {
        var fs = statvfs()
        guard statvfs(path, &fs) == 0 else { return nil }
        return Int64(fs.f_bavail) * Int64(fs.f_frsize)
    }

    /// A folder of one person's, or shared by a staff group the older way (setgid, files the
    /// group's): its owner, group, modes and members. Nil when it is not a folder.
    static func sharedFolder(_ path: String, lang: Lang) -> [Finding]? {
        let t = { (key: CLIKey, args: [CustomStringConvertible]) in CLIText.text(key, lang, arguments: args) }
        var out: [Finding] = []
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return nil }
        // The folder: nobody else may read or change it; a shared one is setgid in its group.
        let mode = info.st_mode & 0o7777
        let group = getgrgid(info.st_gid).map { String(cString: $0.pointee.gr_name) } ?? "\(info.st_gid)"
        let owner = getpwuid(info.st_uid).map { String(cString: $0.pointee.pw_name) } ?? "\(info.st_uid)"
        if mode & 0o007 != 0 {
            out.append(Finding(level: .fix, text: t(.drOpen, [path, String(mode, radix: 8)])))
        }
        if mode & S_ISGID != 0 {
            out.append(Finding(level: .ok, text: t(.drShared, [path, owner, group, String(mode, radix: 8)])))
            if mode & 0o070 != 0o070 {
                out.append(Finding(level: .fix, text: t(.drGroupCannot, [group, path])))
            }
            var members: [String] = []
            if let gr = getgrgid(info.st_gid), var p = gr.pointee.gr_mem { while let m = p.pointee { members.append(String(cString: m)); p += 1 } }
            out.append(members.isEmpty
                       ? Finding(level: .fix, text: t(.drNobody, [group]))
                       : Finding(level: .ok, text: t(.drMembers, [group, members.joined(separator: ", ")])))
            out.append(Finding(level: .note, text: t(.drSharedOlderWay, [path, group])))
        } else {
            out.append(Finding(level: .note, text: t(.drPersonal, [path, owner])))
        }
        return out
    }

    /// The data itself, the access file and the last backup.
    static func examineData(_ path: String, today: CivilDate, lang: Lang) -> [Finding] {
        let t = { (key: CLIKey, args: [CustomStringConvertible]) in CLIText.text(key, lang, arguments: args) }
        var out: [Finding] = []
        var backups: [String] = []
        do {
            let store = try Store(path: path, create: false)
            out.append(Finding(level: .ok, text: t(.drData, [store.formatOnDisk, store.data.artisans.count, L10n.value(store.access.role, lang)])))
            switch store.accessFile() {
            case nil: out.append(Finding(level: .ok, text: t(.drNoAccess, [])))
            case .success(let f)?: out.append(Finding(level: .ok, text: t(.drAccess, [f.users.count, f.groups.count])))
            case .failure(let problem)?: out.append(Finding(level: .fix, text: t(.drAccessBad, [problem.description])))
            }
            if case .badFile(let why) = store.access.reason { out.append(Finding(level: .fix, text: t(.drAccessUntrusted, [why]))) }
            if !store.issues.isEmpty { out.append(Finding(level: .fix, text: t(.drDamaged, [store.issues.count]))) }
            backups = store.backupNames()
        } catch {
            out.append(Finding(level: .fix, text: t(.drCannotOpen, [error.message(lang)])))
        }
        // The last backup (kriya backup makes kriya-YYYYMMDD-HHMMSS folders).
        let newest = backups.compactMap { name -> CivilDate? in
            let parts = name.split(separator: "-")
            guard parts.count >= 2, parts[0] == "kriya", parts[1].count == 8, let n = Int(parts[1]) else { return nil }
            return CivilDate(year: n / 10_000, month: n / 100 % 100, day: n % 100)
        }.max()
        if let newest, newest.days(until: today) <= 7 {
            out.append(Finding(level: .ok, text: t(.drBackup, [newest.iso, path + "-backups"])))
        } else {
            out.append(Finding(level: .fix, text: newest.map { t(.drBackupOld, [$0.iso, path]) } ?? t(.drNoBackup, [path + "-backups", path])))
        }
        return out
    }

    /// Where people work: the locale, the terminal, tmux.
    static func workplace(env: [String: String], lang: Lang) -> [Finding] {
        let t = { (key: CLIKey, args: [CustomStringConvertible]) in CLIText.text(key, lang, arguments: args) }
        var out: [Finding] = []
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].compactMap { env[$0] }.first { !$0.isEmpty } ?? ""
        out.append(locale.uppercased().contains("UTF-8") || locale.uppercased().contains("UTF8")
                   ? Finding(level: .ok, text: t(.drLocale, [locale]))
                   : Finding(level: .note, text: t(.drLocaleNot, [locale.isEmpty ? "-" : locale])))
        let term = env["TERM"] ?? ""
        out.append(term.isEmpty || term == "dumb"
                   ? Finding(level: .note, text: t(.drNoTerminal, [term]))
                   : Finding(level: .ok, text: t(.drTerminal, [term])))
        if env["TMUX"] != nil, let escape = Self.tmuxEscapeTime(), escape > 25 {
            out.append(Finding(level: .note, text: t(.drTmux, [escape])))
        }
        return out
    }

    static func tmuxEscapeTime() -> Int? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux", "show-options", "-sv", "escape-time"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Int(String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
