import KriyaCore
import KriyaText

/// A record's audit trail as lines: when, who, what, and field by field from what to what.
public enum HistoryText {
    /// `name`: a record's name by its id (values that name a partner, a term, an artisan).
    public static func lines(_ entries: [AuditEntry], of id: EntityID, title: String, lang: Lang, width: Int,
                             name: (EntityID) -> String? = { _ in nil }) -> [String] {
        var out = [L10n.text(.vHistoryTitle, lang, id, TerminalSafe.text(title)), ""]
        if entries.isEmpty { out.append("  " + L10n.text(.vHistoryNone, lang)) }
        for e in entries {
            // Another record the change was about (the session of an enrolment, say).
            let others = e.targets.filter { $0 != id }.prefix(3).map(\.description).joined(separator: ", ")
            var head = "\(e.when)  \(TerminalSafe.text(e.user))  \(ChangeWords.command(e.command, lang))"
            if !others.isEmpty { head += " " + others }
            if let d = e.detail, !d.isEmpty { head += ": " + TerminalSafe.text(ChangeWords.detail(d, of: e.command, lang, name: name)) }
            out.append(DisplayWidth.truncate(head, toCells: width))
            // Changes to other records (a session's participant list) are long and not this record's.
            guard e.targets.first == id else { continue }
            // The id is in the heading; "not archived" is no news on a new record.
            for c in e.changes where c.isShown && !(c.field == "archived" && c.from.isEmpty) {
                let label = ChangeWords.field(c.field, lang)
                let from = TerminalSafe.text(FieldChange.shown(c.field, c.from, lang, name: name))
                let to = TerminalSafe.text(FieldChange.shown(c.field, c.to, lang, name: name))
                out.append(DisplayWidth.truncate("    \(label): \(from) → \(to)", toCells: width))
            }
        }
        return out
    }
}
