#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import KriyaStore
import KriyaText

/// Where the CLI writes. Text from the data is made terminal-safe before it gets here.
public enum Output {
    /// Lines written to stdout in one go.
    public static func lines(_ lines: [String]) {
        guard !lines.isEmpty else { return }
        write(lines.joined(separator: "\n") + "\n", to: STDOUT_FILENO)
    }

    public static func line(_ text: String = "") { lines([text]) }

    /// A message for a person on stderr (errors, warnings).
    public static func error(_ text: String) {
        write(text + "\n", to: STDERR_FILENO)
    }

    /// Text on stderr without a line end (a progress bar redrawn in place).
    public static func errorInline(_ text: String) {
        write(text, to: STDERR_FILENO)
    }

    /// A terminal whose locale is not UTF-8 (an old PuTTY, a serial console) gets ASCII, as the
    /// console does; pipes and files always get UTF-8.
    private static let asciiTerminal: [Int32: Bool] = [
        STDOUT_FILENO: isatty(STDOUT_FILENO) != 0 && !SystemInfo.localeIsUTF8(),
        STDERR_FILENO: isatty(STDERR_FILENO) != 0 && !SystemInfo.localeIsUTF8(),
    ]

    private static func write(_ text: String, to fd: Int32) {
        let shown = asciiTerminal[fd] == true ? AsciiFallback.line(text) : text
        let bytes = Array(shown.utf8)
        var done = 0
        bytes.withUnsafeBytes { raw in
            while done < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return }
                done += n
            }
        }
    }

    public static var isTerminal: Bool { isatty(STDOUT_FILENO) != 0 }

    /// The terminal's width when stdout is one; else `COLUMNS`; else nil (no limit, for pipes).
    public static func width() -> Int? {
        var size = winsize()
        if isatty(STDOUT_FILENO) != 0, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        if let columns = getenv("COLUMNS").flatMap({ Int(String(cString: $0)) }), columns > 0 { return columns }
        return nil
    }
}
