import Dispatch
import KriyaCore
import KriyaStore
import KriyaText
import KriyaViews
import TextUI

/// The console's loop: draw, wait for a key (or half a second), hand it to the state, run the
/// effect it asks for and hand the outcome back; twice a second look for changes other
/// staff saved, and show them without losing the selection. The only place with I/O.
public final class ConsoleApp {
    public internal(set) var state: ConsoleState
    let store: any RecordStore
    /// Where this console keeps its drafts: the data folder, or for a database a folder of
    /// this user's own (`FormDraft.home`).
    let drafts: String
    private let device: TerminalDevice
    /// The import on the preview screen, waiting for Enter.
    var pendingImport: (file: String, source: ArtisanImport, plan: ImportPlan)?
    private var lastDraft: FormDraft?
    /// Looks for news so far (`run`).
    private var looks = 0
    /// How often it looks for colleagues' saves: twice a second (a test looks at every key,
    /// rather than sleeping until the next look).
    var lookEveryNanoseconds: UInt64 = 500_000_000
    /// Since when the data could not be read (nil while it can).
    private var unreachableSince: ClockTime?
    /// What the store warned of during the last key (a save whose audit line or compaction
    /// failed): shown on the status line, over whatever else the key said.
    private var warnings: [StoreWarning] = []
    let documents: DocumentSettings
    let printFolder: String?

    /// - Parameter message: shown on the status line at start (a theme or config problem).
    /// - Parameter certificatePattern: how certificate numbers are made (config).
    /// - Parameter scanBeep: the bell when the door takes a scanned card (config).
    /// - Parameter documents: the letterhead and signatory of printed documents (config).
    /// - Parameter printFolder: where printed documents go (the folder the console started in).
    public init(store: any RecordStore, device: TerminalDevice, lang: Lang, today: CivilDate, message: String? = nil,
                certificatePattern: CertificatePattern = .standard, scanBeep: Bool = true, documents: DocumentSettings = .standard,
                printFolder: String? = nil, allowSuspend: Bool = true, openOnToday: Bool = false) {
        self.documents = documents
        self.printFolder = printFolder
        self.store = store
        // Behind the installed gate, as on a database, a draft is this user's own, at home.
        drafts = (store as? Store).flatMap { $0.gated ? nil : $0.path } ?? FormDraft.home(for: store.location)
        self.device = device
        state = ConsoleState(data: store.data, lang: lang, today: today, dataPath: store.shortLocation, user: store.user,
                             index: store.takeSearchIndex())
        FreedMemory.handBack()
        state.shared.certificatePattern = certificatePattern
        state.shared.role = store.access.role
        state.shared.allowSuspend = allowSuspend
        state.shared.scanBeep = scanBeep
        let (width, height) = device.size
        state.resize(width: width, height: height)
        if let message, !message.isEmpty { state.shared.message = message }
        store.onWarning = { [weak self] in self?.warnings.append($0) }
        FormDraft.markAlive(data: drafts, user: store.user)
        let found = FormDraft.find(data: drafts, user: store.user)
        if found.left == nil && found.waiting > 0 { state.shared.message = UIText.text(.uiDraftWaiting, lang, found.waiting) }
        // A door folder (issue 33) says so on its title line and opens at the door of its session
        // that meets today (or next).
        if let door = store.door {
            state.shared.doorTitle = UIText.text(.uiDoorTitle, lang, door.name, door.packedAt)
            let sessions = door.sessions.compactMap { store.data.sessions[$0] }
            let first = sessions.first { $0.days.contains(today) } ?? sessions.filter { ($0.days.last ?? $0.end) >= today }.min { $0.start < $1.start }
                ?? sessions.first
            if let first, let screen = CheckInScreen(session: first.id, state.shared) { state.push(screen) }
        }
        // The office's day starts with what is on (issue 34), when anything is within a week.
        if openOnToday, store.door == nil, found.left == nil, state.stack.isEmpty, TodaySummary(store.data, today: today).isBusy {
            state.push(TodayScreen(state.shared))
        }
        if let left = found.left {
            state.restore(left.draft)
            // The draft is this console's now: kept under its own name before the old one goes.
            keepDraft()
            if left.file != FormDraft.path(data: drafts, user: store.user) { FormDraft.remove(file: left.file) }
        }
    }

    /// After every key: keep the open form's unsaved changes on disk, or drop the draft once
    /// the form is saved or discarded.
    private func keepDraft() {
        let now = state.draft
        guard now?.values != lastDraft?.values || now?.focus != lastDraft?.focus else { return }
        if let now { now.write(data: drafts, user: store.user) } else { FormDraft.remove(data: drafts, user: store.user) }
        lastDraft = now
    }

    /// Says on screen what is being done before work that keeps the loop busy for a while.
    func showBusy(_ text: String?) {
        state.shared.busy = text
        let (width, height) = device.size
        if text != nil { device.draw(state.render(width: width, height: height)) }
    }

