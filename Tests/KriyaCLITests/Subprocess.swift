import Foundation
import Testing

/// Runs the real `kriya` binary, as a person or a script would.
enum Kriya {
    /// The binary SwiftPM built beside this test bundle.
    static let binary: String = {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        // swift test runs `<build>/debug/KriyaPackageTests.xctest`; the binary is in `<build>/debug/`.
        while !FileManager.default.fileExists(atPath: dir.appendingPathComponent("kriya").path), dir.path != "/" {
            dir = dir.deletingLastPathComponent()
        }
        return dir.appendingPathComponent("kriya").path
    }()

    /// The binary where any account may run it: the build folder may sit in a folder only its
    /// owner may enter (a clone under `/root`), and then another user's `exec` fails (126).
    /// A copy in a world-readable temporary folder, made once per test process.
    static let binaryForAnyone: String = {
        let folder = NSTemporaryDirectory() + "kriya-bin-\(getpid())"
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        chmod(folder, 0o755)
        let copy = folder + "/kriya"
        try? FileManager.default.removeItem(atPath: copy)
        guard (try? FileManager.default.copyItem(atPath: binary, toPath: copy)) != nil else { return binary }
        chmod(copy, 0o755)
        atexit { try? FileManager.default.removeItem(atPath: NSTemporaryDirectory() + "kriya-bin-\(getpid())") }
        return copy
    }()

    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static func environment(_ extra: [String: String]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "en_US.UTF-8"
        env["LC_ALL"] = nil
        env["COLUMNS"] = "160"
        env["SWIFT_BACKTRACE"] = "enable=no"
        for (k, v) in extra { env[k] = v }
        return env
    }

    @discardableResult
    static func run(_ args: [String], env: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = args
        process.environment = environment(env)
        // stdout through a pipe; stderr to a file, so neither can fill up and stall the child.
        let out = Pipe()
        let errFile = NSTemporaryDirectory() + "kriya-stderr-\(UUID().uuidString)"
        FileManager.default.createFile(atPath: errFile, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: errFile) }
        process.standardOutput = out
        process.standardError = FileHandle(forWritingAtPath: errFile)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let errData = FileManager.default.contents(atPath: errFile) ?? Data()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }

    /// Starts `kriya` with stdout going to a file; returns the running process.
    static func start(_ args: [String], stdoutFile: String) throws -> Process {
        // createFile replaces whatever is there: a device such as /dev/null would become a file.
        precondition(!stdoutFile.hasPrefix("/dev/"), "start needs a real file for stdout")
        FileManager.default.createFile(atPath: stdoutFile, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = args
        process.environment = environment([:])
        process.standardOutput = FileHandle(forWritingAtPath: stdoutFile)
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return process
    }
}

final class TempFolder {
    let path: String
    init(_ name: String) { path = NSTemporaryDirectory() + "kriya-cli-\(name)-\(UUID().uuidString.prefix(8))" }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

extension Kriya {
    /// Runs `kriya` with all output discarded and returns its exit status and peak memory
    /// (maximum resident set size, in kilobytes) as the kernel counted it for that child alone.
    static func measure(_ args: [String]) -> (status: Int32, maxRSSKB: Int) {
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY, 0)
        }
        let argv = ([binary] + args).map { strdup($0) } + [nil]
        let envp = environment([:]).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        guard posix_spawn(&pid, binary, &actions, nil, argv, envp) == 0 else { return (-1, 0) }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        return ((status >> 8) & 0xFF, usage.ru_maxrss)
    }
}

extension TempFolder {
    /// The path of the file `stem` ("artisans", "journal"…) of the generation `kriya.json`
    /// names now, e.g. `…/artisans.000002.jsonl`.
    func current(_ stem: String) -> String {
        let manifest = (try? String(contentsOfFile: path + "/kriya.json", encoding: .utf8)) ?? ""
        let digits = manifest.range(of: #""generation":[0-9]+"#, options: .regularExpression)
            .map { String(manifest[$0].split(separator: ":")[1]) } ?? "0"
        return path + "/" + stem + "." + String(repeating: "0", count: max(0, 6 - digits.count)) + digits + ".jsonl"
    }
}

/// Runs `command` with bash, stdout and stderr together, as this process or, with `user`, as
/// that account with its own groups (setpriv; the tests that make accounts run as root).
/// `environment` nil: this process's.
func shell(_ command: String, as user: String? = nil, environment: [String: String]? = nil) -> (status: Int32, out: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: user == nil ? "/bin/bash" : "/usr/bin/setpriv")
    process.arguments = (user.map { ["--reuid=\($0)", "--regid=\($0)", "--init-groups", "--inh-caps=-all", "/bin/bash"] } ?? []) + ["-c", command]
    if let environment { process.environment = environment }
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    process.standardInput = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return (-1, "") }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
