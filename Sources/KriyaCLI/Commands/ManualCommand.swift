import ArgumentParser

/// `kriya _manual`: the man page (roff), written from the command definitions themselves, so it
/// never disagrees with `--help` (scripts/install.sh installs it as kriya.1). Hidden.
struct ManualCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "_manual",
        abstract: "Print the manual page (roff) made from the command definitions.",
        shouldDisplay: false
    )

    func run() throws {
        Output.line(Self.roff())
    }

    /// Every visible command, depth first: `add artisan`, `print cards`, …
    static func commands(_ type: any ParsableCommand.Type = Kriya.self, _ prefix: [String] = []) -> [(path: String, type: any ParsableCommand.Type)] {
        type.configuration.subcommands.filter { $0.configuration.shouldDisplay }.flatMap { sub -> [(path: String, type: any ParsableCommand.Type)] in
            let path = prefix + [sub.configuration.commandName ?? ""]
            let children = commands(sub, path)
            return children.isEmpty ? [(path.joined(separator: " "), sub)] : children
        }
    }

    static func roff() -> String {
        var out = [".TH KRIYA 1 \"\" \"Kriya\" \"Dekranasda Kota Malang\"", ".SH NAME",
                   "kriya \\- " + escape(Kriya.configuration.abstract), ".SH SYNOPSIS", ".B kriya",
                   "[\\fICOMMAND\\fR] [\\fIOPTIONS\\fR]", ".SH DESCRIPTION"]
        // Paragraphs that the reader's man lays out to the page.
        for paragraph in Kriya.configuration.discussion.split(separator: "\n\n") {
            out += [".PP", escape(paragraph.split(separator: "\n").joined(separator: " "))]
        }
        out += [".SH COMMANDS"]
        for (path, type) in commands() {
            out += [".SS kriya " + escape(path)]
            out += text(Kriya.helpMessage(for: type, columns: 78))
        }
        out += [".SH FILES", ".TP", "\\fIaccess.toml\\fR", "Roles of the staff in the data folder (see \\fBkriya access\\fR).",
                ".SH EXIT STATUS", "0 done; 64 usage; 65 bad input, nothing saved; 66 no such record or data; 74 a file could not be read or written; 77 the user's role does not allow it.",
                ".SH SEE ALSO", "docs/store.md and README.md in the source"]
        return out.joined(separator: "\n")
    }

    /// A block shown as written (help text is laid out already).
    static func text(_ body: String) -> [String] {
        [".nf"] + body.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) } + [".fi"]
    }

    /// Roff's special characters: a backslash, and a dot or quote at the start of a line.
    static func escape(_ line: String) -> String {
        let s = line.replacingOccurrences(of: "\\", with: "\\e")
        return s.hasPrefix(".") || s.hasPrefix("'") ? "\\&" + s : s
    }
}