    /// - Parameter keys: typed while the store was being read (`finishLoading`), run first.
    public func run(keys: [Key] = []) {
        var lastLook = DispatchTime.now().uptimeNanoseconds
        for key in keys where !state.quit { handle(key) }
        while !state.quit {
            let (width, height) = device.size
            state.resize(width: width, height: height)
            device.draw(state.render(width: width, height: height))
            if let key = device.readKey(timeoutMilliseconds: 500), key != .resize { handle(key) }
            let now = DispatchTime.now().uptimeNanoseconds
            // Twice a second: a colleague's save shows within a second at worst (a look costs
            // a stat of the journal, or on a database a read of what the socket holds).
            if now - lastLook >= lookEveryNanoseconds {
                lastLook = now
                looks += 1
                // A new role (access.toml, or a database's GRANT) applies within a second, as it
                // does to the store at once; asked every other look, a query on a database.
                if looks % 2 == 0 { state.shared.role = store.currentRole() }
                lookForNews()
            }
        }
        FormDraft.markGone(data: drafts, user: store.user)
    }

    /// What others saved, shown; the data out of reach (a database over a dropped network) said
    /// once, and said again when it is back.
    private func lookForNews() {
        let lang = state.shared.lang
        do {
            let began = DispatchTime.now().uptimeNanoseconds
            let changed = try store.refresh()
            // A catch-up of a few lines takes milliseconds; reading everything again (after a
            // colleague's compaction) seconds, and leaves the old copy's memory free but held:
            // at 1M artisans the console stayed at 1.05 GB instead of ~650 MB.
            let reread = DispatchTime.now().uptimeNanoseconds - began > 200_000_000
            if unreachableSince != nil {
                unreachableSince = nil
                state.replaceData(store.data)
                state.shared.message = UIText.text(.uiDataBack, lang)
            } else if changed {
                state.replaceData(store.data)
                state.shared.message = UIText.text(.uiUpdated, lang)
            }
            if changed && reread { FreedMemory.handBack() }
        } catch {
            guard unreachableSince == nil else { return }
            let now = SystemInfo.now().time
            unreachableSince = now
            let reason: String
            if case .database(_, let why) = error { reason = why } else { reason = error.message(lang) }
            state.shared.message = UIText.text(.uiDataUnreachable, lang, now.description, reason)
        }
    }

    private func handle(_ key: Key) {
        let clock = SystemInfo.now()
        (state.shared.now, state.shared.today) = (clock.time, clock.today)
        var effect = state.update(key)
        // An outcome may ask for more (a walk-in saved is then checked in).
        while let next = effect { effect = run(next) }
        if state.shared.ringBell {
            state.shared.ringBell = false
            if state.shared.scanBeep { device.bell() }
        }
        keepDraft()
        if !warnings.isEmpty {
            state.shared.message = warnings.map { $0.message(state.shared.lang) }.joined(separator: " · ")
            warnings = []
        }
    }

    /// Runs one effect; returns the next one its outcome asks for.
    func run(_ effect: Effect) -> Effect? {
        switch effect {
        case .redraw: device.redrawAll(); return nil
        case .suspend: device.suspend(); return nil
        case .save(let command): return save(command)
        case .undo: return undo()
        case .history(let id): return state.deliver(.history(store.history(of: id), of: id))
        case .previewImport(let file, let onDuplicate): return previewImport(file, onDuplicate: onDuplicate)
        case .confirmImport: return confirmImport()
        case .completePath(let typed): return state.deliver(Self.complete(typed))
        case .undoImport: undoImport(); return nil
        case .print(let job): return printDocument(job)
        }
    }

    /// Saves a command through the store (checked again there against the latest data) and
    /// hands the outcome to the screen that asked.
    func save(_ command: Command) -> Effect? {
        switch Result(catching: { () throws(StoreError) in try store.applyUndoably(command) }) {
        case .success(let (change, undo)):
            state.replaceData(store.data)
            state.shared.remember(undo)
            return state.deliver(.saved(change))
        case .failure(.command(let box)):
            // A conflict is shown against the newest version.
            if case .conflict = box.error { state.replaceData(store.data) }
            return state.deliver(.refused(box.error))
        case .failure(let other):
            return state.deliver(.failed(other.message(state.shared.lang)))
        }
    }

    /// `u`: the newest change this console saved, taken back; after an import, the import
    /// (asked first).
    func undo() -> Effect? {
        let lang = state.shared.lang
        guard let last = state.shared.undoStack.last else {
            if state.shared.importedAt != nil { return askUndoImport() }
            state.shared.message = UIText.text(.uiNothingToUndo, lang)
            return nil
        }
        state.shared.undoStack.removeLast()
        switch Result(catching: { () throws(StoreError) in try store.applyUndoably(.undo(last)) }) {
        case .success(let (change, _)):
            state.replaceData(store.data)
            // Who and which, by name: "Presensi peserta: Ani Wijaya, Bimtek Dasar Membatik".
            let about = last.about.isEmpty ? change.targets : last.about
            let names = about.map { id in store.data.title(of: id).map { TerminalSafe.text($0) } ?? id.description }.joined(separator: ", ")
            state.shared.message = UIText.text(.uiUndone, lang, ChangeWords.command(last.command, lang), names)
        case .failure(.command(let box)):
            state.shared.message = UIText.text(.uiUndoRefused, lang, box.error.message(lang))
        case .failure(let other):
            state.shared.message = UIText.text(.uiUndoRefused, lang, other.message(lang))
        }
        return nil
    }
}
