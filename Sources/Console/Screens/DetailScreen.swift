import KriyaCore
import KriyaViews
import TextUI

/// One record (or one report) on the whole body, scrolled with the moving keys; the keys that
/// act on a record work here as in the list.
public struct DetailScreen: Screen {
    enum Subject: Equatable { case record(EntityID), report(ReportName) }
    let subject: Subject
    var scroll = TextScroll()

    init(record id: EntityID) { subject = .record(id) }
    init(report: ReportName) { subject = .report(report) }

    public var kind: ScreenKind { .detail }
    public var passesStatusThrough: Bool { true }

    var id: EntityID? { if case .record(let id) = subject { id } else { nil } }

    public func bindings(_ shared: Shared) -> [Binding] {
        let id = self.id
        let event = id?.kind.isEvent ?? false
        return Binding.moving(letters: true) + [
            Binding([.escape, .enter], .back, help: .uiHelpBackToList, bar: .uiKeyBack, barKeys: "Esc"),
            Binding([.f(4), .char("e")], .editRecord, help: .uiHelpEdit, bar: id == nil ? nil : .uiKeyEdit, enabled: id != nil),
            Binding([.char("+")], .enrol, help: .uiHelpEnrol, enabled: id.map { $0.kind == .artisan || $0.kind.isEvent } ?? false),
            Binding([.char("p")], .participants, help: .uiHelpParticipants, enabled: event),
            Binding([.char("c")], .checkIn, help: .uiHelpCheckIn, enabled: id?.kind == .session),
            Binding([.char("d"), .char("D"), .delete], .remove, help: .uiHelpRemove, enabled: id?.kind.isRemovable ?? false),
            Binding([.char("M")], .merge, help: .uiHelpMerge, enabled: id?.kind == .artisan),
            Binding([.char("Q")], .showCode, help: .uiHelpCode, enabled: id?.kind == .artisan),
            Binding([.ctrl("p")], .print, help: .uiHelpPrintReport, enabled: id == nil),
            Binding([.char("h")], .history, help: .uiHelpHistory, enabled: id != nil),
            Binding([.char("u")], .undo, help: .uiHelpUndo),
            Binding([.char("m"), .f(6)], .schedule, help: .uiHelpSchedule),
            Binding([.char("?")], .help, help: .uiHelpTitle),
            Binding([.f(10), .char("q")], .quit, help: .uiHelpQuit, bar: .uiKeyQuit),
        ]
    }

    public mutating func perform(_ action: Action, key: Key, _ shared: inout Shared) -> Step {
        switch action {
        case .up, .down, .pageUp, .pageDown, .first, .last:
            let body = shared.layout.body
            scroll.move(BrowseScreen.move(action), lines: lineCount(shared, width: body.width - 1), visible: body.height)
            return .stay
        case .back: return .pop(.closed)
        case .print:
            guard case .report(let name) = subject else { return .stay }
            return .run(.print(.report(name)))
        default: return RecordActions.perform(action, on: id, &shared)
        }
    }

    public mutating func receive(_ msg: Msg, _ shared: inout Shared) -> Step {
        // Archived or deleted from here: the record has left the list, so back to it.
        if case .saved(let change) = msg { return RecordActions.saved(change, &shared) ? .pop(.closed) : .stay }
        return RecordActions.receive(msg, &shared)
    }

    public mutating func resume(_ outcome: Outcome, _ shared: inout Shared) -> Step {
        switch outcome {
        case .saved(let change):
            let id = change.targets.first ?? self.id
            shared.message = shared.t(.uiFormSaved, id?.description ?? "", id.flatMap { shared.stored($0)?.name } ?? "")
            return .stay
        case .show: return .pop(outcome)
        case .chose(let purpose, let index): return RecordActions.chose(purpose, index, &shared)
        default: return shared.answer(outcome)
        }
    }

    public func render(_ shared: Shared, into grid: inout Grid, area: Rect) {
        switch subject {
        case .record(let id): Self.drawRecord(id, shared, &grid, area, offset: scroll.offset)
        case .report(let name): Self.drawReport(name, shared, &grid, area, offset: scroll.offset)
        }
    }

    /// How many lines the record or report has at this width (for scrolling).
    func lineCount(_ shared: Shared, width: Int) -> Int {
        switch subject {
        case .record(let id): return Self.recordLines(id, shared, width: width).count
        case .report(let name): return Self.reportLines(name, shared, width: width).count
        }
    }

    static func recordLines(_ id: EntityID, _ shared: Shared, width: Int) -> [String] {
        let view = DetailView(data: shared.data, lang: shared.lang, today: shared.today, width: width,
                              participation: id.kind == .artisan ? shared.participation : nil)
        switch id.kind {
        case .artisan: return shared.data.artisans[id].map(view.artisan) ?? []
        case .session: return shared.data.sessions[id].map(view.session) ?? []
        case .exhibition: return shared.data.exhibitions[id].map(view.exhibition) ?? []
        case .term: return shared.data.terms[id].map(view.term) ?? []
        case .member: return shared.data.members[id].map(view.member) ?? []
        case .partner: return shared.data.partners[id].map(view.partner) ?? []
        }
    }

    static func drawRecord(_ id: EntityID, _ shared: Shared, _ grid: inout Grid, _ area: Rect, offset: Int) {
        let lines = recordLines(id, shared, width: area.width - 1)
        let start = TextScroll(offset: offset).firstShown(lines: lines.count, visible: area.height)
        for (i, line) in lines.dropFirst(start).prefix(area.height).enumerated() {
            grid.put(line, x: area.x + 1, y: area.y + i, role: i == 0 && start == 0 ? .header : .normal, limit: area.width - 1)
        }
    }

    static func reportLines(_ name: ReportName, _ shared: Shared, width: Int) -> [ReportText.Line] {
        shared.reportCache.lines(name, width: width) {
            ReportText.lines(Report.make(name, data: shared.data, today: shared.today, lang: shared.lang), width: width)
        }
    }

    static func drawReport(_ name: ReportName, _ shared: Shared, _ grid: inout Grid, _ area: Rect, offset: Int) {
        let lines = reportLines(name, shared, width: area.width - 1)
        let start = TextScroll(offset: offset).firstShown(lines: lines.count, visible: area.height)
        for (i, line) in lines.dropFirst(start).prefix(area.height).enumerated() {
            var x = area.x + 1
            for span in line {
                x += grid.put(span.text, x: x, y: area.y + i, role: role(span.style), limit: area.x + area.width - x)
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

    /// Data changed elsewhere: nothing to redo. Holds its record by id and looks it up when drawn (a record gone is said there).
    public mutating func dataChanged(_ shared: Shared) {}
}

/// Reports already built and laid out for the data on screen: building one walks every
/// artisan, and the screen is drawn at every key. A reference, so that rendering (a pure
/// function of the state) may fill it; new data empties it.
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
