import KriyaText

/// The bottom line, htop style: each key in its own colour, then what it does. When the
/// items do not fit they are dropped whole, from the next-to-last backwards (the first is
/// help and the last is how to leave: both stay); a label is never cut mid-word.
public enum KeyBar {
    public static func render(_ items: [(key: String, label: String)], into grid: inout Grid, row: Int) {
        grid.fill(Rect(x: 0, y: row, width: grid.width, height: 1), role: .keyBar)
        var shown = items
        let width = { (item: (key: String, label: String)) in DisplayWidth.of(item.key) + DisplayWidth.of(item.label) + 1 }
        while shown.count > 2, shown.map(width).reduce(0, +) > grid.width { shown.remove(at: shown.count - 2) }
        var x = 0
        for item in shown where x < grid.width {
            x += grid.put(item.key, x: x, y: row, role: .keyBarKey)
            x += grid.put(item.label + " ", x: x, y: row, role: .keyBar)
        }
    }
}
