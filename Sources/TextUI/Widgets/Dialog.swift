import KriyaText

/// A question in a box over the screen: a title, a few wrapped lines that say what will
/// happen, and the keys that answer it.
public struct Dialog: Equatable, Sendable {
    public var title: String
    public var text: String
    public var keys: String

    public init(title: String, text: String, keys: String) {
        self.title = title
        self.text = text
        self.keys = keys
    }

    /// Draws the box centred in `area`, at most 64 cells wide.
    public func render(into grid: inout Grid, area: Rect) {
        let inner = min(area.width - 4, 64)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .flatMap { Wrap.lines(TerminalSafe.text(String($0)), width: inner - 2) }
        let height = min(area.height, lines.count + 4)
        let box = Rect(x: area.x + (area.width - inner - 2) / 2, y: area.y + max(0, (area.height - height) / 2),
                       width: inner + 2, height: height)
        grid.fill(box, role: .normal)
        grid.put("┌" + String(repeating: "─", count: inner) + "┐", x: box.x, y: box.y, role: .border)
        grid.put(" " + TerminalSafe.text(title) + " ", x: box.x + 2, y: box.y, role: .header, limit: inner - 2)
        for row in 1..<(height - 1) {
            grid.put("│", x: box.x, y: box.y + row, role: .border)
            grid.put("│", x: box.x + inner + 1, y: box.y + row, role: .border)
        }
        for (i, line) in lines.prefix(height - 4).enumerated() {
            grid.put(line, x: box.x + 2, y: box.y + 1 + i, role: .normal, limit: inner - 2)
        }
        grid.put(keys, x: box.x + 2, y: box.y + height - 2, role: .keyBarKey, limit: inner - 2)
        grid.put("└" + String(repeating: "─", count: inner) + "┘", x: box.x, y: box.y + height - 1, role: .border)
    }
}
