import Testing
import QRCode

/// The QR codes of participant cards (issue 15), made by libqrencode.
@Suite struct QRCodeTests {
    @Test func anIdBecomesASmallSquareCode() throws {
        let code = try #require(QRCode("A-000123"))
        // Version 1 (21 modules) holds 8 bytes at level M; the three finder patterns are there.
        #expect(code.size == 21 && code.modules.count == 441)
        for (x, y) in [(0, 0), (20, 0), (0, 20)] { #expect(code.dark(x, y)) }
        #expect(!code.dark(7, 7) && code.dark(-1, 0) == false)
        let svg = code.svg(millimetres: 28)
        #expect(svg.hasPrefix("<svg") && svg.contains("width=\"28mm\"") && svg.contains("viewBox=\"0 0 29 29\""))
        // Two module rows a line, with the quiet zone: (21 + 4) / 2 rounded up.
        let lines = code.halfBlocks()
        #expect(lines.count == 13 && lines.allSatisfy { $0.count == 25 })
        #expect(QRCode("A-000123") == code && QRCode("A-000124") != code)
    }
}
