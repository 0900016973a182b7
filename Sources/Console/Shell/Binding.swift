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
    /// The screen takes the key itself (`Screen.type`): typed into its text, an Alt-letter
    /// menu, a row's number, a dialog's other keys. Bound like any action, so only the keys a
    /// binding declares reach the screen.
    case type
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
    /// The stored change it makes, where that depends on where it is (F7, as above).
    public var command: CommandName?
    /// Off because this console is a door away from the office (issue 33), which does the
    /// door's work only.
    public var officeOnly = false
    /// The action of every typed character no other binding has (a text's letters and digits).
    public var anyCharacter: Action?
    /// The action of every key no other binding has (the help: any key closes it).
    public var anyKey: Action?
    /// How the help writes keys that are not a list ("A–Z 0–9", "other keys").
    public var keysText: UIKey?

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

    /// The same binding making `command` (its role, and whether a door may).
    func making(_ command: CommandName?) -> Binding {
        var b = needing(command?.role)
        b.command = command
        return b
    }

    /// The same keys for one action.
    public init(_ keys: [Key], _ action: Action, help: UIKey, bar: UIKey? = nil, barKeys: String? = nil, enabled: Bool = true) {
        self.init(keys.map { ($0, action) }, help: help, bar: bar, barKeys: barKeys, enabled: enabled)
    }

    /// How the keys read in the help: `/ F3`; Alt-letters together (`Alt-D/V/E`).
    public var keyLabels: String {
        let alts = keys.compactMap { k -> String? in if case .alt(let c) = k.key { String(c).uppercased() } else { nil } }
        guard alts.count > 1, alts.count == keys.count else { return keys.map(\.key.label).joined(separator: " ") }
        return "Alt-" + alts.joined(separator: "/")
    }

    /// The keys as the help writes them.
    public func keyText(_ lang: Lang) -> String {
        let listed = keyLabels
        guard let keysText else { return listed }
        return listed.isEmpty ? UIText.text(keysText, lang) : UIText.text(keysText, lang) + " " + listed
    }

    /// A binding for every typed character (no key listed); `help` says what typing does.
    static func characters(_ action: Action, help: UIKey, keysText: UIKey = .uiKeysTyping) -> Binding {
        var b = Binding([(Key, Action)](), help: help)
        b.anyCharacter = action
        b.keysText = keysText
        return b
    }

    /// A binding for every key no other binding has.
    static func otherKeys(_ action: Action, help: UIKey) -> Binding {
        var b = Binding([(Key, Action)](), help: help)
        b.anyKey = action
        b.keysText = .uiKeysOther
        return b
    }

    /// Typing into a text (`TextField`): characters, and its editing keys that `others` leave
    /// free, grouped as the help lists them.
    static func typing(into help: UIKey, after others: [Binding]) -> [Binding] {
        let taken = Set(others.flatMap { $0.keys.map(\.key) })
        let groups: [(UIKey, [TextField.Edit])] = [
            (.uiHelpTextMove, [.left, .right]),
            (.uiHelpTextEnds, [.start, .end]),
            (.uiHelpTextDelete, [.deleteBackward, .deleteForward]),
            (.uiHelpTextCut, [.cutToEnd, .cutToStart, .cutWord]),
        ]
        var out = [characters(.type, help: help)]
        for (text, edits) in groups {
            let keys = TextField.keyMap.filter { edits.contains($0.edit) && !taken.contains($0.key) }.map { ($0.key, Action.type) }
            if !keys.isEmpty { out.append(Binding(keys, help: text)) }
        }
        return out
    }
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
        if case .char = key, let b = first(where: { $0.anyCharacter != nil }) { return (b, b.anyCharacter!) }
        if key != .resize, let b = first(where: { $0.anyKey != nil }) { return (b, b.anyKey!) }
        return nil
    }

    /// With typing into a text (see `Binding.typing`) after these.
    func typing(into help: UIKey) -> [Binding] { self + Binding.typing(into: help, after: self) }

    /// Key-bar items: the enabled bindings that have a label.
    func bar(_ lang: Lang) -> [(key: String, label: String)] {
        compactMap { b in b.enabled ? b.bar.map { (b.barKeys ?? b.keys[0].key.label, UIText.text($0, lang)) } : nil }
    }
}

extension Action {
    /// Changes a door away from the office leaves to the office (`CommandName.atTheDoor`):
    /// records, curation, booths and sales, imports, deletions.
    var isOfficeWork: Bool {
        [.editRecord, .remove, .merge, .importFile, .accept, .reject, .propose, .booth, .sales, .salesGrid, .pick].contains(self)
    }

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
             .switchUpdates, .type:
            return nil
        }
    }
}

extension Array where Element == Binding {
    /// The bindings with those above `role` turned off, each saying which role it needs.
    /// At a door away from the office: the office's work off, saying why (the store refuses it
    /// anyway; a form filled in to be refused on saving is no kindness).
    func limited(atTheDoor door: Bool) -> [Binding] {
        guard door else { return self }
        return map { b in
            let office = b.command.map { !$0.atTheDoor } ?? b.keys.contains { $0.action.isOfficeWork }
            guard b.enabled, office else { return b }
            var off = b
            off.enabled = false
            off.officeOnly = true
            return off
        }
    }

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
