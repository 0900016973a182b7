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

    /// Applies an editing key; false when the key is not an editing key (Tab, Enter…).
    /// `accept` says which typed characters the field takes (digits only, say).
    @discardableResult
    public mutating func handle(_ key: Key, accept: (Character) -> Bool = { _ in true }) -> Bool {
        switch key {
        case .char(let c):
            guard accept(c), characters.count < maxLength, !c.isNewline else { return true }
            characters.insert(c, at: cursor)
            cursor += 1
        case .backspace, .ctrl("h"):
            if cursor > 0 { characters.remove(at: cursor - 1); cursor -= 1 }
        case .delete, .ctrl("d"):
            if cursor < characters.count { characters.remove(at: cursor) }
        case .left, .ctrl("b"): cursor = max(0, cursor - 1)
        case .right, .ctrl("f"): cursor = min(characters.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = characters.count
        case .ctrl("k"): characters.removeSubrange(cursor...)
        case .ctrl("u"):
            characters.removeSubrange(..<cursor)
            cursor = 0
        case .ctrl("w"):
            var start = cursor
            while start > 0, characters[start - 1] == " " { start -= 1 }
            while start > 0, characters[start - 1] != " " { start -= 1 }
            characters.removeSubrange(start..<cursor)
            cursor = start
        default:
            return false
        }
        return true
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
