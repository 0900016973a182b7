import KriyaCore
import KriyaStore
import TextUI

/// One screen of the console's stack (lists, detail, form, check-in, a dialog…): it owns its
/// state, its key bindings (which also make its key bar and F1 help), how it changes on a key
/// or a message, and how it draws. The top screen gets the keys; closing one hands an
/// `Outcome` to the screen below. Nothing here does I/O: work for the store comes back from
/// `update` as an `Effect`, and its result arrives later as a `Msg` to the screen that asked.
public protocol Screen {
    /// What the screen is, for the title line and for tests.
    var kind: ScreenKind { get }
    /// Drawn over the screen below it (a dialog, a menu), which stays visible.
    var isOverlay: Bool { get }
    /// The keys in force now, with their help. Dispatch, the key bar and the F1 help all read it.
    func bindings(_ shared: Shared) -> [Binding]
    /// A bound key was pressed (`key` is which of the binding's keys).
    mutating func perform(_ action: Action, key: Key, _ shared: inout Shared) -> Step
    /// A key no binding took (typing into the screen's text input): `.ignored` when unused.
    mutating func type(_ key: Key, _ shared: inout Shared) -> Step
    /// The outcome of an effect this screen asked for.
    mutating func receive(_ msg: Msg, _ shared: inout Shared) -> Step
    /// The screen above closed with this outcome.
    mutating func resume(_ outcome: Outcome, _ shared: inout Shared) -> Step
    /// New data from the store (this console's save or a colleague's). Every screen says what
    /// it does (no default): the row under the cursor stays the same record, or the screen
    /// refuses to act on one that is gone; never a position into a table looked up again.
    mutating func dataChanged(_ shared: Shared)
    /// Draws the screen's body.
    func render(_ shared: Shared, into grid: inout Grid, area: Rect)
    /// Draws the status line when the screen has its own (a prompt, a counter); false leaves
    /// it to the shell, which says the message.
    func renderStatus(_ shared: Shared, into grid: inout Grid, row: Int) -> Bool
    /// The last part of the title line, when the screen names itself (the month view).
    func title(_ shared: Shared) -> String?
    /// The status line of the screen below shows under this one (a dialog, a menu, a
    /// record's detail under its list).
    var passesStatusThrough: Bool { get }
    /// A key its bindings give to `otherKeys` closes it and acts on the screen below (the
    /// Today screen over the lists).
    var passesOtherKeys: Bool { get }
}

extension Screen {
    public var isOverlay: Bool { false }
    public mutating func type(_ key: Key, _ shared: inout Shared) -> Step { .ignored }
    public mutating func receive(_ msg: Msg, _ shared: inout Shared) -> Step { shared.report(msg) }
    public mutating func resume(_ outcome: Outcome, _ shared: inout Shared) -> Step { shared.answer(outcome) }
    public func renderStatus(_ shared: Shared, into grid: inout Grid, row: Int) -> Bool { false }
    public func title(_ shared: Shared) -> String? { nil }
    public var passesStatusThrough: Bool { isOverlay }
    public var passesOtherKeys: Bool { false }
}

/// What the shell does after a screen handled a key or a message.
public indirect enum Step {
    case stay
    /// Not this screen's key.
    case ignored
    case push(any Screen)
    /// Close this screen; the one below gets the outcome.
    case pop(Outcome)
    /// This screen gives way to another (a form saved from a picker, say).
    case replace(any Screen)
    /// Work for the shell (the store, the file system); its result comes back as a `Msg`.
    case run(Effect)
    case quit
}

/// What a closed screen hands to the one below.
public enum Outcome {
    case closed
    /// A dialog's answer.
    case answered(Question, yes: Bool)
    /// The third answer to a duplicate: register the new person anyway.
    case anyway(Question)
    /// Use this artisan already registered instead of the one being typed.
    case useExisting(EntityID)
    /// A prompt's text (Enter; Esc closes with `.closed`).
    case typed(Prompt, String)
    /// A form, picker or grid saved this change.
    case saved(Change)
    /// Show this record in its list (Enter on a day of the month view).
    case show(EntityID)
    /// An item of a menu.
    case chose(MenuPurpose, Int)
    /// The conflict view's choices: the values to save on top of their version.
    case merged(ConflictResolution)
    /// A menu item's action, for the screen below to perform.
    case action(Action)
    /// A spreadsheet was imported: the artisans are what changed.
    case imported
    /// The trainer picker's choice, for the session form below.
    case pickedTrainer(TrainerChoice)
}

