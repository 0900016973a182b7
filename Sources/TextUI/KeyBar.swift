/// The bottom line, htop style: each key in its own colour, then what it does.
public enum KeyBar {
    public static func render(_ items: [(key: String, label: String)], into grid: inout Grid, row: Int) {
        grid.fill(Rect(x: 0, y: row, width: grid.width, height: 1), role: .keyBar)
        var x = 0
        for item in items where x < grid.width {
            x += grid.put(item.key, x: x, y: row, role: .keyBarKey)
            x += grid.put(item.label + " ", x: x, y: row, role: .keyBar)
        }
    }
}
