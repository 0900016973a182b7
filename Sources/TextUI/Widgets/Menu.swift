import KriyaText

/// A boxed list of choices drawn over the screen (the F9 menu, the filter pickers).
public struct Menu: Equatable, Sendable {
    public var title: String
    public var items: [String]
    public var selected = 0
    /// Items that cannot be chosen now: drawn greyed.
    public var disabled: Set<Int>

    public init(title: String, items: [String], selected: Int = 0, disabled: Set<Int> = []) {
        self.title = title
        self.items = items
        self.selected = max(0, min(selected, items.count - 1))
        self.disabled = disabled
    }

    public mutating func move(_ delta: Int) {
        guard !items.isEmpty else { return }
        selected = (selected + delta + items.count) % items.count
    }

    /// Draws the box centred in `area`, or dropped down from `anchor` (a menu-bar title), as
    /// tall as the items allow (scrolling past that).
    public func render(into grid: inout Grid, area: Rect, anchor: Int? = nil) {
        let inner = min(area.width - 4, max(DisplayWidth.of(title) + 2, items.map { DisplayWidth.of($0) }.max() ?? 0) + 2)
        let visible = min(items.count, max(1, area.height - 2))
        let x = anchor.map { min($0, area.x + area.width - inner - 2) } ?? area.x + (area.width - inner - 2) / 2
        let y = anchor == nil ? area.y + max(0, (area.height - visible - 2) / 2) : area.y
        let box = Rect(x: x, y: y, width: inner + 2, height: visible + 2)
        grid.fill(box, role: .normal)
        grid.put("┌" + String(repeating: "─", count: inner) + "┐", x: box.x, y: box.y, role: .border)
        grid.put(" " + title + " ", x: box.x + 2, y: box.y, role: .header, limit: inner - 2)
        let first = Scroll.offset(selected: selected, current: 0, visible: visible, count: items.count)
        for i in 0..<visible {
            let y = box.y + 1 + i
            let item = first + i
            grid.put("│", x: box.x, y: y, role: .border)
            let role: Role = item == selected ? .selected : disabled.contains(item) ? .muted : .normal
            grid.put(DisplayWidth.pad(" " + items[item], toCells: inner), x: box.x + 1, y: y, role: role)
            grid.put("│", x: box.x + inner + 1, y: y, role: .border)
        }
        grid.put("└" + String(repeating: "─", count: inner) + "┘", x: box.x, y: box.y + visible + 1, role: .border)
    }
}
