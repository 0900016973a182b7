/// A number three rows tall in block characters, readable from a step back (the counter at
/// the door on a check-in morning). Without UTF-8 it is simply the digits.
public enum BigNumber {
    private static let glyphs: [[String]] = [
        ["█▀█", "█ █", "▀▀▀"], ["▀█ ", " █ ", "▀▀▀"], ["▀▀█", "█▀▀", "▀▀▀"], ["▀▀█", " ▀█", "▀▀▀"], ["█ █", "▀▀█", "  ▀"],
        ["█▀▀", "▀▀█", "▀▀▀"], ["█▀▀", "█▀█", "▀▀▀"], ["▀▀█", "  █", "  ▀"], ["█▀█", "█▀█", "▀▀▀"], ["█▀█", "▀▀█", "▀▀▀"],
    ]

    /// The three rows of `n`, digits one cell apart.
    public static func rows(_ n: Int) -> [String] {
        let digits = String(max(0, n)).compactMap(\.wholeNumberValue)
        return (0..<3).map { r in digits.map { glyphs[$0][r] }.joined(separator: " ") }
    }

    /// Cells wide.
    public static func width(_ n: Int) -> Int { String(max(0, n)).count * 4 - 1 }
}
