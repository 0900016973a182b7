import KriyaText

extension Form {
    /// Options shown under a choice field at most (the list scrolls with the highlight).
    static let listRows = 6

    /// Draws the form in `area`: a label column, the values with their checks (a date's
    /// weekday…), an error under a field in error, and under a focused choice field the options
    /// that match; scrolled so the focused field is on screen however tall the form is.
    public func render(into grid: inout Grid, area: Rect) {
        grid.put(" " + title, x: area.x, y: area.y, role: .header, limit: area.width)
        let labelWidth = min(24, (fields.map { DisplayWidth.of($0.label) }.max() ?? 0) + 3)
        let valueX = area.x + labelWidth + 2
        let valueWidth = max(10, area.width - labelWidth - 4)
        // Each field takes one row, two with an error under it.
        let heights = fields.map { $0.error == nil ? 1 : 2 }
        let room = area.height - 2
        var first = 0
        while heights[first...focus].reduce(0, +) > room { first += 1 }
        var y = area.y + 2
        var focusRow = y
        for i in first..<fields.count {
            guard y + heights[i] <= area.y + area.height else { break }
            let f = fields[i]
            let focused = i == focus
            // The options go under the field and its error.
            if focused { focusRow = y + heights[i] - 1 }
            let label = (f.required ? "* " : "  ") + f.label
            grid.put(DisplayWidth.pad(label, toCells: labelWidth), x: area.x + 1, y: y, role: focused ? .header : .normal)
            grid.fill(Rect(x: valueX, y: y, width: valueWidth, height: 1), role: focused ? .selected : .search)
            if f.value.isEmpty && !focused && !f.hint.isEmpty {
                grid.put(f.hint, x: valueX, y: y, role: .muted, limit: valueWidth)
            } else {
                value(f, focused: focused, into: &grid, x: valueX, y: y, width: valueWidth)
            }
            if let error = f.error {
                grid.put("↳ " + error, x: valueX, y: y + 1, role: .error, limit: valueWidth)
            }
            y += heights[i]
        }
        if let list {
            // As wide as the value column: the keys line under the table needs the room.
            let width = area.width - (valueX - 1 - area.x)
            let height = min(10, list.cells.count + 3)
            let top = focusRow + 1 + height <= area.y + area.height ? focusRow + 1 : max(area.y + 1, focusRow - height)
            list.render(into: &grid, area: Rect(x: valueX - 1, y: top, width: width, height: height), keys: listHelp)
        } else if let multi = fields[focus].kind as? MultiChoiceKind {
            let chosen = Set(multi.chosen(fields[focus].value))
            options(multi.options.map { ChoiceKind.Option((chosen.contains($0) ? "[x] " : "[ ] ") + $0) }, choosing: true,
                    into: &grid, x: valueX, below: focusRow,
                    width: min(valueWidth, max(30, (multi.options.map { DisplayWidth.of($0) }.max() ?? 0) + 6)), bottom: area.y + area.height)
        } else if let offered {
            options(offered.options, choosing: offered.choosing, into: &grid, x: valueX, below: focusRow,
                    width: min(valueWidth, 40), bottom: area.y + area.height)
        }
    }

    private func value(_ f: FormField, focused: Bool, into grid: inout Grid, x: Int, y: Int, width: Int) {
        let role: Role = focused ? .selected : .search
        let note = f.kind.note(for: f.value).map { "  " + TerminalSafe.text($0) + " " }
        let noteWidth = note.map { DisplayWidth.of($0) } ?? 0
        // The check goes at the right end when the text leaves room for it.
        let textWidth = noteWidth > 0 && DisplayWidth.of(f.value) + noteWidth + 2 <= width ? width - noteWidth : width
        let shown = f.input.visible(width: textWidth)
        grid.put(TerminalSafe.text(shown.text), x: x, y: y, role: role, limit: textWidth)
        if let note, textWidth < width { grid.put(note, x: x + textWidth, y: y, role: .muted, limit: noteWidth) }
        guard focused else { return }
        // The cursor: the character under it in the active-tab colours, or a bar at the end.
        let cx = x + min(shown.cursorColumn, textWidth - 1)
        if f.input.cursor < f.input.characters.count {
            grid.put(TerminalSafe.text(String(f.input.characters[f.input.cursor])), x: cx, y: y, role: .tabActive)
        } else {
            grid.put("▏", x: cx, y: y, role: .selected)
        }
    }

    /// The options under the focused choice field (above it when there is no room below).
    private func options(_ options: [ChoiceKind.Option], choosing: Bool, into grid: inout Grid, x: Int, below row: Int,
                         width: Int, bottom: Int) {
        let rows = min(Self.listRows, options.count)
        let top = row + 1 + rows + 1 <= bottom ? row + 1 : max(0, row - rows - 1)
        let chosen = choosing ? min(highlight, options.count - 1) : -1
        let first = chosen >= rows ? chosen - rows + 1 : 0
        let inner = width - 2
        grid.fill(Rect(x: x, y: top, width: width, height: rows + 1), role: .normal)
        for (n, option) in options.dropFirst(first).prefix(rows).enumerated() {
            let text = " " + option.label + (option.group.map { " · " + $0 } ?? "")
            grid.put("│", x: x, y: top + n, role: .border)
            grid.put(DisplayWidth.pad(TerminalSafe.text(text), toCells: inner), x: x + 1, y: top + n,
                     role: first + n == chosen ? .selected : .normal, limit: inner)
            grid.put("│", x: x + inner + 1, y: top + n, role: .border)
        }
        // The bottom edge says how many more there are to type for.
        let more = options.count > rows ? " +\(options.count - rows) " : ""
        let edge = "└" + String(repeating: "─", count: max(0, inner - DisplayWidth.of(more))) + more + "┘"
        grid.put(edge, x: x, y: top + rows, role: .border, limit: width)
    }
}
