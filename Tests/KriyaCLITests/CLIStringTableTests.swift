import Foundation
import Testing
@testable import KriyaCLI
@testable import KriyaCore

/// Issue 32, finding 6: the command line's texts are in its own tables, both complete; the
/// core's table holds only words some other layer (the console, the documents, the store) uses.
@Suite struct CLIStringTableTests {
    @Test func bothLanguagesHaveEveryCommandLineTextWithTheSamePlaceholders() {
        let placeholders = { (s: String) in (0..<8).filter { s.contains("{\($0)}") || s.contains("{\($0)|") } }
        for key in CLIKey.allCases {
            let en = CLIStringsEN.table[key], id = CLIStringsID.table[key]
            #expect(en != nil, "English lacks \(key)")
            #expect(id != nil, "Indonesian lacks \(key)")
            #expect(placeholders(en ?? "") == placeholders(id ?? ""), "\(key): \(en ?? "") / \(id ?? "")")
        }
        #expect(CLIStringsEN.table.count == CLIKey.allCases.count && CLIStringsID.table.count == CLIKey.allCases.count)
        #expect(CLIText.text(.cShownOfTotal, .id, 3, 10, 300) == "3 ditampilkan dari 10 yang cocok (300 pelaku IKM seluruhnya)")
    }

    /// Read from the sources: a core text that only the command line uses belongs in its table.
    @Test func noCoreTextIsTheCommandLinesAlone() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources")
        var text: [(folder: String, body: String)] = []
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let file = files?.nextObject() as? URL {
            guard file.pathExtension == "swift", !["TextKey.swift", "StringsEN.swift", "StringsID.swift"].contains(file.lastPathComponent)
            else { continue }
            let folder = file.path.dropFirst(sources.path.count + 1).prefix { $0 != "/" }
            text.append((String(folder), try String(contentsOf: file, encoding: .utf8)))
        }
        #expect(text.count > 100)
        var cliOnly: [TextKey] = []
        for key in TextKey.allCases {
            let pattern = try Regex("\\.\(key.rawValue)\\b")
            let users = Set(text.filter { $0.body.contains(pattern) }.map(\.folder))
            if users == ["KriyaCLI"] { cliOnly.append(key) }
            #expect(!users.isEmpty, "\(key) is used nowhere")
        }
        #expect(cliOnly.isEmpty, "only the command line uses \(cliOnly): move them to CLIKey")
    }
}
