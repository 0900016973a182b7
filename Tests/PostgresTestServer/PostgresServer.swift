import Foundation
import KriyaPostgres

/// A real PostgreSQL server for the tests (store and end-to-end): a temporary cluster (`initdb`, `pg_ctl`) on a
/// loopback port, started once per test process and stopped when it ends. As root it runs as
/// the `postgres` user (the server refuses root). Each test gets a database of its own.
/// When no server can be made here (Debian's `postgresql` missing), `reason` says why and the
/// PostgreSQL half of each test is skipped with that reason printed.
public final class PostgresServer: @unchecked Sendable {
    public static let shared = PostgresServer()

    public let port: Int
    public private(set) var reason: String?
    private let dir: String
    private let bin: String?
    private let lock = NSLock()
    private var databases = 0

    private init() {
        port = freeLoopbackPort()
        dir = NSTemporaryDirectory() + "kriya-pg-\(getpid())"
        bin = Self.binaries()
        guard let bin else { reason = "no initdb/pg_ctl (install Debian's postgresql)"; return }
        do { try start(bin) } catch { reason = "\(error)" }
    }

    /// A new, empty database with Kriya's tables, named for the test; nil when there is no server.
    public func database(_ name: String, migrated: Bool = true) throws -> DatabaseAddress? {
        guard reason == nil else {
            print("PostgreSQL part skipped (\(name)): \(reason!)")
            return nil
        }
        let db = lock.withLock { databases += 1; return "t\(databases)_" + name.lowercased().filter { $0.isLetter || $0.isNumber }.prefix(40) }
        try Self.run(psql, ["-X", "-q", "-h", "127.0.0.1", "-p", "\(port)", "-U", "kriya", "-d", "postgres",
                            "-c", "CREATE DATABASE \(db)"])
        let address = try DatabaseAddress(url(db))!
        if migrated { _ = try PostgresStore.migrate(address) }
        return address
    }

    public func url(_ db: String) -> String { "postgres://kriya@127.0.0.1:\(port)/\(db)" }

    public var psql: String { FileManager.default.isExecutableFile(atPath: "/usr/bin/psql") ? "/usr/bin/psql" : (bin ?? "") + "/psql" }

    private func start(_ bin: String) throws {
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let asRoot = getuid() == 0
        if asRoot { try Self.run("/bin/chown", ["postgres:postgres", dir]) }
        let wrap = { (tool: String, args: [String]) throws in
            if asRoot {
                try Self.run("/usr/bin/setpriv", ["--reuid=postgres", "--regid=postgres", "--clear-groups", bin + "/" + tool] + args)
            } else {
                try Self.run(bin + "/" + tool, args)
            }
        }
        try wrap("initdb", ["-D", dir + "/data", "-U", "kriya", "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"])
        try wrap("pg_ctl", ["-D", dir + "/data", "-l", dir + "/log", "-w", "-o",
                            "-p \(port) -k \(dir) -c listen_addresses=127.0.0.1 -c max_connections=200", "start"])
        Self.running = (bin, dir, asRoot)
        atexit {
            guard let (bin, dir, asRoot) = PostgresServer.running else { return }
            let stop = [bin + "/pg_ctl", "-D", dir + "/data", "-m", "immediate", "stop"]
            try? PostgresServer.run(asRoot ? "/usr/bin/setpriv" : stop[0],
                                    asRoot ? ["--reuid=postgres", "--regid=postgres", "--clear-groups"] + stop : Array(stop.dropFirst()))
            try? FileManager.default.removeItem(atPath: dir)
        }
    }

    nonisolated(unsafe) private static var running: (String, String, Bool)?

    /// Where `initdb` and `pg_ctl` are: Debian keeps them per version, off the PATH.
    private static func binaries() -> String? {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init).sorted()
        for v in versions.reversed() where FileManager.default.isExecutableFile(atPath: "\(root)/\(v)/bin/initdb") {
            return "\(root)/\(v)/bin"
        }
        return nil
    }

    public struct Failed: Error, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    /// Runs a tool to its end (posix_spawn and waitpid: Foundation's `Process` waits on
    /// for the server that `pg_ctl start` leaves running). Its output goes to a file.
    public static func run(_ tool: String, _ args: [String]) throws {
        let outPath = NSTemporaryDirectory() + "kriya-pg-run-\(getpid())-\(UUID().uuidString.prefix(6))"
        defer { try? FileManager.default.removeItem(atPath: outPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // Through bash, which first closes everything else this process has open: the server
        // lives on after pg_ctl, and a pipe another test was reading at that moment would never
        // see its end (a test hung so in CI).
        let argv = (["/bin/bash", "-c", closingOtherDescriptors, tool] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/bash", &actions, nil, argv, environ)
        guard spawned == 0 else { throw Failed(description: "\(tool): cannot run (\(spawned))") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        guard status == 0 else {
            let text = (try? String(contentsOfFile: outPath, encoding: .utf8)) ?? ""
            throw Failed(description: "\(tool) \(args.joined(separator: " ")): \(text)")
        }
    }
}

/// A TCP port on the loopback free now, chosen by the system (bind to port 0), for a test's
/// server: random ports collide with each other and with whatever else runs (issue 32).
public func freeLoopbackPort() -> Int {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard fd >= 0 else { return 0 }
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    address.sin_port = 0
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    let bound = withUnsafeMutablePointer(to: &address) { p in
        p.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
    }
    return bound ? Int(UInt16(bigEndian: address.sin_port)) : 0
}

/// A bash script that closes every descriptor but 0–2, then runs its arguments (`bash -c SCRIPT
/// TOOL ARGS…`): for a test's daemons (PostgreSQL, tmux, sshd), which live on and would keep open
/// a pipe another test was reading when they started, so that it never sees its end.
public let closingOtherDescriptors = #"for fd in /proc/$$/fd/*; do fd=${fd##*/}; [ "$fd" -gt 2 ] && eval "exec $fd>&-" 2>/dev/null; done; exec "$0" "$@""#
