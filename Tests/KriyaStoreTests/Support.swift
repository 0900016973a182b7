import Foundation
import Testing
@testable import KriyaCore
@testable import KriyaStore

/// A fresh, empty folder for one test, removed at the end.
final class TempDir: Sendable {
    let path: String
    init(_ name: String = "store") {
        path = NSTemporaryDirectory() + "kriya-test-\(name)-\(UUID().uuidString.prefix(8))"
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }
    func read(_ name: String) -> [UInt8] { Array(FileManager.default.contents(atPath: file(name)) ?? Data()) }
    func write(_ name: String, _ bytes: [UInt8]) { FileManager.default.createFile(atPath: file(name), contents: Data(bytes)) }
    func text(_ name: String) -> String { String(decoding: read(name), as: UTF8.self) }

    /// The file of `kind` in the generation `kriya.json` names now (`journal.000003.jsonl`).
    func name(_ kind: DataFile) -> String {
        let manifest = text("kriya.json")
        let digits = manifest.range(of: #""generation":[0-9]+"#, options: .regularExpression).map { manifest[$0].split(separator: ":")[1] }
        return kind.name(Int(digits ?? "0") ?? 0)
    }
}

enum S {
    static let today = CivilDate(year: 2026, month: 11, day: 29)!
    static let ctx = CommandContext(user: "tester", today: today, time: ClockTime(hour: 9, minute: 0)!)

    static func artisan(_ n: Int) -> Artisan {
        var a = Artisan(id: EntityID(.artisan, 1), name: "Pengrajin \(n)", phone: "0812\(String(format: "%08d", n))",
                        kelurahan: Wilayah.kelurahan[n % 57].code, business: "Usaha \(n)",
                        category: CraftCategory.allCases[n % 12])
        a.products = [Product(name: "Produk \(n)", price: Int64(n * 1000))]
        return a
    }

    /// Every record equal, revisions included.
    static func same(_ a: Dataset, _ b: Dataset) -> Bool {
        a.artisans.items == b.artisans.items && a.sessions.items == b.sessions.items && a.exhibitions.items == b.exhibitions.items
    }
}

/// Real file I/O that fails on purpose: the Nth call of a kind throws (or writes short).
final class FaultyFileIO: FileIO, @unchecked Sendable {
    enum Kind: String { case write, fsync, rename }
    let real = PosixFileIO()
    private var counts: [Kind: Int] = [:]
    private let failAt: (Kind, Int)?
    /// Instead of failing, the failing write writes only half its bytes, then fails after.
    private let shortWrite: Bool
    private(set) var tripped = false
    /// Once tripped, cutting a file back fails too (a double fault).
    var failTruncateAfter = false

    init(fail kind: Kind? = nil, at n: Int = 0, shortWrite: Bool = false) {
        failAt = kind.map { ($0, n) }
        self.shortWrite = shortWrite
    }

    private func shouldFail(_ kind: Kind) -> Bool {
        counts[kind, default: 0] += 1
        guard let (k, n) = failAt, k == kind, counts[kind] == n else { return false }
        tripped = true
        return true
    }

    func open(_ path: String, _ flags: Int32, _ mode: mode_t) throws(StoreError) -> Int32 { try real.open(path, flags, mode) }
    func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) throws(StoreError) -> Int {
        if shouldFail(.write) {
            if shortWrite && bytes.count > 1 {
                return try real.write(fd, UnsafeRawBufferPointer(rebasing: bytes[0..<(bytes.count / 2)]))
            }
            throw .io(op: "write", path: "fd \(fd)", errno: ENOSPC)
        }
        if tripped && shortWrite { throw .io(op: "write", path: "fd \(fd)", errno: ENOSPC) }
        return try real.write(fd, bytes)
    }
    func fsync(_ fd: Int32, path: String) throws(StoreError) {
        if shouldFail(.fsync) { throw .io(op: "fsync", path: path, errno: EIO) }
        try real.fsync(fd, path: path)
    }
    func close(_ fd: Int32) { real.close(fd) }
    func rename(_ from: String, _ to: String) throws(StoreError) {
        if shouldFail(.rename) { throw .io(op: "rename", path: to, errno: EIO) }
        try real.rename(from, to)
    }
    func unlink(_ path: String) { real.unlink(path) }
    func pread(_ fd: Int32, _ count: Int, at offset: Int, path: String) throws(StoreError) -> [UInt8] {
        try real.pread(fd, count, at: offset, path: path)
    }
    func stat(_ path: String) -> FileInfo? { real.stat(path) }
    func fstat(_ fd: Int32) -> FileInfo? { real.fstat(fd) }
    func fchmod(_ fd: Int32, _ mode: mode_t) { real.fchmod(fd, mode) }
    func mkdir(_ path: String, _ mode: mode_t) throws(StoreError) { try real.mkdir(path, mode) }
    func truncate(_ fd: Int32, to length: Int, path: String) throws(StoreError) {
        if tripped && failTruncateAfter { throw .io(op: "ftruncate", path: path, errno: EIO) }
        try real.truncate(fd, to: length, path: path)
    }
    func listDirectory(_ path: String) -> [String] { real.listDirectory(path) }
}
