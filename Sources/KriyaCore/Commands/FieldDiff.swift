/// Field-by-field differences between two versions of a record, for the audit trail.
/// It walks the stored properties with `Mirror`, so a new field is audited without extra code.
public enum FieldDiff {
    /// Values longer than this are cut in the audit (a session's participant list, say).
    static let maxValueLength = 240

    public static func between<R>(_ old: R?, _ new: R) -> [FieldChange] {
        let before = old.map(fields) ?? []
        let beforeByName = Dictionary(before, uniquingKeysWith: { a, _ in a })
        var changes: [FieldChange] = []
        // The revision and members of a newer Kriya are not fields a person changed.
        for (name, value) in fields(new) where name != "rev" && name != "unknownMembers" {
            let from = beforeByName[name] ?? ""
            if from != value { changes.append(FieldChange(field: name, from: from, to: value)) }
        }
        return changes
    }

    private static func fields(_ value: Any) -> [(String, String)] {
        Mirror(reflecting: value).children.compactMap { child in
            guard let label = child.label else { return nil }
            return (label, render(child.value))
        }
    }

    private static func render(_ value: Any) -> String {
        let mirror = Mirror(reflecting: value)
        let text: String
        switch mirror.displayStyle {
        case .optional:
            text = mirror.children.first.map { render($0.value) } ?? ""
        case .collection:
            text = mirror.children.map { render($0.value) }.joined(separator: "; ")
        case .enum:
            if let raw = value as? any RawRepresentable { text = "\(raw.rawValue)" } else { text = "\(value)" }
        case .struct:
            if let custom = value as? CustomStringConvertible { text = custom.description; break }
            text = mirror.children.compactMap { child in
                guard child.label != "unknownMembers" else { return nil }
                let v = render(child.value)
                return v.isEmpty ? nil : v
            }.joined(separator: " ")
        default:
            text = "\(value)"
        }
        return text.count > maxValueLength ? String(text.prefix(maxValueLength)) + "…" : text
    }
}
