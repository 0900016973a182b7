import Foundation
import TextUI

/// Finding the theme to use: the user's own folder first (`$XDG_CONFIG_HOME/kriya/themes/`),
/// then the themes built into the binary. Whatever goes wrong, the console still starts, with
/// the default theme and a message that says why.
public enum ThemeCatalog {
    public static var builtinNames: [String] { BuiltinThemes.files.keys.sorted() }

    public static let defaultTheme: Theme = builtin("default", base: nil)
    public static let monochrome: Theme = builtin("monochrome", base: nil)

    private static func builtin(_ name: String, base: Theme?) -> Theme {
        do { return try Theme.parse(BuiltinThemes.files[name] ?? "", file: "themes/\(name).toml", base: base) }
        catch { fatalError("built-in theme \(name) is broken: \(error)") }   // a test keeps them sound
    }

    public struct Choice: Equatable, Sendable {
        public var theme: Theme
        /// Why the theme asked for is not the one shown (nil when it is).
        public var warning: String?
    }

    /// - Parameters:
    ///   - colors: how many colours the terminal has (0 when none).
    ///   - noColor: `NO_COLOR` is set: monochrome, whatever was asked.
    public static func choose(_ name: String?, userDirectory: String?, colors: Int, noColor: Bool) -> Choice {
        if noColor { return Choice(theme: monochrome) }
        var chosen = Choice(theme: defaultTheme)
        // A name with a slash or ending in .toml is a file (`--theme ./mine.toml`), not a name.
        if let name, name.contains("/") || name.hasSuffix(".toml") {
            if let text = try? String(contentsOfFile: name, encoding: .utf8) {
                do { chosen.theme = try Theme.parse(text, file: name, base: defaultTheme) }
                catch { chosen.warning = "\(error) — using the default theme" }
            } else {
                chosen.warning = "cannot read the theme file \(name) — using the default theme"
            }
        } else if let name, !name.isEmpty {
            let userFile = userDirectory.map { "\($0)/\(name).toml" }
            if let userFile, let text = try? String(contentsOfFile: userFile, encoding: .utf8) {
                do { chosen.theme = try Theme.parse(text, file: userFile, base: defaultTheme) }
                catch { chosen.warning = "\(error) — using the default theme" }
            } else if let text = BuiltinThemes.files[name] {
                chosen.theme = (try? Theme.parse(text, file: "themes/\(name).toml", base: defaultTheme)) ?? defaultTheme
            } else {
                chosen.warning = "no theme named \"\(name)\" (built in: \(builtinNames.joined(separator: ", "))) — using the default theme"
            }
        }
        if colors < 8, chosen.theme != monochrome {
            if name != nil && name != "monochrome" { chosen.warning = "this terminal shows no colours — using the monochrome theme" }
            chosen.theme = monochrome
        }
        return chosen
    }
}
