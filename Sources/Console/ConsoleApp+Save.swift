import KriyaCore
import KriyaStore

extension ConsoleApp {
    /// Saves a form's command through the store (checked again there against the latest data).
    func save(_ command: Command) {
        let undoing = if case .undo = command { true } else { false }
        switch Result(catching: { () throws(StoreError) in try store.applyUndoably(command) }) {
        case .success(let (change, undo)):
            state.replaceData(store.data)
            if undoing {
                state.undone(change)
            } else {
                state.remember(undo)
                if let next = state.saved(change) { save(next) }
            }
        case .failure(.command(let box)) where state.mode == .checkIn:
            state.checkInRefused(box.error)
        case .failure(.command(let box)) where undoing:
            state.undone(nil, refused: box.error.message(state.lang))
        case .failure(.command(let box)) where state.mode == .form && state.editing != nil:
            // Someone saved the same record meanwhile: show theirs and ours field by field.
            if case .conflict = box.error {
                state.replaceData(store.data)
                if case .save(let merged) = state.showConflict() { save(merged) }
            } else if case .invalid(let problems) = box.error {
                state.formRefused(problems, otherwise: "")
            } else {
                state.formRefused([], otherwise: box.error.message(state.lang))
            }
        case .failure(.command(let box)):
            if case .invalid(let problems) = box.error { state.formRefused(problems, otherwise: box.error.message(state.lang)) }
            else { state.formRefused([], otherwise: box.error.message(state.lang)) }
        case .failure(let other):
            state.formRefused([], otherwise: "\(other)")
        }
    }
}
