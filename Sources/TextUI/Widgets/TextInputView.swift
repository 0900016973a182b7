import KriyaText

extension TextField {
    /// Draws the field on one row: an optional prompt, the text scrolled so the cursor shows,
    /// and the cursor mark. The one way every text input (search boxes, the import path, the
    /// check-in box, a booth) is drawn; form fields add their own decorations around it.
    /// Returns the column after the prompt.
    @discardableResult
    public func render(into grid: inout Grid, x: Int, y: Int, width: Int, prompt: String = "", role: Role = .search,
                       cursor: Bool = true, fill: Bool = true) -> Int {
        if fill { grid.fill(Rect(x: x, y: y, width: width, height: 1), role: role) }
        let used = x + grid.put(prompt, x: x, y: y, role: role, limit: width)
        let room = x + width - used
        guard room > 1 else { return used }
        let shown = visible(width: room - 1)
        grid.put(TerminalSafe.text(shown.text), x: used, y: y, role: role, limit: room)
        if cursor { grid.put("▏", x: used + shown.cursorColumn, y: y, role: role) }
        return used
    }
}
