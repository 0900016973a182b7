import KriyaText

/// A value chosen from a list, with type-ahead: what is typed narrows the options (names that
/// start with it first, then names that contain it) and Tab or Enter takes the highlighted one.
/// An option may belong to a group named by another field (a kelurahan to its kecamatan): when
/// that field holds a value, only its options are offered, and choosing one fills it in.
public struct ChoiceKind: FieldKind {
    public struct Option: Equatable, Sendable {
        public let label: String
        public let group: String?
        /// Other names it is found by as typed (the name in the other language, say).
        public let aliases: [String]
        public init(_ label: String, group: String? = nil, aliases: [String] = []) {
            self.label = label
            self.group = group
            self.aliases = aliases
        }
    }

    public let options: [Option]
    /// The key of the field whose value picks the group.
    public let groupField: String?

    public init(_ options: [Option], groupField: String? = nil) {
        self.options = options
        self.groupField = groupField
    }

    public init(_ labels: [String]) { self.init(labels.map { Option($0) }) }

    public func accepts(_ c: Character) -> Bool { true }

    /// The options to offer for `typed`, within `group` when one is chosen.
    public func matches(_ typed: String, group: String?) -> [Option] {
        let pool: [Option]
        if let group, !group.isEmpty {
            let g = Fold.string(group)
            let inGroup = options.filter { $0.group.map(Fold.string) == g }
            pool = inGroup.isEmpty ? options : inGroup
        } else {
            pool = options
        }
        let q = Fold.string(typed.withoutOuterSpaces)
        guard !q.isEmpty else { return pool }
        // Best first: a name that starts with the text, then a word inside a name ("gerabah"
        // finds "Keramik & gerabah"), then the text anywhere.
        func rank(_ o: Option) -> Int? {
            let names = ([o.label] + o.aliases).map(Fold.string)
            if names.contains(where: { $0.hasPrefix(q) }) { return 0 }
            if names.contains(where: { $0.contains(" " + q) }) { return 1 }
            if names.contains(where: { $0.contains(q) }) { return 2 }
            return nil
        }
        let ranked = pool.compactMap { o in rank(o).map { (o, $0) } }
        return (0...2).flatMap { r in ranked.filter { $0.1 == r }.map(\.0) }
    }

    /// The option `text` names exactly (case and accents aside), if any.
    public func exact(_ text: String) -> Option? {
        let q = Fold.string(text.withoutOuterSpaces)
        return options.first { Fold.string($0.label) == q }
    }
}

extension String {
    /// Without the spaces around it (TextUI has no Foundation trimming).
    var withoutOuterSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
