/// One labelled field of a form. `key` ties it to the record's field (and its errors).
public struct FormField: Sendable {
    public let key: String
    public let label: String
    public var required: Bool
    public var kind: any FieldKind
    public var hint: String
    public var input: TextField
    /// Shown beside the field until it is fixed.
    public var error: String?
    public private(set) var original: String

    public init(key: String, label: String, value: String = "", required: Bool = false, kind: any FieldKind = TextKind(),
                hint: String = "", maxLength: Int = 200) {
        self.key = key
        self.label = label
        self.required = required
        self.kind = kind
        self.hint = hint
        input = TextField(value, maxLength: maxLength)
        original = value
    }

    public init(key: String, label: String, value: String = "", required: Bool = false, filter: CharacterFilter,
                hint: String = "", maxLength: Int = 200) {
        self.init(key: key, label: label, value: value, required: required, kind: TextKind(filter), hint: hint, maxLength: maxLength)
    }

    public var value: String { input.text }
    public var isDirty: Bool { input.text != original }
    public var choice: ChoiceKind? { kind as? ChoiceKind }

    /// Replaces the value (a choice taken, a conflict resolved), cursor at the end.
    public mutating func set(_ text: String) {
        input = TextField(text, maxLength: max(input.maxLength, text.count))
    }

    /// Makes `text` the value the field started from (a conflict resolved against a newer record).
    public mutating func rebase(_ text: String) { original = text }
}

/// A keyboard-driven form: Tab/Shift-Tab, ↑/↓ and Enter move between fields; the readline
/// keys edit inside one; Ctrl-S or F2 asks to save; Esc asks to cancel. What saving and
/// checking mean is the caller's: the form reports the events and shows the errors it is given.
/// A choice field offers its options as the user types (`Form+Choice`).
public struct Form: Sendable {
    public enum Event: Equatable, Sendable {
        case none
        /// Focus left this field (check it now).
        case left(Int)
        case save, cancel
    }

    public var title: String
    public var fields: [FormField]
    public internal(set) var focus = 0
    /// The highlighted option of the focused choice field's list.
    public internal(set) var highlight = 0
    /// The table a list field is open in (Enter on the field), if any.
    public internal(set) var list: ListEditor?
    /// The keys of that table, in the user's language (the caller's strings).
    public var listHelp = ""

    public init(title: String, fields: [FormField]) {
        self.title = title
        self.fields = fields
    }

    public var isDirty: Bool { fields.contains { $0.isDirty } }

    public mutating func handle(_ key: Key) -> Event {
        if var editor = list {
            switch editor.handle(key) {
            case .editing: list = editor
            case .cancelled: list = nil
            case .done:
                fields[focus].set(editor.text)
                list = nil
                if key == .f(2) || key == .ctrl("s") { return .save }
            }
            return .none
        }
        if key == .enter, let kind = fields[focus].kind as? ListKind {
            list = ListEditor(kind, text: fields[focus].value)
            return .none
        }
        if let event = handleChoice(key) { return event }
        if let event = handleMultiChoice(key) { return event }
        switch key {
        case .ctrl("s"), .f(2): return .save
        case .escape: return .cancel
        case .tab, .down, .enter: return move(to: focus + 1)
        case .backTab, .up: return move(to: focus - 1)
        default:
            let kind = fields[focus].kind
            // Typing over a chosen option starts a new choice, as in any select box.
            if case .char = key, let choice = fields[focus].choice, choice.exact(fields[focus].value) != nil {
                fields[focus].set("")
            }
            fields[focus].input.handle(key, accept: kind.accepts)
            highlight = 0
            return .none
        }
    }

    mutating func move(to index: Int) -> Event {
        let left = focus
        focus = (index + fields.count) % fields.count
        highlight = 0
        return .left(left)
    }

    /// Puts the focus on field `index` (a restored draft).
    public mutating func focus(on index: Int) {
        focus = min(max(0, index), fields.count - 1)
        highlight = 0
    }

    /// Shows `errors` (by field key), clears the others, and puts the focus on the first
    /// field in error.
    public mutating func show(errors: [String: String]) {
        for i in fields.indices { fields[i].error = errors[fields[i].key] }
        if let first = fields.firstIndex(where: { $0.error != nil }) { focus = first }
    }

    /// Sets or clears the error of one field (after it was left).
    public mutating func show(error: String?, for index: Int) {
        fields[index].error = error
    }

    public func value(_ key: String) -> String { fields.first { $0.key == key }?.value ?? "" }

    public func index(of key: String) -> Int? { fields.firstIndex { $0.key == key } }
}
