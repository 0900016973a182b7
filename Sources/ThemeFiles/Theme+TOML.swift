import TextUI
import KriyaText
import TOMLKit

/// Theme files (themes/*.toml, or the user's own) read into a `Theme`: kept out of the pure
/// UI kit, which knows no file formats.
extension Theme {
    /// Reads a theme; roles it leaves out come from `base`. Every problem names the file,
    /// and the line where the TOML reader knows it.
    public static func parse(_ text: String, file: String, base: Theme? = nil) throws(ThemeError) -> Theme {
        let table: TOMLTable
        // Before the parser, which aborts the process on some control characters.
        if let problem = TOMLGuard.problem(in: text) {
            throw ThemeError(file: file, problem: problem)
        }
        do { table = try TOMLTable(string: text) } catch let error as TOMLParseError {
            throw ThemeError(file: file, problem: "line \(error.source.begin.line): \(error.description)")
        } catch {
            throw ThemeError(file: file, problem: "\(error)")
        }
        var theme = base ?? Theme(name: "", styles: [:])
        theme.name = table["name"]?.string ?? file
        for (key, value) in table {
            if key == "name" { continue }
            guard let role = Role(rawValue: key) else {
                throw ThemeError(file: file, problem: "[\(key)] is not a role (roles: \(Role.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard let entries = value.table else { throw ThemeError(file: file, problem: "\(key) must be a table: [\(key)]") }
            theme.styles[role] = try style(entries, role: key, file: file)
        }
        for role in Role.allCases where theme.styles[role] == nil {
            throw ThemeError(file: file, problem: "[\(role.rawValue)] is missing")
        }
        return theme
    }

    private static func style(_ t: TOMLTable, role: String, file: String) throws(ThemeError) -> Style {
        var s = Style()
        func color(_ key: String) throws(ThemeError) -> Color? {
            guard let v = t[key] else { return nil }
            guard let name = v.string, let c = Color.names[name.lowercased()] else {
                throw ThemeError(file: file, problem: "[\(role)] \(key) must be one of \(Color.names.keys.sorted().joined(separator: ", "))")
            }
            return c
        }
        func color256(_ key: String) throws(ThemeError) -> Int16? {
            guard let v = t[key] else { return nil }
            guard let n = v.int, (0...255).contains(n) else { throw ThemeError(file: file, problem: "[\(role)] \(key) must be a number from 0 to 255") }
            return Int16(n)
        }
        guard let fg = try color("fg"), let bg = try color("bg") else {
            throw ThemeError(file: file, problem: "[\(role)] needs fg and bg (8-colour names)")
        }
        s.fg = fg
        s.bg = bg
        s.fg256 = try color256("fg256")
        s.bg256 = try color256("bg256")
        if let attrs = t["attrs"] {
            guard let list = attrs.array else { throw ThemeError(file: file, problem: "[\(role)] attrs must be a list") }
            for item in list {
                switch item.string {
                case "bold": s.bold = true
                case "dim": s.dim = true
                case "reverse": s.reverse = true
                case "underline": s.underline = true
                default: throw ThemeError(file: file, problem: "[\(role)] attrs: \(item.string ?? "?") is not bold, dim, reverse or underline")
                }
            }
        }
        for key in t.keys where !["fg", "bg", "fg256", "bg256", "attrs"].contains(key) {
            throw ThemeError(file: file, problem: "[\(role)] \(key) is not a setting (fg, bg, fg256, bg256, attrs)")
        }
        return s
    }
}
