import KriyaCore
import TextUI

/// What a key does in the console.
public enum Action: Equatable, Sendable {
    case up, down, pageUp, pageDown, first, last
    case nextPane, previousPane, pane(ConsoleState.Pane)
    case startSearch, open, back, help, quit, redraw, suspend
    case menu, filter, sortNext, sortReverse, clearFilters
    /// Ask for a CSV file, then show what importing it would do.
    case importFile
    /// The form for a new artisan.
    case newRecord
    /// The form for the selected artisan.
    case editRecord
    /// Pick an artisan to enrol in the selected Bimtek session.
    case enrol
    /// The participants of the selected session or exhibition.
    case participants
    /// The check-in door of the selected session.
    case checkIn
    /// The month view of sessions and exhibitions.
    case schedule
    /// The selected record's audit trail.
    case history
    /// Undo this user's last change.
    case undo
    /// Archive or delete the selected artisan (asks first).
    case remove
    /// Ctrl-C: quit only when pressed twice (it is easy to hit by habit).
    case confirmQuit
}

/// One line of help: the keys, what each does, the help text, and the key-bar label if it
/// has one. The key bar, the help screen and the key handling all read this one table.
/// Every F-key has a letter twin (terminals and SSH clients eat F-keys).
public struct Binding: Sendable {
    public let keys: [(key: Key, action: Action)]
    public let help: TextKey
    public let bar: TextKey?
}

public enum Keymap {
    public static let list: [Binding] = [
        Binding(keys: [(.f(1), .help), (.char("?"), .help)], help: .uiHelpTitle, bar: .uiKeyHelp),
        Binding(keys: [(.char("/"), .startSearch), (.f(3), .startSearch)], help: .uiHelpSearch, bar: .uiKeySearch),
        Binding(keys: [(.f(7), .newRecord), (.char("a"), .newRecord), (.char("n"), .newRecord)], help: .uiHelpNew, bar: .uiKeyNew),
        Binding(keys: [(.f(4), .editRecord), (.char("e"), .editRecord)], help: .uiHelpEdit, bar: nil),
        Binding(keys: [(.char("+"), .enrol)], help: .uiHelpEnrol, bar: nil),
        Binding(keys: [(.char("p"), .participants)], help: .uiHelpParticipants, bar: nil),
        Binding(keys: [(.char("c"), .checkIn)], help: .uiHelpCheckIn, bar: nil),
        Binding(keys: [(.char("m"), .schedule), (.f(6), .schedule)], help: .uiHelpSchedule, bar: nil),
        Binding(keys: [(.char("d"), .remove), (.char("D"), .remove), (.delete, .remove)], help: .uiHelpRemove, bar: nil),
        Binding(keys: [(.char("u"), .undo)], help: .uiHelpUndo, bar: nil),
        Binding(keys: [(.char("h"), .history)], help: .uiHelpHistory, bar: nil),
        Binding(keys: [(.enter, .open)], help: .uiHelpOpen, bar: .uiKeyOpen),
        Binding(keys: [(.f(9), .menu), (.alt("m"), .menu)], help: .uiHelpMenu, bar: .uiKeyMenu),
        Binding(keys: [(.char("f"), .filter), (.alt("f"), .filter)], help: .uiHelpFilter, bar: .uiKeyFilter),
        Binding(keys: [(.char("s"), .sortNext), (.char("S"), .sortReverse)], help: .uiHelpSort, bar: nil),
        Binding(keys: [(.char("I"), .importFile)], help: .uiHelpImport, bar: nil),
        Binding(keys: [(.char("1"), .pane(.artisans)), (.char("2"), .pane(.sessions)), (.char("3"), .pane(.exhibitions)),
                       (.char("4"), .pane(.reports)),
                       (.tab, .nextPane), (.backTab, .previousPane)], help: .uiHelpSwitch, bar: .uiKeyPane),
        Binding(keys: [(.up, .up), (.down, .down), (.char("k"), .up), (.char("j"), .down)], help: .uiHelpMove, bar: nil),
        Binding(keys: [(.pageUp, .pageUp), (.pageDown, .pageDown)], help: .uiHelpPage, bar: nil),
        Binding(keys: [(.home, .first), (.end, .last), (.char("g"), .first), (.char("G"), .last)], help: .uiHelpEnds, bar: nil),
        Binding(keys: [(.escape, .back)], help: .uiHelpBack, bar: nil),
        Binding(keys: [(.ctrl("l"), .redraw)], help: .uiHelpRedraw, bar: nil),
        Binding(keys: [(.ctrl("z"), .suspend)], help: .uiHelpSuspend, bar: nil),
        Binding(keys: [(.f(10), .quit), (.char("q"), .quit), (.ctrl("c"), .confirmQuit)], help: .uiHelpQuit, bar: .uiKeyQuit),
    ]

