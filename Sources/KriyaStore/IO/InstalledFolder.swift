#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KriyaText
import TOMLKit

/// The office server's deployment (docs/store.md, "The data reached only through Kriya").
/// `scripts/install.sh` installs `kriya` setgid to a group no staff member is in, and puts the
/// data folder behind a gate folder only that group may enter:
///
///     /srv/kriya                 root:kriya  0710   the gate: nobody else may pass it
///     /srv/kriya/data            root:root   0777   the data (safe: reachable only past the gate)
///     /srv/kriya/data-backups    root:root   0777   `kriya backup`'s copies
///     <prefix>/etc/kriya/site.toml   data = "/srv/kriya/data"   (root's, read-only)
///
/// At start, before anything of the user's (options, environment, config, themes) is read,
/// `claim()` opens the two folders through the gate and then gives the group up for good
/// (real, effective and saved). From then on the process has exactly its user's rights plus
/// two open folders: every data file is reached relative to them (`GatedFileIO`), and
/// whatever path a user names (`--data`, an export, a theme) is opened with the user's own
/// rights, which cannot pass the gate.
public struct InstalledFolder: Sendable {
    /// The data folder as the site file names it.
    public let path: String
    let data: Int32
    /// The backups folder beside it (`<data>-backups`), when install.sh made it.
    let backups: Int32?

    /// The folder opened at start; nil when this is not an installed Kriya or the gate would
    /// not open (then `problem` says why).
    nonisolated(unsafe) public private(set) static var claimed: InstalledFolder?
    /// What the site file names, when there is one.
    nonisolated(unsafe) public private(set) static var sitePath: String?
    /// Why the site's folder could not be opened: said when someone asks for it.
    nonisolated(unsafe) public private(set) static var problem: String?

    /// The site file beside the installed program: `<prefix>/etc/kriya/site.toml` for
    /// `<prefix>/bin/kriya` (the kernel's path of this program, not `argv[0]`).
    public static var siteFile: String? {
        guard let exe = ownExecutable() else { return nil }
        let bin = exe.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let prefix = bin.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return prefix + "/etc/kriya/site.toml"
    }

    public static func ownExecutable() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Called first thing by the program. Opens the installed data folder when there is one,
    /// then drops the group this program runs setgid to, whatever happened. Exits (never runs
    /// on with the group) if the group cannot be dropped.
    public static func claim() {
        defer { dropGroup() }
        guard let site = siteFile, let data = readSite(site) else { return }
        sitePath = data
        do throws(GateProblem) { claimed = try open(data) } catch { problem = error.text }
    }

    /// The data folder the site file names, when the file is root's and nobody else may
    /// change it (nor the folder holding it); nil otherwise.
    static func readSite(_ file: String) -> String? {
        let folder = String(file[..<file.lastIndex(of: "/")!])
        var info = stat()
        guard lstat(folder, &info) == 0, info.st_uid == 0, info.st_mode & 0o022 == 0 else { return nil }
        let fd = Glibc.open(file, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, info.st_uid == 0,
              info.st_mode & 0o022 == 0, info.st_size < 65_536 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        guard read(fd, &bytes, bytes.count) == bytes.count, let text = String(validating: bytes, as: UTF8.self) else { return nil }
        return siteData(text)
    }

    /// The site file's `data`: an absolute folder (control characters refused before the
    /// TOML parser, which aborts on some).
    static func siteData(_ text: String) -> String? {
        guard TOMLGuard.problem(in: text) == nil, let table = try? TOMLTable(string: text),
              let data = table["data"]?.string, data.hasPrefix("/"), data.count > 1 else { return nil }
        return data.hasSuffix("/") ? String(data.dropLast()) : data
    }

    struct GateProblem: Error { let text: String }

    /// Linux's O_PATH (a _GNU_SOURCE name Swift's Glibc does not show): a handle to pass
    /// through a folder without the right to list it.
    static let openPath: Int32 = 0o10000000

    /// Opens `data` and `<data>-backups` through their parent, the gate, checking that the
    /// gate is root's and closed to everyone outside its group.
    static func open(_ data: String) throws(GateProblem) -> InstalledFolder {
        let slash = data.lastIndex(of: "/")!
        let gatePath = slash == data.startIndex ? "/" : String(data[..<slash])
        let name = String(data[data.index(after: slash)...])
        // O_PATH: the program's group may pass the gate (x), not list it (r).
        let gate = Glibc.open(gatePath, openPath | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard gate >= 0 else {
            throw GateProblem(text: "\(gatePath): \(String(cString: strerror(errno))); the office data is reached only through the installed kriya (setgid), as scripts/install.sh sets it up")
        }
        defer { close(gate) }
        var info = stat()
        guard fstat(gate, &info) == 0 else { throw GateProblem(text: "\(gatePath): cannot be examined") }
        let setgid = getegid() != getgid()
        guard info.st_uid == 0, info.st_mode & 0o007 == 0, info.st_mode & 0o020 == 0, !setgid || info.st_gid == getegid() else {
            throw GateProblem(text: "\(gatePath) is not closed as install.sh makes it (root's, group of the program, mode 0710); nothing is opened. Fix: sudo scripts/install.sh again, or kriya doctor")
        }
        let folder = openat(gate, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard folder >= 0 else { throw GateProblem(text: "\(data): \(String(cString: strerror(errno)))") }
        let backups = openat(gate, name + "-backups", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        return InstalledFolder(path: data, data: folder, backups: backups >= 0 ? backups : nil)
    }

    /// Gives up the group this program runs setgid to: real, effective and saved alike, so it
    /// can never be taken back. A program that cannot do so stops here.
    static func dropGroup() {
        let real = getgid(), program = getegid()
        guard program != real else { return }
        // Setting the real group as well makes the saved one follow (setregid(2)); proved
        // below by failing to take the program's group back (root always could: it needs none).
        guard setregid(real, real) == 0, getegid() == real, geteuid() == 0 || setegid(program) != 0 else {
            _ = "kriya: cannot give up its group; stopping\n".withCString { Glibc.write(2, $0, strlen($0)) }
            _exit(70)
        }
    }

    /// The file operations for the store at `path`: through the opened folders when `path`
    /// is the installed folder, otherwise nil (a folder of the user's own, opened as usual).
    public static func io(for path: String) -> GatedFileIO? {
        guard let claimed else { return nil }
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        return trimmed == claimed.path ? GatedFileIO(claimed) : nil
    }

    /// Free space on the data's disk (for `kriya doctor`, who cannot look it up by path).
    public var freeBytes: Int64? {
        var fs = statvfs()
        guard fstatvfs(data, &fs) == 0 else { return nil }
        return Int64(fs.f_bavail) * Int64(fs.f_frsize)
    }

    /// Whether `path` names the installed folder (then a user who cannot open it is told why).
    public static func isSite(_ path: String) -> Bool {
        guard let sitePath else { return false }
        return (path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path) == sitePath
    }
}
