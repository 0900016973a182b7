import KriyaCore
import KriyaText

/// Looks up the console's texts in the table of a language (English where one is missing).
public enum UIText {
    public static func table(_ lang: Lang) -> [UIKey: String] {
        lang == .id ? UIStringsID.table : UIStringsEN.table
    }

    public static func text(_ key: UIKey, _ lang: Lang, _ args: CustomStringConvertible...) -> String {
        text(key, lang, arguments: args)
    }

    public static func text(_ key: UIKey, _ lang: Lang, arguments args: [CustomStringConvertible]) -> String {
        Template.fill(table(lang)[key] ?? UIStringsEN.table[key] ?? key.rawValue, args)
    }
}

extension Shared {
    func t(_ key: UIKey, _ args: CustomStringConvertible...) -> String { UIText.text(key, lang, arguments: args) }
}
