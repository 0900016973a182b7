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
        let report = reportCache.report(name) { Report.make(name, data: data, today: today, lang: lang) }
        let lines = ReportText.lines(report, width: area.width - 1)
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

/// Reports already built for the data on screen: building one walks every artisan, and the
/// screen is drawn at every key. A reference, so that rendering (a pure function of the
/// state) may fill it; new data empties it.
final class ReportCache: @unchecked Sendable {
    private var built: [ReportName: Report] = [:]
    func report(_ name: ReportName, make: () -> Report) -> Report {
        if let hit = built[name] { return hit }
        let made = make()
        built[name] = made
        return made
    }
    func clear() { built = [:] }
}
