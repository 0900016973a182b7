import KriyaCore
import KriyaStore

extension ConsoleApp {
    /// Saves a form's command through the store (checked again there against the latest data).
    func save(_ command: Command) {
        switch Result(catching: { () throws(StoreError) in try store.apply(command) }) {
        case .success(let change):
            state.replaceData(store.data)
            state.saved(change)
        case .failure(.command(let box)):
            if case .invalid(let problems) = box.error { state.formRefused(problems, otherwise: "") }
            else { state.formRefused([], otherwise: box.error.message(state.lang)) }
        case .failure(let other):
            state.formRefused([], otherwise: "\(other)")
        }
    }
}
