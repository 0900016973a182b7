import KriyaCore
import TextUI

/// The panes of the main screen.
public enum Pane: Int, CaseIterable, Sendable {
    case artisans = 0, sessions, exhibitions, reports, organisation

    /// The stored command that adds a record here (the organisation pane adds three kinds).
    var addCommand: CommandName? {
        switch self {
        case .artisans: return .addArtisan
        case .sessions: return .addSession
        case .exhibitions: return .addExhibition
        case .reports, .organisation: return nil
        }
    }
}

/// What a key does. One vocabulary for every screen; each screen binds the ones it has.
public enum Action: Equatable, Sendable {
    // Moving in a list or a page of text.
    case up, down, pageUp, pageDown, first, last, left, right
    // The main screen.
    case nextPane, previousPane, pane(Pane)
    case startSearch, keepSearch, clearSearch, open, back
    case menu, filter, sortNext, sortReverse, clearFilters
    case importFile, newRecord, editRecord, enrol, participants, checkIn, schedule, history, undo, remove, merge, showCode
    // Every screen (the shell does these).
    case help, quit, confirmQuit, redraw, suspend
    // Forms, prompts and dialogs.
    case save, nextField, previousField, done, cancel, complete, yes, no, anyway
    // The check-in door.
    case present, excused, absent, closeDay, walkIn, certificates, print
    // Participants of an event.
    case add, withdraw, accept, reject, propose, booth, sales, salesGrid, correct
    // The month view.
    case today
    // A form's field with its own picker (a session's trainers).
    case pick
    // The conflict view.
    case theirs, mine, toggle
    // The import preview.
    case switchUpdates
}

/// One line of help: the keys and what each does, the help text, the key-bar label if it has
/// one, and whether it can act now. A screen's bindings are the one table its dispatch, key
/// bar, F1 help and menus read. Every F-key has a letter or Alt twin where letters are free
/// (terminals and SSH clients eat F-keys).
public struct Binding: Sendable {
    public let keys: [(key: Key, action: Action)]
    public let help: UIKey
    public let bar: UIKey?
    /// How the key bar writes the keys ("←→"); the first key's label otherwise.
    public let barKeys: String?
    /// False when the binding cannot act now (no record selected, another pane): not in the
    /// key bar, greyed in the help, and its keys do nothing but say why.
    public var enabled: Bool
    /// Set when the binding is off because the user's role is below this one (issue 17).
    public var needs: StaffRole?
    /// The least role the binding needs where that depends on where it is rather than on its
    /// action (F7 adds an artisan, a clerk's, on one pane and a session, an editor's, on another).
    public var role: StaffRole?

    public init(_ keys: [(Key, Action)], help: UIKey, bar: UIKey? = nil, barKeys: String? = nil, enabled: Bool = true) {
        self.keys = keys.map { (key: $0.0, action: $0.1) }
        self.help = help
        self.bar = bar
        self.barKeys = barKeys
        self.enabled = enabled
    }

    /// The same binding needing `role` (nil: its action's own).
    func needing(_ role: StaffRole?) -> Binding {
        var b = self
        b.role = role
        return b
    }

    /// The same keys for one action.
    public init(_ keys: [Key], _ action: Action, help: UIKey, bar: UIKey? = nil, barKeys: String? = nil, enabled: Bool = true) {
        self.init(keys.map { ($0, action) }, help: help, bar: bar, barKeys: barKeys, enabled: enabled)
    }

    /// How the keys read in the help: `/ F3`.
    public var keyLabels: String { keys.map(\.key.label).joined(separator: " ") }
}

extension Binding {
    /// Bound on every screen by the shell, after the screen's own: help, redraw, suspend, and
    /// Ctrl-C (which asks before quitting).
    static let common: [Binding] = [
        Binding([.f(1)], .help, help: .uiHelpTitle, bar: .uiKeyHelp),
        Binding([.ctrl("l")], .redraw, help: .uiHelpRedraw),
        Binding([.ctrl("z")], .suspend, help: .uiHelpSuspend),
        Binding([.ctrl("c")], .confirmQuit, help: .uiHelpConfirmQuit),
    ]

    /// ↑↓ (and j/k where letters are not typed), pages, first and last row.
    static func moving(letters: Bool) -> [Binding] {
        [Binding([(.up, .up), (.down, .down)] + (letters ? [(.char("k"), .up), (.char("j"), .down)] : []), help: .uiHelpMove),
         Binding([(.pageUp, .pageUp), (.pageDown, .pageDown)], help: .uiHelpPage),
         Binding([(.home, .first), (.end, .last)] + (letters ? [(.char("g"), .first), (.char("G"), .last)] : []), help: .uiHelpEnds)]
    }
}

extension Array where Element == Binding {
    /// The binding a key belongs to and its action (the first binding that has the key wins).
    func match(_ key: Key) -> (binding: Binding, action: Action)? {
        for b in self { if let hit = b.keys.first(where: { $0.key == key }) { return (b, hit.action) } }
        return nil
    }

    /// Key-bar items: the enabled bindings that have a label.
    func bar(_ lang: Lang) -> [(key: String, label: String)] {
        compactMap { b in b.enabled ? b.bar.map { (b.barKeys ?? b.keys[0].key.label, UIText.text($0, lang)) } : nil }
    }
}

extension Action {
    /// The least role the action needs to change anything (the store checks the change itself
    /// as well); nil for looking around. A clerk runs the door: marks, enrolments, walk-ins,
    /// booths and sales; records, curation, certificates and imports are an editor's. No
    /// default: a new action does not compile until it says.
    var neededRole: StaffRole? {
        switch self {
        case .enrol, .add, .withdraw, .checkIn, .present, .excused, .absent, .closeDay, .walkIn, .booth, .sales, .salesGrid, .correct:
            return .clerk
        case .newRecord, .editRecord, .importFile, .merge, .remove, .accept, .reject, .propose, .certificates, .pick:
            return .editor
        // Looking, moving, printing, asking; undo and saving are checked by what they change.
        case .up, .down, .pageUp, .pageDown, .first, .last, .left, .right, .nextPane, .previousPane, .pane, .startSearch,
             .keepSearch, .clearSearch, .open, .back, .menu, .filter, .sortNext, .sortReverse, .clearFilters, .participants,
             .schedule, .history, .undo, .showCode, .help, .quit, .confirmQuit, .redraw, .suspend, .save, .nextField,
             .previousField, .done, .cancel, .complete, .yes, .no, .anyway, .print, .today, .theirs, .mine, .toggle,
             .switchUpdates:
            return nil
        }
    }
}

extension Array where Element == Binding {
    /// The bindings with those above `role` turned off, each saying which role it needs.
    func limited(to role: StaffRole) -> [Binding] {
        map { b in
            guard b.enabled, let needed = b.role ?? b.keys.compactMap({ $0.action.neededRole }).max(), needed > role else { return b }
            var off = b
            off.enabled = false
            off.needs = needed
            return off
        }
    }
}
