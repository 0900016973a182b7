import KriyaCore
import TextUI

/// The artisan's list fields: each item one row of a small table, and the same text as in a
/// spreadsheet cell or `kriya add` (`Vas=Rp75.000; Piring`, `halal:ID123:2027-01-31`).
enum ListFields {
    static func products(_ lang: Lang) -> ListKind {
        ListKind(columns: [.init(UIText.text(.uiColumnProduct, lang), width: 28), .init(UIText.text(.uiColumnPrice, lang), width: 14, kind: MoneyKind())],
                 rows: { text in ListCell.split(text).map { item in
                     item.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces }
                 } },
                 text: { rows in rows.map { $0.count > 1 && !$0[1].isEmpty ? "\($0[0])=\($0[1])" : $0[0] }.joined(separator: "; ") })
    }

    /// A course's meeting days, one date a row; beside the field, each with its weekday.
    static func meetingDays(_ lang: Lang, year: Int) -> ListKind {
        let days = DateListKind(lang: lang, year: year)
        return ListKind(columns: [.init(L10n.text(.fDay, lang), width: 14, kind: DateKind(lang: lang), maxLength: 20)],
                        rows: { text in text.split(whereSeparator: { $0 == ";" || $0 == "," }).map { [String($0).trimmingSpaces] } },
                        text: { rows in rows.map { $0[0] }.joined(separator: "; ") },
                        summary: { days.note(for: $0) })
    }

    static func certifications(_ lang: Lang) -> ListKind {
        let kinds = ChoiceKind(CertificationKind.allCases.map(\.rawValue))
        return ListKind(columns: [.init(L10n.text(.fKind, lang), width: 7, kind: kinds, maxLength: 12),
                                  .init(UIText.text(.uiColumnNumber, lang), width: 18, maxLength: 40),
                                  .init(UIText.text(.uiColumnValidUntil, lang), width: 11, kind: DateKind(lang: lang), maxLength: 12),
                                  .init(UIText.text(.uiColumnIssued, lang), width: 11, kind: DateKind(lang: lang), maxLength: 12)],
                        rows: { text in ListCell.split(text).map { item in
                            item.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false).map { String($0).trimmingSpaces }
                        } },
                        text: { rows in rows.map { cells in
                            var parts = cells
                            while parts.count > 1, parts.last?.isEmpty == true { parts.removeLast() }
                            return parts.joined(separator: ":")
                        }.joined(separator: "; ") })
    }
}
