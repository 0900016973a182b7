import KriyaText

/// One line of editable text with a cursor, edited on characters (never bytes), with the
/// readline keys people know from the shell: Ctrl-A/E start and end, Ctrl-K/U cut to the end or
/// the start, Ctrl-W the word before, Home/End, Left/Right, Backspace/Delete.
public struct TextField: Equatable, Sendable {
    public private(set) var characters: [Character]
    /// Position of the cursor, 0…count.
    public private(set) var cursor: Int
    public var maxLength: Int

    public init(_ text: String = "", maxLength: Int = 200) {
        characters = Array(text)
        cursor = characters.count
        self.maxLength = maxLength
    }

    public var text: String { String(characters) }

    /// What an editing key does.
    public enum Edit: Equatable, Sendable {
        case left, right, start, end, deleteBackward, deleteForward, cutToEnd, cutToStart, cutWord
    }

    /// The editing keys, declared once: `handle` obeys exactly these (and typed characters),
    /// and a screen's help lists them from here.
    public static let keyMap: [(key: Key, edit: Edit)] = [
        (.left, .left), (.ctrl("b"), .left), (.right, .right), (.ctrl("f"), .right),
        (.home, .start), (.ctrl("a"), .start), (.end, .end), (.ctrl("e"), .end),
        (.backspace, .deleteBackward), (.ctrl("h"), .deleteBackward), (.delete, .deleteForward), (.ctrl("d"), .deleteForward),
        (.ctrl("k"), .cutToEnd), (.ctrl("u"), .cutToStart), (.ctrl("w"), .cutWord),
    ]

    /// Applies an editing key or a typed character; false when the key is neither (Tab,
    /// Enter…). `accept` says which typed characters the field takes (digits only, say).
    @discardableResult
    public mutating func handle(_ key: Key, accept: (Character) -> Bool = { _ in true }) -> Bool {
        if case .char(let c) = key {
            guard accept(c), characters.count < maxLength, !c.isNewline else { return true }
            characters.insert(c, at: cursor)
            cursor += 1
            return true
        }
        guard let edit = Self.keyMap.first(where: { $0.key == key })?.edit else { return false }
        apply(edit)
        return true
    }

    public mutating func apply(_ edit: Edit) {
        switch edit {
        case .deleteBackward:
            if cursor > 0 { characters.remove(at: cursor - 1); cursor -= 1 }
        case .deleteForward:
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .start: cursor = 0
        case .end: cursor = characters.count
        case .cutToEnd: characters.removeSubrange(cursor...)
        case .cutToStart:
            characters.removeSubrange(..<cursor)
            cursor = 0
        case .cutWord:
            var start = cursor
            while start > 0, characters[start - 1] == " " { start -= 1 }
            while start > 0, characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        }
    }

    /// The text as shown in `width` cells, scrolled so the cursor stays visible, and the
    /// cursor's column within it.
    public func visible(width: Int) -> (text: String, cursorColumn: Int) {
        guard width > 1 else { return ("", 0) }
        var start = 0
        // Scroll right until the text before the cursor fits, leaving a cell for the cursor.
        while DisplayWidth.of(String(characters[start..<cursor])) > width - 1 { start += 1 }
        var shown = ""
        var used = 0
        for c in characters[start...] {
            let w = DisplayWidth.of(c)
            if used + w > width { break }
            shown.append(c)
            used += w
        }
        return (shown, DisplayWidth.of(String(characters[start..<cursor])))
    }
}
