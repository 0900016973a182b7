import Dispatch
import KriyaCore
import KriyaStore
import TextUI

/// The console's loop: draw, wait for a key (or a second), apply it; about once a second
/// look for changes other staff saved, and show them without losing the selection.
public final class ConsoleApp {
    public internal(set) var state: ConsoleState
    let store: Store
    private let device: TerminalDevice
    /// The import on the preview screen, waiting for Enter.
    var pendingImport: (file: String, source: ArtisanImport, plan: ImportPlan)?
    private var lastDraft: FormDraft?
    /// What the store warned of during the last key (a save whose audit line or compaction
    /// failed): shown on the status line, over whatever else the key said.
    private var warnings: [StoreWarning] = []

    /// - Parameter message: shown on the status line at start (a theme or config problem).
    /// - Parameter certificatePattern: how certificate numbers are made (config).
    public init(store: Store, device: TerminalDevice, lang: Lang, today: CivilDate, message: String? = nil,
                certificatePattern: CertificatePattern = .standard) {
        self.store = store
        self.device = device
        state = ConsoleState(data: store.data, lang: lang, today: today, dataPath: store.path, user: store.user)
        state.certificatePattern = certificatePattern
        if let message, !message.isEmpty { state.message = message }
        store.onWarning = { [weak self] in self?.warnings.append($0) }
        FormDraft.markAlive(data: store.path, user: store.user)
        let drafts = FormDraft.find(data: store.path, user: store.user)
        if drafts.left == nil && drafts.waiting > 0 { state.message = L10n.text(.uiDraftWaiting, lang, drafts.waiting) }
        if let left = drafts.left {
            state.restore(left.draft)
            // The draft is this console's now: kept under its own name before the old one goes.
            keepDraft()
            if left.file != FormDraft.path(data: store.path, user: store.user) { FormDraft.remove(file: left.file) }
        }
    }

    /// After every key: keep the open form's unsaved changes on disk, or drop the draft once
    /// the form is saved or discarded.
    private func keepDraft() {
        let now = state.draft
        guard now?.values != lastDraft?.values || now?.focus != lastDraft?.focus else { return }
        if let now { now.write(data: store.path, user: store.user) } else { FormDraft.remove(data: store.path, user: store.user) }
        lastDraft = now
    }

    /// Says on screen what is being done before work that keeps the loop busy for a while.
    func showBusy(_ text: String?) {
        state.busy = text
        let (width, height) = device.size
        if text != nil { device.draw(state.render(width: width, height: height)) }
    }

    public func run() {
        var lastLook = DispatchTime.now().uptimeNanoseconds
        while !state.quit {
            let (width, height) = device.size
            device.draw(state.render(width: width, height: height))
            if let key = device.readKey(timeoutMilliseconds: 500), key != .resize {
                let clock = SystemInfo.now()
                (state.now, state.today) = (clock.time, clock.today)
                switch state.update(key, visibleRows: ConsoleState.listRows(height: height)) {
                case .redraw: device.redrawAll()
                case .suspend: device.suspend()
                case .previewImport(let file, let onDuplicate): previewImport(file, onDuplicate: onDuplicate)
                case .confirmImport: confirmImport()
                case .save(let command): save(command)
                case .history(let id): state.showHistory(store.history(of: id), of: id, width: width)
                case .completeImportPath: completeImportPath()
                case .askUndoImport: askUndoImport()
                case .undoImport: undoImport()
                case .none: break
                }
                keepDraft()
                if !warnings.isEmpty {
                    state.message = warnings.map { $0.message(state.lang) }.joined(separator: " · ")
                    warnings = []
                }
            }
            let now = DispatchTime.now().uptimeNanoseconds
            if now - lastLook >= 1_000_000_000 {
                lastLook = now
                if (try? store.refresh()) == true {
                    state.replaceData(store.data)
                    state.message = L10n.text(.uiUpdated, state.lang)
                }
            }
        }
        FormDraft.markGone(data: store.path, user: store.user)
    }
}
