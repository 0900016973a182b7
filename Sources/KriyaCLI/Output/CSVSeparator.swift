import ArgumentParser
import KriyaCore

/// The list separator of a CSV file. Excel takes it from the regional settings: with
/// Indonesian ones it is ";", and a comma-separated file opens as one column. So the default
/// follows the interface language, and `--separator` says otherwise.
struct CSVSeparatorOption: ParsableArguments {
    enum Separator: String, ExpressibleByArgument, CaseIterable {
        case comma, semicolon, tab
        init?(argument: String) {
            switch argument.lowercased() {
            case ",", "comma", "koma": self = .comma
            case ";", "semicolon", "titik-koma": self = .semicolon
            case "\t", "tab", "\\t": self = .tab
            default: return nil
            }
        }
        var character: Character { self == .comma ? "," : self == .semicolon ? ";" : "\t" }
    }

    @Option(help: "CSV list separator: comma, semicolon or tab (default: semicolon in Indonesian, as Excel with Indonesian regional settings expects; comma in English).")
    var separator: Separator?

    func character(_ lang: Lang) -> Character { (separator ?? (lang == .id ? .semicolon : .comma)).character }
}
