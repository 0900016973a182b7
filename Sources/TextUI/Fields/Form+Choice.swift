/// Type-ahead in a choice field: while the typed text is not yet one of the options, ↑/↓ move
/// through the matching ones and Tab or Enter takes the highlighted one (and moves on).
extension Form {
    /// The options listed under the focused field, and whether they are being chosen from
    /// (text typed that is not an option yet) or only shown as a hint (empty field).
    public var offered: (options: [ChoiceKind.Option], choosing: Bool)? {
        let field = fields[focus]
        guard let choice = field.choice else { return nil }
        let group = choice.groupField.map { value($0) }
        let typed = field.value
        if typed.allSatisfy({ $0 == " " }) { return (choice.matches("", group: group), false) }
        if choice.exact(typed) != nil { return nil }
        let found = choice.matches(typed, group: group)
        return found.isEmpty ? nil : (found, true)
    }

    /// Handles the keys that mean something else while choosing; nil for the rest.
    mutating func handleChoice(_ key: Key) -> Event? {
        guard let (options, choosing) = offered, choosing else { return nil }
        switch key {
        case .up:
            highlight = max(0, highlight - 1)
            return Event.none
        case .down:
            highlight = min(options.count - 1, highlight + 1)
            return Event.none
        case .tab, .enter:
            take(options[min(highlight, options.count - 1)])
            return move(to: focus + 1)
        default:
            return nil
        }
    }

    /// Puts the option in the focused field, and its group in the group field when that is empty.
    mutating func take(_ option: ChoiceKind.Option) {
        fields[focus].set(option.label)
        if let choice = fields[focus].choice, let groupKey = choice.groupField, let group = option.group,
           let g = index(of: groupKey), fields[g].value.allSatisfy({ $0 == " " }) {
            fields[g].set(group)
            fields[g].error = nil
        }
    }
}