    /// The action of a key in the list or detail view.
    public static func action(for key: Key) -> Action? {
        for binding in list {
            if let hit = binding.keys.first(where: { $0.key == key }) { return hit.action }
        }
        return nil
    }

    /// The keys of a form, for its key bar (the form itself handles them).
    public static func formBar(_ lang: Lang) -> [(key: String, label: String)] {
        [("F2", L10n.text(.uiKeySave, lang)), ("Tab", L10n.text(.uiKeyNext, lang)), ("Esc", L10n.text(.uiKeyCancel, lang))]
    }

    /// The keys of the conflict view.
    public static func conflictBar(_ lang: Lang) -> [(key: String, label: String)] {
        [("F2", L10n.text(.uiKeySave, lang)), ("←", L10n.text(.uiKeyTheirs, lang)), ("→", L10n.text(.uiKeyMine, lang)),
         ("↑↓", L10n.text(.uiKeyChoose, lang)), ("Esc", L10n.text(.uiKeyCancel, lang))]
    }

    /// The keys of the participants screen of a session or an exhibition.
    public static func participantsBar(_ lang: Lang, exhibition: Bool) -> [(key: String, label: String)] {
        let t = { (k: TextKey) in L10n.text(k, lang) }
        return [("+", t(.uiKeyAdd)), ("-", t(.uiKeyWithdraw))]
            + (exhibition ? [("a", t(.uiKeyAccept)), ("r", t(.uiKeyReject)), ("b", t(.uiKeyBooth)), ("$", t(.uiKeySales)), ("g", t(.uiKeyGrid))] : [])
            + [("u", t(.uiKeyUndo)), ("Esc", t(.uiKeyBack))]
    }

    /// The keys of the check-in door (letters are the search: only F-keys and Alt-letters act).
    public static func checkInBar(_ lang: Lang) -> [(key: String, label: String)] {
        let t = { (k: TextKey) in L10n.text(k, lang) }
        return [("Enter", t(.uiKeyPresent)), ("F3", t(.uiKeyExcused)), ("F4", t(.uiKeyAbsent)), ("F5", t(.uiKeyUndo)),
                ("F6", t(.uiKeyCloseDay)), ("F7", t(.uiKeyWalkIn)), ("Esc", t(.uiKeyBack))]
    }

    /// The keys of the sales grid.
    public static func salesGridBar(_ lang: Lang) -> [(key: String, label: String)] {
        let t = { (k: TextKey) in L10n.text(k, lang) }
        return [("Enter", t(.uiKeyDown)), ("Tab", t(.uiKeyNext)), ("Esc", t(.uiKeySaveBack))]
    }

    /// The keys of the month view.
    public static func scheduleBar(_ lang: Lang) -> [(key: String, label: String)] {
        let t = { (k: TextKey) in L10n.text(k, lang) }
        return [("←→", t(.uiKeyDayMove)), ("↑↓", t(.uiKeyWeek)), ("PgUp/Dn", t(.uiKeyMonth)), ("Home", t(.uiKeyToday)),
                ("Enter", t(.uiKeyOpen)), ("Esc", t(.uiKeyBack))]
    }

    /// The keys of the artisan picker.
    public static func pickerBar(_ lang: Lang) -> [(key: String, label: String)] {
        [("Enter", L10n.text(.uiKeyEnrol, lang)), ("↑↓", L10n.text(.uiKeyChoose, lang)), ("Esc", L10n.text(.uiKeyCancel, lang))]
    }

    /// Key-bar items: the first key of each binding that has a label.
    public static func bar(_ lang: Lang) -> [(key: String, label: String)] {
        list.compactMap { b in b.bar.map { (b.keys[0].key.label, L10n.text($0, lang)) } }
    }
}
