import Testing
@testable import Console

/// Issue 32: both of the console's string tables hold every key, with the same placeholders
/// (a missing Indonesian text would show the English one on an Indonesian screen).
@Suite struct UIStringTableTests {
    @Test func bothLanguagesHaveEveryConsoleTextWithTheSamePlaceholders() {
        let placeholders = { (s: String) in (0..<8).filter { s.contains("{\($0)}") || s.contains("{\($0)|") } }
        for key in UIKey.allCases {
            let en = UIStringsEN.table[key], id = UIStringsID.table[key]
            #expect(en != nil, "English lacks \(key)")
            #expect(id != nil, "Indonesian lacks \(key)")
            #expect(placeholders(en ?? "") == placeholders(id ?? ""), "\(key): \(en ?? "") / \(id ?? "")")
        }
        #expect(UIStringsEN.table.count == UIKey.allCases.count && UIStringsID.table.count == UIKey.allCases.count)
    }
}