/// A yes/no question a dialog asks for the screen below.
public enum Question: Equatable, Sendable {
    /// Save this command (an archive, a delete, a withdrawal) on yes.
    case save(Command)
    /// Take back this console's import.
    case undoImport
    /// Drop the open form's changes.
    case discardForm
    /// Enrol this artisan at the door and check them in (past a full session's capacity: the
    /// question said so).
    case enrolAtDoor(EntityID, pastCapacity: Bool)
    /// Mark everyone not yet in absent for the day.
    case closeDay
    /// A new person's phone, NIB or NIK belongs to this artisan: use them instead?
    case duplicate(existing: EntityID)
}

/// What a one-line prompt asks for.
public enum Prompt: Equatable, Sendable {
    case booth(exhibition: EntityID, artisan: EntityID)
    /// Why (izin, sakit, or any correction of a shut day): kept with the mark; no mark: the
    /// mark is taken away.
    case reason(session: EntityID, artisan: EntityID, day: CivilDate, mark: AttendanceMark?)
    /// Why someone did not pass curation: kept with the curation.
    case curationNote(exhibition: EntityID, artisan: EntityID)
}

/// The effects of a screen: the shell runs them and delivers the outcome as a `Msg`.
public enum Effect: Equatable, Sendable {
    case redraw, suspend
    /// Apply a command through the store (checked again there against the latest data).
    case save(Command)
    /// Undo this user's newest change still on the stack (or ask to take back an import).
    case undo
    /// Read a record's audit trail.
    case history(EntityID)
    /// Read a CSV file and plan what importing it would do.
    case previewImport(String, ImportPlan.OnDuplicate)
    /// Save the planned import.
    case confirmImport
    /// Complete a typed file name from its folder.
    case completePath(String)
    /// Take the last import back.
    case undoImport
    /// Write a document to print (issue 15).
    case print(PrintJob)
}

/// The documents the console writes to print, as the `kriya print` commands do.
public enum PrintJob: Equatable, Sendable {
    case attendance(EntityID, CivilDate), participants(EntityID), cards(EntityID), certificates(EntityID)
    case delegation(EntityID), report(ReportName)
}

/// The outcome of an effect, delivered to the screen that asked.
public enum Msg {
    case saved(Change)
    /// The store refused the command (a rule, a stale revision…).
    case refused(CommandError)
    /// The store could not save (a damaged or read-only folder): said as it is.
    case failed(String)
    case history([AuditEntry], of: EntityID)
    case importPreview(ImportPreview)
    /// The file could not be read; the prompt stays with the reason.
    case importUnreadable(String)
    case imported(String)
    case completed(path: String, candidates: [String])
    /// What taking back this console's import would do (asked before it is done).
    case undoPlan(file: String, removes: Int, restores: Int, keeps: Int)
    /// A document was written to this file.
    case written(String)
}

/// The preview of an import, as the shell planned it.
public struct ImportPreview: Equatable, Sendable {
    public var file: String
    public var lines: [String]
    /// Rows the import would save (0: nothing to confirm).
    public var ready: Int
    /// Rows that matched an artisan already stored.
    public var existing: Int
    public var updates: Bool
}

/// What each screen is (the title line names it; tests check which screen is on top).
public enum ScreenKind: Equatable, Sendable {
    case list, search, detail, help, menu(MenuPurpose), importPath, importPreview, form, picker, confirm, prompt, code,
         conflict, history, participants, checkIn, schedule, salesGrid, trainerPicker, today
}

public enum MenuPurpose: Equatable, Sendable {
    case main, filter, kecamatan, category, certification, sessionStatus, exhibitionStatus
    /// Correcting a mark: which meeting day (the days offered), then which mark.
    case attendanceDay([CivilDate]), attendanceMark
    /// A menu of records holds the records it offered, so the choice is the record shown even
    /// when a colleague's save changes the lists meanwhile (never a position looked up again).
    /// Enrolling an artisan from their record: which upcoming session.
    case enrolIn(EntityID, sessions: [EntityID])
    /// Ctrl-P on a session's participants: which document.
    case printFor(EntityID)
    /// Merging a duplicate into this artisan: which one.
    case mergeInto(EntityID, others: [EntityID])
    /// The Organisation pane: which term's board to show; what kind of record to add.
    case boardTerm([EntityID]), newCouncil
}

