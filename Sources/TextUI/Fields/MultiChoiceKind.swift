import KriyaText

/// Several values from a short list (certification kinds, a session's partners): the field's
/// text is the chosen ones, separated by `separator` (a comma, or "; " where names hold commas:
/// "Dinas Koperasi, Perindustrian dan Perdagangan"). While the field has the focus its options are listed under it with
/// their marks; ↑/↓ move, Space ticks or unticks, a letter jumps to the option it begins.
public struct MultiChoiceKind: FieldKind {
    public let options: [String]
    public let separator: String
    public init(_ options: [String], separator: String = ", ") {
        self.options = options
        self.separator = separator
    }

    public func accepts(_ c: Character) -> Bool { false }

    /// The chosen options, in the list's order, from the field's text.
    public func chosen(_ text: String) -> [String] {
        let mark = separator.first { $0 != " " } ?? ","
        let typed = Set(text.split(separator: mark).map { Fold.string(String($0).withoutOuterSpaces) })
        return options.filter { typed.contains(Fold.string($0)) }
    }

    /// The text with `option` ticked or unticked.
    public func toggling(_ option: String, in text: String) -> String {
        var now = chosen(text)
        if let at = now.firstIndex(of: option) { now.remove(at: at) } else { now.append(option) }
        return options.filter { now.contains($0) }.joined(separator: separator)
    }

    public func note(for text: String) -> String? { nil }
}

extension Form {
    /// Keys of a focused multi-choice field; nil for the ones it leaves to the form.
    mutating func handleMultiChoice(_ key: Key) -> Event? {
        guard let multi = fields[focus].kind as? MultiChoiceKind, !multi.options.isEmpty else { return nil }
        switch key {
        case .up:
            guard highlight > 0 else { return nil }       // at the top: ↑ leaves the field
            highlight -= 1
        case .down:
            guard highlight < multi.options.count - 1 else { return nil }
            highlight += 1
        case .char(" "):
            fields[focus].set(multi.toggling(multi.options[highlight], in: fields[focus].value))
        case .char(let c):
            let letter = Fold.string(String(c))
            if let at = multi.options.firstIndex(where: { Fold.string($0).hasPrefix(letter) }) { highlight = at }
        case .ctrl("u"), .backspace, .delete:
            fields[focus].set("")
        default:
            return nil
        }
        return Event.none
    }
}
