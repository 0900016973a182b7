/// Keeps a selection visible in a window of rows: the offset moves only when it must.
public enum Scroll {
    public static func offset(selected: Int, current: Int, visible: Int, count: Int) -> Int {
        guard visible > 0, count > visible else { return 0 }
        var offset = min(max(0, current), count - visible)
        if selected < offset { offset = selected }
        if selected >= offset + visible { offset = selected - visible + 1 }
        return max(0, min(offset, count - visible))
    }
}
