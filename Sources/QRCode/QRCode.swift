import CQRencode

/// A QR code made by libqrencode (the maintained C library Debian ships), as a square of
/// dark and light modules; drawn as SVG for print and as half-block characters for a terminal.
/// The only user of the C library.
public struct QRCode: Sendable, Equatable {
    /// Modules per side.
    public let size: Int
    /// Row by row, true for dark.
    public let modules: [Bool]

    /// Medium error correction: a card survives a fold or a smudge. Nil when the text cannot be
    /// encoded (too long for any QR version).
    public init?(_ text: String) {
        guard let code = text.withCString({ QRcode_encodeString($0, 0, QR_ECLEVEL_M, QR_MODE_8, 1) }) else { return nil }
        defer { QRcode_free(code) }
        let width = Int(code.pointee.width)
        size = width
        let data = code.pointee.data!
        modules = (0..<(width * width)).map { data[$0] & 1 == 1 }
    }

    public func dark(_ x: Int, _ y: Int) -> Bool {
        x >= 0 && y >= 0 && x < size && y < size && modules[y * size + x]
    }

    /// An SVG of `millimetres` a side, with the four-module quiet zone scanners need; one
    /// path, so it stays small and sharp at any print resolution.
    public func svg(millimetres: Int) -> String {
        let quiet = 4, side = size + 2 * quiet
        var path = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard dark(x, y) else { x += 1; continue }
                let start = x
                while x < size && dark(x, y) { x += 1 }
                path += "M\(start + quiet) \(y + quiet)h\(x - start)v1h-\(x - start)z"
            }
        }
        let mm = millimetres
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(mm)mm\" height=\"\(mm)mm\" viewBox=\"0 0 \(side) \(side)\" shape-rendering=\"crispEdges\">"
            + "<rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/><path d=\"\(path)\" fill=\"#000\"/></svg>"
    }

    /// Lines of `▀ ▄ █` and spaces, two module rows a line, with a two-module quiet zone: dark
    /// modules as drawn characters (the terminal's text colour) on its background. Best read
    /// with dark text on a light background.
    public func halfBlocks(quiet: Int = 2) -> [String] {
        var lines: [String] = []
        var y = -quiet
        while y < size + quiet {
            var line = ""
            for x in -quiet..<(size + quiet) {
                switch (dark(x, y), dark(x, y + 1)) {
                case (true, true): line += "█"
                case (true, false): line += "▀"
                case (false, true): line += "▄"
                case (false, false): line += " "
                }
            }
            lines.append(line)
            y += 2
        }
        return lines
    }
}

