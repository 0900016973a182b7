import Testing
@testable import KriyaText

@Suite struct DisplayWidthTests {
    @Test func asciiIsOneCellEach() {
        #expect(DisplayWidth.of("Batik Malang") == 12)
    }

    @Test func wideAndZeroWidthCharacters() {
        #expect(DisplayWidth.of("漢字") == 4)
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("e\u{301}") == 1)          // e + combining acute
        #expect(DisplayWidth.of("\u{200B}") == 0)           // zero-width space
        #expect(DisplayWidth.of("가나") == 4)               // Hangul syllables
    }

    @Test func truncateCountsCellsNotCharacters() {
        #expect(DisplayWidth.truncate("Keramik Dinoyo", toCells: 8) == "Keramik…")
        #expect(DisplayWidth.truncate("漢字漢字", toCells: 5) == "漢字…")
        #expect(DisplayWidth.of(DisplayWidth.truncate("漢字漢字", toCells: 4)) <= 4)
        #expect(DisplayWidth.truncate("short", toCells: 10) == "short")
        #expect(DisplayWidth.truncate("anything", toCells: 0) == "")
    }

    @Test func padReachesExactWidth() {
        for text in ["", "abc", "漢字", "Rahayu Wati", "😀 ok"] {
            for cells in [1, 3, 6, 12] {
                #expect(DisplayWidth.of(DisplayWidth.pad(text, toCells: cells)) == cells)
            }
        }
        #expect(DisplayWidth.pad("7", toCells: 3, alignRight: true) == "  7")
    }
}

@Suite struct TerminalSafeTests {
    @Test func plainTextIsUnchanged() {
        #expect(TerminalSafe.text("Siti Rahayu — Keramik Sekar, Dinoyo") == "Siti Rahayu — Keramik Sekar, Dinoyo")
    }

    @Test func escapeSequencesAreShownNotSent() {
        let hostile = "Budi\u{1B}[2J\u{1B}]0;owned\u{07}"
        let safe = TerminalSafe.text(hostile)
        #expect(safe == "Budi\\e[2J\\e]0;owned\\x07")
        #expect(!safe.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
    }

    @Test func c1ControlsAndBidiOverridesAreEscaped() {
        #expect(TerminalSafe.text("a\u{9B}31m") == "a\\u009B31m")
        #expect(TerminalSafe.text("abc\u{202E}fed") == "abc\\u202Efed")
        #expect(TerminalSafe.text("x\u{7F}") == "x\\x7F")
    }

    @Test func newlinesAreEscapedUnlessKept() {
        #expect(TerminalSafe.text("a\nb\tc\r") == "a\\nb\\tc\\r")
        #expect(TerminalSafe.text("a\nb", keepNewlines: true) == "a\nb")
    }
}

@Suite struct FoldTests {
    @Test func caseAndDiacriticsFold() {
        #expect(Fold.string("Éndang SUKUN") == "endang sukun")
        #expect(Fold.string("Réni Ñoño") == "reni nono")
    }

    @Test func compactIgnoresSpacesAndHyphens() {
        #expect(Fold.compact("Oro-oro Dowo") == "oroorodowo")
        #expect(Fold.compact("oro oro dowo") == Fold.compact("OroOroDowo"))
    }
}
