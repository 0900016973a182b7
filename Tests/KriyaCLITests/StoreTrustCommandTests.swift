import Foundation
import Testing
@testable import KriyaCore
@testable import KriyaStore

/// The store's promises as the command line meets them (issue 12): data and input that
/// would have crashed a command get a message naming the field instead.
@Suite struct StoreTrustCommandTests {
    let data = TempFolder("trust")

    @Test func aHugePriceIsAFieldErrorNotACrash() throws {
        let r = try Kriya.run(["add", "artisan", "--data", data.path, "--name", "Siti", "--phone", "0812-0000-1234",
                               "--kelurahan", "Dinoyo", "--business", "Keramik Siti", "--category", "keramik",
                               "--product", "Vas=9300000000000000000"])
        #expect(r.status == 65, "\(r.stderr)")
        #expect(r.stderr.contains("--product 1 (price)"))

        let csv = data.path + "-big-price.csv"
        FileManager.default.createFile(atPath: csv, contents: Data("""
            Nama;No HP;Kelurahan;Nama Usaha;Kategori;Produk
            Siti;0812-0000-1234;Dinoyo;Keramik Siti;Keramik;Vas=9300000000000000000
            Budi;0812-0000-5678;Dinoyo;Keramik Budi;Keramik;Vas=75.000

            """.utf8))
        defer { try? FileManager.default.removeItem(atPath: csv) }
        let dry = try Kriya.run(["import", "artisans", csv, "--dry-run", "--data", data.path])
        #expect(dry.status == 65, "\(dry.stderr)")
        #expect(dry.stdout.contains("row 2") || dry.stdout.contains("Row 2"), "\(dry.stdout)")
    }

    @Test func aDeeplyNestedLineIsReportedByCheck() throws {
        #expect(try Kriya.run(["demo", "--data", data.path, "--artisans", "20"]).status == 0)
        let store = try Store(path: data.path)
        let journal = data.path + "/" + (store.currentFile(.journal) ?? "")
        var line = Array(("{\"at\":\"x\",\"user\":\"u\",\"cmd\":\"c\",\"y\":" + String(repeating: "[", count: 70_000)
                          + String(repeating: "]", count: 70_000)).utf8)
        SealedLine.seal(&line)
        let handle = try #require(FileHandle(forWritingAtPath: journal))
        handle.seekToEndOfFile()
        handle.write(Data(line))
        handle.closeFile()
        let check = try Kriya.run(["check", "--data", data.path])
        #expect(check.status == 1, "\(check.stderr)")
        #expect(check.stdout.contains("nested too deeply"), "\(check.stdout)")
        let find = try Kriya.run(["find", "a", "--data", data.path])
        #expect(find.status == 0, "\(find.stderr)")
    }
}
