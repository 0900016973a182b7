import KriyaCore
import KriyaText
import TextUI

extension ConsoleState {
    /// The import preview: what the file holds and what saving it would do, scrollable.
    func importPreview(_ grid: inout Grid, _ area: Rect) {
        grid.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), role: .header)
        grid.put(" " + L10n.text(.uiImportTitle, lang), x: area.x, y: area.y, role: .header, limit: area.width)
        // Long lines (a bad row's reason) wrap rather than run off the screen.
        let lines = importPreview.flatMap { Wrap.lines($0, width: area.width - 2) }
        let room = area.height - 2
        let start = min(detailOffset, max(0, lines.count - room))
        for (i, line) in lines.dropFirst(start).prefix(room).enumerated() {
            let role: Role = line.hasPrefix("  ") ? .warning : .normal
            grid.put(line, x: area.x + 1, y: area.y + 2 + i, role: role, limit: area.width - 1)
        }
    }
}

