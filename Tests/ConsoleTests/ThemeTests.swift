import Foundation
import Testing
@testable import TextUI
@testable import ThemeFiles
import KriyaText
import KriyaStore

@Suite struct ThemeTests {
    /// Issue 31, finding 7: a theme with a control character is refused with its line, never a crash.
    @Test func aThemeWithAControlCharacterIsRefused() {
        #expect(throws: ThemeError(file: "mine.toml", problem: "line 2: a control character (U+000C) is not allowed in TOML")) {
            try Theme.parse("name = \"mine\"\n[\u{0C}g]\n", file: "mine.toml")
        }
    }

    /// Found by scripts/fuzz.sh (TOML targets): a table name starting with a character toml++
    /// does not expect (`[+a]`, `[é]`, a lone `[`, `[[[`) aborted the process in its parser;
    /// every TOML reader now refuses it, naming the line. Before, this test crashed the runner.
    @Test func aTableNameTheParserWouldAbortOnIsRefused() {
        for (text, line) in [("name = \"x\"\n[+a]\n", 2), ("[é]\nfg = 1\n", 1), ("[\nnormal]\n", 1), ("[[[[ \n", 1), ("[[+b]]\n", 1)] {
            #expect(throws: ThemeError(file: "t.toml", problem: "line \(line): a table name ([name]) must start with a letter, a digit, - or _, or be quoted")) {
                try Theme.parse(text, file: "t.toml")
            }
            guard case .failure = AccessFile.parse(text) else { Issue.record("access file accepted \(text)"); continue }
        }
        // What a person writes still reads: quoted names, arrays of tables, brackets inside strings.
        #expect(TOMLGuard.problem(in: "[\"tab key\"]\nfg = 1\n[[x]]\n[ y ]\ntext = \"\"\"\n[+not a table]\n\"\"\"\n") == nil)
    }

    static let themesFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("themes")

    @Test func theBuiltInThemesAreTheFilesInThemesFolder() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.themesFolder.path).filter { $0.hasSuffix(".toml") }
        #expect(Set(files.map { String($0.dropLast(5)) }) == Set(BuiltinThemes.files.keys))
        for file in files {
            let text = try String(contentsOf: Self.themesFolder.appendingPathComponent(file), encoding: .utf8)
            #expect(BuiltinThemes.files[String(file.dropLast(5))] == text, "run scripts/embed-themes.sh after changing \(file)")
        }
        #expect(Set(ThemeCatalog.builtinNames).isSuperset(of: ["default", "light", "high-contrast", "monochrome", "batik"]))
    }

    @Test func everyBuiltInThemeGivesEveryRoleA8ColourValue() throws {
        for name in ThemeCatalog.builtinNames {
            // The default and monochrome themes are complete; the others lean on the default.
            let complete = name == "default" || name == "monochrome"
            let theme = try Theme.parse(BuiltinThemes.files[name]!, file: name, base: complete ? nil : ThemeCatalog.defaultTheme)
            #expect(Role.allCases.allSatisfy { theme.styles[$0] != nil }, "\(name)")
        }
        #expect(ThemeCatalog.monochrome.styles.values.allSatisfy { $0.fg == .terminalDefault && $0.fg256 == nil })
        #expect(ThemeCatalog.monochrome.style(.selected).reverse)
    }

    @Test func aBrokenThemeFileFallsBackWithAMessageNamingFileAndProblem() throws {
        let dir = NSTemporaryDirectory() + "kriya-themes-\(UUID().uuidString.prefix(6))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "name = \"Mine\"\n[selected]\nfg = \"purple\"\nbg = \"black\"\n".write(toFile: dir + "/mine.toml", atomically: true, encoding: .utf8)
        try "name = \"Torn\"\n[selected\nfg = 1\n".write(toFile: dir + "/torn.toml", atomically: true, encoding: .utf8)
        try "name = \"Ok\"\n[selected]\nfg = \"white\"\nbg = \"red\"\n".write(toFile: dir + "/ok.toml", atomically: true, encoding: .utf8)

        let bad = ThemeCatalog.choose("mine", userDirectory: dir, colors: 256, noColor: false)
        #expect(bad.theme == ThemeCatalog.defaultTheme)
        #expect(bad.warning?.contains("mine.toml") == true && bad.warning?.contains("[selected] fg must be one of") == true)

        let torn = ThemeCatalog.choose("torn", userDirectory: dir, colors: 256, noColor: false)
        #expect(torn.theme == ThemeCatalog.defaultTheme)
        #expect(torn.warning?.contains("torn.toml: line 2") == true, "\(torn.warning ?? "")")

        // A user theme that sets one role takes the rest from the default.
        let ok = ThemeCatalog.choose("ok", userDirectory: dir, colors: 8, noColor: false)
        #expect(ok.warning == nil)
        #expect(ok.theme.style(.selected).bg == .red)
        #expect(ok.theme.style(.title) == ThemeCatalog.defaultTheme.style(.title))

        // Issue 14, finding 13: a path is a file, not a theme name.
        let file = ThemeCatalog.choose(dir + "/ok.toml", userDirectory: nil, colors: 256, noColor: false)
        #expect(file.warning == nil && file.theme.style(.selected).bg == .red)
        let missing = ThemeCatalog.choose("./nowhere.toml", userDirectory: dir, colors: 256, noColor: false)
        #expect(missing.theme == ThemeCatalog.defaultTheme && missing.warning?.contains("./nowhere.toml") == true, "\(missing.warning ?? "")")
    }

    @Test func noColorAndColourlessTerminalsGetMonochrome() {
        #expect(ThemeCatalog.choose("batik", userDirectory: nil, colors: 256, noColor: true).theme == ThemeCatalog.monochrome)
        let plain = ThemeCatalog.choose("batik", userDirectory: nil, colors: 0, noColor: false)
        #expect(plain.theme == ThemeCatalog.monochrome && plain.warning?.contains("no colours") == true)
        let unknown = ThemeCatalog.choose("sogan", userDirectory: nil, colors: 256, noColor: false)
        #expect(unknown.theme == ThemeCatalog.defaultTheme && unknown.warning?.contains("no theme named \"sogan\"") == true)
        #expect(ThemeCatalog.choose("batik", userDirectory: nil, colors: 256, noColor: false).theme.name == "Batik Malangan")
    }
}

/// What a terminal that is not UTF-8 is sent instead.
@Suite struct AsciiFallbackTests {
    @Test func boxesMarksAndAccentsBecomeASCII() {
        #expect(["┌", "─", "│", "█", "▀", "✓", "⚠", "·", "…", "→"].map(AsciiFallback.text) == ["+", "-", "|", "#", "#", "v", "!", ".", ".", ">"])
        #expect(AsciiFallback.text("é") == "e" && AsciiFallback.text("Ñ") == "N" && AsciiFallback.text("漢") == "?")
        #expect(AsciiFallback.text("a") == "a" && AsciiFallback.text("") == "")
        // The command line's output, a line at a time: columns stay where they were.
        #expect(AsciiFallback.line("José  Dinoyo → Lowokwaru\n────  ✓") == "Jose  Dinoyo > Lowokwaru\n----  v")
    }
}
