import KriyaText

/// Which characters a field takes as they are typed; everything else is ignored at once.
public enum CharacterFilter: Equatable, Sendable {
    case any, digits
    /// Digits and what people put in phone numbers: + - space ( ) .
    case phone

    func accepts(_ c: Character) -> Bool {
        switch self {
        case .any: return true
        case .digits: return c.isASCII && c.isNumber
        case .phone: return (c.isASCII && c.isNumber) || "+- ().".contains(c)
        }
    }
}

/// One labelled field of a form. `key` ties it to the record's field (and its errors).
public struct FormField: Equatable, Sendable {
    public let key: String
    public let label: String
    public var required: Bool
    public var filter: CharacterFilter
    public var hint: String
    public var input: TextField
    /// Shown beside the field until it is fixed.
    public var error: String?
    private let original: String

    public init(key: String, label: String, value: String = "", required: Bool = false, filter: CharacterFilter = .any,
                hint: String = "", maxLength: Int = 200) {
        self.key = key
        self.label = label
        self.required = required
        self.filter = filter
        self.hint = hint
        input = TextField(value, maxLength: maxLength)
        original = value
    }

    public var value: String { input.text }
    public var isDirty: Bool { input.text != original }
}

/// A keyboard-driven form: Tab/Shift-Tab, ↑/↓ and Enter move between fields; the readline
/// keys edit inside one; Ctrl-S or F2 asks to save; Esc asks to cancel. What saving and
/// checking mean is the caller's: the form reports the events and shows the errors it is given.
public struct Form: Equatable, Sendable {
    public enum Event: Equatable, Sendable {
        case none
        /// Focus left this field (check it now).
        case left(Int)
        case save, cancel
    }

    public var title: String
    public var fields: [FormField]
    public private(set) var focus = 0

    public init(title: String, fields: [FormField]) {
        self.title = title
        self.fields = fields
    }

    public var isDirty: Bool { fields.contains { $0.isDirty } }

    public mutating func handle(_ key: Key) -> Event {
        switch key {
        case .ctrl("s"), .f(2): return .save
        case .escape: return .cancel
        case .tab, .down, .enter: return move(to: focus + 1)
        case .backTab, .up: return move(to: focus - 1)
        default:
            let filter = fields[focus].filter
            fields[focus].input.handle(key, accept: filter.accepts)
            return .none
        }
    }

    private mutating func move(to index: Int) -> Event {
        let left = focus
        focus = (index + fields.count) % fields.count
        return .left(left)
    }

    /// Puts the focus on field `index` (a restored draft).
    public mutating func focus(on index: Int) {
        focus = min(max(0, index), fields.count - 1)
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

    /// Draws the form in `area`: a label column, the values, an error under a field in error;
    /// scrolled so the focused field is on screen however tall the form is.
    public func render(into grid: inout Grid, area: Rect) {
        grid.put(" " + title, x: area.x, y: area.y, role: .header, limit: area.width)
        let labelWidth = min(24, (fields.map { DisplayWidth.of($0.label) }.max() ?? 0) + 3)
        let valueX = area.x + labelWidth + 2
        let valueWidth = max(10, area.width - labelWidth - 4)
        // Each field takes one row, two with an error under it.
        let heights = fields.map { $0.error == nil ? 1 : 2 }
        let room = area.height - 2
        var first = 0
        while heights[first...focus].reduce(0, +) > room { first += 1 }
        var y = area.y + 2
        for i in first..<fields.count {
            guard y + heights[i] <= area.y + area.height else { break }
            let f = fields[i]
            let label = (f.required ? "* " : "  ") + f.label
            grid.put(DisplayWidth.pad(label, toCells: labelWidth), x: area.x + 1, y: y, role: i == focus ? .header : .normal)
            grid.fill(Rect(x: valueX, y: y, width: valueWidth, height: 1), role: i == focus ? .selected : .search)
            if f.value.isEmpty && i != focus && !f.hint.isEmpty {
                grid.put(f.hint, x: valueX, y: y, role: .muted, limit: valueWidth)
            } else {
                let shown = f.input.visible(width: valueWidth)
                grid.put(TerminalSafe.text(shown.text), x: valueX, y: y, role: i == focus ? .selected : .search, limit: valueWidth)
                if i == focus {
                    // The cursor: the character under it in the active-tab colours, or a bar at the end.
                    let x = valueX + min(shown.cursorColumn, valueWidth - 1)
                    if f.input.cursor < f.input.characters.count {
                        grid.put(TerminalSafe.text(String(f.input.characters[f.input.cursor])), x: x, y: y, role: .tabActive)
                    } else {
                        grid.put("▏", x: x, y: y, role: .selected)
                    }
                }
            }
            if let error = f.error {
                grid.put("↳ " + error, x: valueX, y: y + 1, role: .error, limit: valueWidth)
            }
            y += heights[i]
        }
    }
}
