import KriyaCore
import TextUI

/// Importing a spreadsheet from the console: type the file's name, see what would happen
/// (the same report as `kriya import --dry-run`), then Enter saves it as one step.
extension ConsoleState {
    mutating func updateImportPath(_ key: Key) -> Effect {
        switch key {
        case .char(let c): importPath.append(c)
        case .backspace: if !importPath.isEmpty { importPath.removeLast() }
        case .ctrl("u"): importPath = ""
        case .tab: return .completeImportPath
        case .enter:
            let path = importPath.trimmingSpaces
            guard !path.isEmpty else { return .none }
            importUpdates = false
            return .previewImport(path, .skip)
        case .escape, .ctrl("c"): mode = .list
        default: break
        }
        return .none
    }

    mutating func updateImportPreview(_ key: Key, visibleRows: Int) -> Effect {
        switch key {
        case .up, .char("k"): detailOffset = max(0, detailOffset - 1)
        case .down, .char("j"): detailOffset += 1
        case .pageUp: detailOffset = max(0, detailOffset - visibleRows)
        case .pageDown: detailOffset += visibleRows
        case .enter, .char("y"):
            if importReady > 0 { return .confirmImport }
        case .char("u"):
            // Read the sheet again, planned the other way (the rows are not kept meanwhile).
            guard importUpdates || importExisting > 0 else { break }
            importUpdates.toggle()
            return .previewImport(importPath.trimmingSpaces, importUpdates ? .update : .skip)
        case .escape, .char("n"), .char("q"):
            mode = .list
            importPreview = []
            importReady = 0
        default: break
        }
        return .none
    }

    /// Called by the loop with the preview it built.
    public mutating func showImportPreview(_ lines: [String], saving rows: Int, existing: Int = 0) {
        importPreview = lines
        importReady = rows
        importExisting = existing
        detailOffset = 0
        mode = .importPreview
    }

    /// Called by the loop once the import is saved (or failed): back to the artisans.
    public mutating func finishImport(_ outcome: String) {
        importPreview = []
        importReady = 0
        mode = .list
        pane = .artisans
        message = outcome
    }
}
