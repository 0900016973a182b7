import KriyaCore
import KriyaText
import TextUI

/// Importing a spreadsheet from the console, first step: type the file's name on the status
/// line (Tab completes it as a shell does); Enter reads it and shows what would happen.
public struct ImportPathScreen: Screen {
    public var path = TextField("", maxLength: 400)

    public var kind: ScreenKind { .importPath }
    public var isOverlay: Bool { true }

    public func bindings(_ shared: Shared) -> [Binding] {
        [Binding([.enter], .open, help: .uiHelpImportRead, bar: .uiKeyOpen, enabled: !path.text.trimmingSpaces.isEmpty),
         Binding([.tab], .complete, help: .uiHelpImportComplete, bar: .uiKeyComplete),
         Binding([.escape], .back, help: .uiHelpImportCancel, bar: .uiKeyCancel)]
            .typing(into: .uiHelpTypePath)
    }

    public mutating func perform(_ action: Action, key: Key, _ shared: inout Shared) -> Step {
        switch action {
        case .open: return .run(.previewImport(path.text.trimmingSpaces, .skip))
        case .complete: return .run(.completePath(path.text))
        case .back: return .pop(.closed)
        default: return .stay
        }
    }

    public mutating func type(_ key: Key, _ shared: inout Shared) -> Step {
        path.handle(key) ? .stay : .ignored
    }

    public mutating func receive(_ msg: Msg, _ shared: inout Shared) -> Step {
        switch msg {
        case .completed(let completed, let candidates):
            if candidates.count > 1 {
                shared.message = TerminalSafe.text(candidates.joined(separator: "  "))
            } else if completed == path.text && candidates.isEmpty {
                shared.message = shared.t(.uiNoFileStarts, TerminalSafe.text(path.text))
            }
            path = TextField(completed, maxLength: 400)
            return .stay
        case .importPreview(let preview):
            return .replace(ImportPreviewScreen(preview: preview))
        default:
            return shared.report(msg)
        }
    }

    public func render(_ shared: Shared, into grid: inout Grid, area: Rect) {
        // Why the last name did not work, just above the prompt, over the list's last row.
        if let message = shared.message {
            let y = area.y + area.height - 1
            grid.fill(Rect(x: area.x, y: y, width: area.width, height: 1), role: .warning)
            grid.put(" " + message, x: area.x, y: y, role: .warning, limit: area.width)
        }
    }

    public func renderStatus(_ shared: Shared, into grid: inout Grid, row: Int) -> Bool {
        path.render(into: &grid, x: 0, y: row, width: grid.width, prompt: " " + shared.t(.uiImportPrompt), fill: false)
        return true
    }

    /// Data changed elsewhere: nothing to redo. A file name being typed: no record.
    public mutating func dataChanged(_ shared: Shared) {}
}

/// Second step: what the file holds and what saving it would do (the same report as
/// `kriya import --dry-run`), scrollable; Enter saves it as one step, `u` plans it again
/// updating the artisans already stored instead of skipping them.
public struct ImportPreviewScreen: Screen {
    public var preview: ImportPreview
    var scroll = TextScroll()

    public var kind: ScreenKind { .importPreview }

    public func bindings(_ shared: Shared) -> [Binding] {
        [Binding([.enter, .char("y")], .save, help: .uiHelpImportSave, bar: .uiKeySave, enabled: preview.ready > 0),
         Binding([.char("u")], .switchUpdates, help: .uiHelpImportUpdates, bar: .uiKeyUpdates, enabled: preview.updates || preview.existing > 0),
         Binding([(.up, .up), (.down, .down), (.char("k"), .up), (.char("j"), .down)], help: .uiHelpMove),
         Binding([(.pageUp, .pageUp), (.pageDown, .pageDown)], help: .uiHelpPage),
         Binding([.escape, .char("n"), .char("q")], .back, help: .uiHelpImportCancel, bar: .uiKeyCancel, barKeys: "Esc")]
    }

    /// Lines of the report wrapped to the body, and the rows they have (the title and a gap take two).
    func lines(_ width: Int) -> [String] { preview.lines.flatMap { Wrap.lines($0, width: width - 2) } }
    func room(_ layout: Layout) -> Int { max(1, layout.body.height - 2) }

    public mutating func perform(_ action: Action, key: Key, _ shared: inout Shared) -> Step {
        switch action {
        case .save: return .run(.confirmImport)
        case .switchUpdates:
            // Read the sheet again, planned the other way (the rows are not kept meanwhile).
            return .run(.previewImport(preview.file, preview.updates ? .skip : .update))
        case .back: return .pop(.closed)
        default:
            scroll.move(BrowseScreen.move(action), lines: lines(shared.layout.body.width).count, visible: room(shared.layout))
            return .stay
        }
    }

    public mutating func receive(_ msg: Msg, _ shared: inout Shared) -> Step {
        switch msg {
        case .importPreview(let again):
            preview = again
            scroll = TextScroll()
            return .stay
        case .imported(let outcome):
            shared.message = outcome
            return .pop(.imported)
        default:
            return shared.report(msg)
        }
    }

    public func render(_ shared: Shared, into grid: inout Grid, area: Rect) {
        grid.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), role: .header)
        grid.put(" " + shared.t(.uiImportTitle), x: area.x, y: area.y, role: .header, limit: area.width)
        // Long lines (a bad row's reason) wrap rather than run off the screen.
        let lines = self.lines(area.width)
        let room = self.room(shared.layout)
        let start = scroll.firstShown(lines: lines.count, visible: room)
        for (i, line) in lines.dropFirst(start).prefix(room).enumerated() {
            let role: Role = line.hasPrefix("  ") ? .warning : .normal
            grid.put(line, x: area.x + 1, y: area.y + 2 + i, role: role, limit: area.width - 1)
        }
    }

    public func renderStatus(_ shared: Shared, into grid: inout Grid, row: Int) -> Bool {
        let t = { (k: UIKey, a: [CustomStringConvertible]) in UIText.text(k, shared.lang, arguments: a) }
        let line: String
        switch (preview.ready > 0, preview.updates, preview.existing > 0) {
        case (true, true, _): line = t(.uiImportConfirmUpdate, [preview.ready])
        case (true, false, true): line = t(.uiImportConfirmSkip, [preview.ready, preview.existing])
        case (true, false, false): line = t(.uiImportConfirm, [preview.ready])
        case (false, false, true): line = t(.uiImportNothingSkip, [preview.existing])
        case (false, _, _): line = t(.uiImportNothing, [])
        }
        grid.put(" " + (shared.message ?? line), x: 0, y: row, role: .search, limit: grid.width)
        return true
    }

    /// Data changed elsewhere: nothing to redo. The import is planned again under the lock when saved; a person a colleague registered meanwhile refuses it, naming them.
    public mutating func dataChanged(_ shared: Shared) {}
}
