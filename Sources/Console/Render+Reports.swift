import KriyaCore
import KriyaText
import KriyaViews
import TextUI

/// The reports pane: the list names the four reports; the detail (beside it on a wide
/// terminal, or full screen on Enter) draws the chosen one with its tables and bar charts.
extension ConsoleState {
    func reportTitle(_ name: ReportName) -> String {
        switch name {
        case .coverage: return L10n.text(.rCoverageTitle, lang)
        case .training: return L10n.text(.rTrainingTitle, lang)
        case .certification: return L10n.text(.rCertificationTitle, lang)
        case .exhibitions: return L10n.text(.rExhibitionsTitle, lang)
        }
    }

    /// The report under the selection.
    public var selectedReport: ReportName? {
        guard pane == .reports, let rows = rows[.reports], let sel = selected[.reports], sel < rows.count else { return nil }
        return ReportName.allCases[rows[sel]]
    }

    func report(_ grid: inout Grid, _ area: Rect, offset: Int) {
        guard let name = selectedReport else { return }
        let lines = reportCache.lines(name, width: area.width - 1) {
            ReportText.lines(Report.make(name, data: data, today: today, lang: lang), width: area.width - 1)
        }
        let start = min(offset, max(0, lines.count - area.height))
        for (i, line) in lines.dropFirst(start).prefix(area.height).enumerated() {
            var x = area.x + 1
            for span in line {
                x += grid.put(span.text, x: x, y: area.y + i, role: Self.role(span.style), limit: area.x + area.width - x)
            }
        }
    }

    static func role(_ style: ReportText.Style) -> Role {
        switch style {
        case .plain: return .normal
        case .title, .heading: return .header
        case .highlight: return .warning
        case .bar: return .success
        case .note: return .muted
        case .total: return .search
        }
    }
}

/// Reports already built and laid out for the data on screen: building one walks every
/// artisan, and the screen is drawn at every key. A reference, so that rendering (a pure function of the
/// state) may fill it; new data empties it.
final class ReportCache: @unchecked Sendable {
    private struct Key: Hashable { let name: ReportName; let width: Int }
    /// Laid out for one width: a report's call list can run to thousands of lines at 100k.
    private var built: [Key: [ReportText.Line]] = [:]
    func lines(_ name: ReportName, width: Int, make: () -> [ReportText.Line]) -> [ReportText.Line] {
        let key = Key(name: name, width: width)
        if let hit = built[key] { return hit }
        let made = make()
        built[key] = made
        return made
    }
    func clear() { built = [:] }
}
