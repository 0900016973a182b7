import Testing
@testable import CursesTerminal
import TextUI

@Suite struct KeyDecoderTests {
    @Test func escapeFormsOfFunctionKeysAndAlt() {
        #expect(KeyDecoder.afterEscape([]) == .escape)
        #expect(KeyDecoder.afterEscape(["1"]) == .f(1))
        #expect(KeyDecoder.afterEscape(["0"]) == .f(10))
        #expect(KeyDecoder.afterEscape(["F"]) == .alt("f"))
        #expect(KeyDecoder.afterEscape(["\u{7F}"]) == .backspace)
    }

    @Test func rawSequencesVT100Sends() {
        #expect(KeyDecoder.afterEscape(Array("[15~")) == .f(5))
        #expect(KeyDecoder.afterEscape(Array("[21~")) == .f(10))
        #expect(KeyDecoder.afterEscape(Array("OP")) == .f(1))
        #expect(KeyDecoder.afterEscape(Array("[1~")) == .home)
        #expect(KeyDecoder.afterEscape(Array("[4~")) == .end)
        #expect(KeyDecoder.afterEscape(Array("OH")) == .home)
        #expect(KeyDecoder.afterEscape(Array("[Z")) == .backTab)
        #expect(KeyDecoder.afterEscape(Array("[99~")) == .escape)
    }

    @Test func controlCharacters() {
        #expect(KeyDecoder.character("\r") == .enter)
        #expect(KeyDecoder.character("\t") == .tab)
        #expect(KeyDecoder.character("\u{7F}") == .backspace)
        #expect(KeyDecoder.character("\u{13}") == .ctrl("s"))
        #expect(KeyDecoder.character("\u{03}") == .ctrl("c"))
        #expect(KeyDecoder.character("é") == .char("é"))
        #expect(KeyDecoder.character("漢") == .char("漢"))
    }
}
