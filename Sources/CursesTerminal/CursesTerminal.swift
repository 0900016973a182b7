#if canImport(Glibc)
import Glibc
#endif
import CNcursesw
import KriyaText
import TextUI

/// The only code that talks to ncursesw: starts the terminal, reads keys, draws grids, and
/// gives the terminal back in a sane state on every way out (quit, error, signal, crash).
public final class CursesTerminal: TerminalDevice {
    public enum StartError: Error, CustomStringConvertible {
        case notATerminal, unknownTerminal(String), noCursorAddressing(String)
        public var description: String {
            switch self {
            case .notATerminal: return "the console needs a terminal; use the kriya commands in scripts (kriya --help)"
            case .unknownTerminal(let t): return "the terminal type \"\(t)\" is not known here; try TERM=xterm-256color, or use the kriya commands (kriya --help)"
            case .noCursorAddressing(let t): return "the terminal \"\(t)\" cannot move the cursor; use the kriya commands instead (kriya --help)"
            }
        }
    }

    private var screen: OpaquePointer?
    /// Draw ASCII only (the terminal is not UTF-8).
    public private(set) var asciiOnly = false
    private var last: Grid?
    private var palette: Palette
    /// Colours the terminal can show: 0 (none, or NO_COLOR), 8, 16, 256…
    public private(set) var colorCount = 0

    /// - Parameter color: false for monochrome (NO_COLOR).
    public init(color: Bool) throws {
        guard isatty(STDIN_FILENO) != 0, isatty(STDOUT_FILENO) != 0 else { throw StartError.notATerminal }
        // A terminal that is not UTF-8 gets ASCII (KRIYA_ASCII=1 forces it, to try).
        asciiOnly = !Self.useUTF8Locale() || getenv("KRIYA_ASCII").map { String(cString: $0) == "1" } == true
        let term = String(cString: getenv("TERM") ?? strdup("unknown"))
        guard let s = newterm(nil, kriya_stdout(), kriya_stdin()) else { throw StartError.unknownTerminal(term) }
        screen = s
        guard kriya_has_cursor_addressing() != 0 else {
            endwin()
            delscreen(s)
            screen = nil
            throw StartError.noCursorAddressing(term)
        }
        CursesTerminal.active = true
        Self.installSignalHandlers()
        raw()                     // Ctrl-S, Ctrl-C, Ctrl-Z reach us (handled as keys)
        noecho()
        nonl()
        keypad(kriya_stdscr(), true)
        set_escdelay(25)
        curs_set(0)
        if color && has_colors() {
            start_color()
            use_default_colors()
            colorCount = Int(kriya_colors())
        }
        palette = Palette(theme: Theme(name: "", styles: [:]), colors: 0)   // until apply(theme)
    }

    /// Shows everything from now on in `theme`.
    public func apply(_ theme: Theme) {
        palette = Palette(theme: theme, colors: colorCount)
        redrawAll()
    }

    deinit { stop() }

    /// Gives the terminal back. Safe to call twice.
    public func stop() {
        guard CursesTerminal.active else { return }
        CursesTerminal.active = false
        curs_set(1)
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
    }

    public var size: (width: Int, height: Int) { (Int(kriya_cols()), Int(kriya_lines())) }

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        wtimeout(kriya_stdscr(), Int32(timeoutMilliseconds))
        var ch: wint_t = 0
        let result = wget_wch(kriya_stdscr(), &ch)
        if result == ERR {
            // No key in time, or no terminal any more: one that went away without a SIGHUP (a
            // tmux server killed under `su -c`) answers every read at once, and the loop would
            // spin at full speed for ever. Gone is gone: as after a SIGHUP (the draft is kept).
            // Said directly, not raised: a console started with SIGHUP blocked (as some
            // launchers leave it) would never take the signal.
            if Self.inputHungUp() { Self.hangUp(SIGHUP) }
            return nil
        }
        if result == KEY_CODE_YES { return functionKey(Int32(ch)) }
        guard let scalar = Unicode.Scalar(UInt32(ch)) else { return nil }
        if scalar.value == 27 {
            // Esc alone, Esc+digit (an F-key), Alt+letter, or a sequence ncurses did not know.
            var rest: [Character] = []
            wtimeout(kriya_stdscr(), 25)
            while rest.count < 6, wget_wch(kriya_stdscr(), &ch) == OK, let next = Unicode.Scalar(UInt32(ch)) {
                rest.append(Character(next))
                if rest.count > 1, let last = rest.last, last == "~" || (last.isLetter && rest.count >= 2) { break }
            }
            return KeyDecoder.afterEscape(rest)
        }
        return KeyDecoder.character(scalar)
    }

    private func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_BTAB: return .backTab
        case KEY_DC: return .delete
        case KEY_BACKSPACE: return .backspace
        case KEY_ENTER: return .enter
        case KEY_RESIZE: return .resize
        default:
            for n in 1...12 where code == kriya_key_f(Int32(n)) { return .f(n) }
            // Some terminals send BackTab and others as named extended keys.
            if let name = keyname(code) {
                switch String(cString: name) {
                case "KEY_BTAB", "kcbt": return .backTab
                case "kHOM5", "KEY_HOME": return .home
                case "kEND5", "KEY_END": return .end
                default: return nil
                }
            }
            return nil
        }
    }

    public func draw(_ grid: Grid) {
        let (w, h) = size
        let fresh = last.map { $0.width != grid.width || $0.height != grid.height } ?? true
        for y in 0..<min(h, grid.height) {
            for x in 0..<min(w, grid.width) {
                let cell = grid[x, y]
                if !fresh, let last, last[x, y] == cell { continue }
                if cell.text.isEmpty { continue }   // the right half of a wide character
                // The bottom-right cell would scroll some terminals: leave it.
                if y == h - 1 && x == w - 1 { continue }
                let text = asciiOnly ? AsciiFallback.text(cell.text) : cell.text
                var chars = text.unicodeScalars.prefix(5).map { wchar_t(bitPattern: $0.value) }
                chars.append(0)
                let style = palette.style(cell.role)
                _ = kriya_put_cell(Int32(y), Int32(x), chars, style.attrs, style.pair)
            }
        }
        last = grid
        wrefresh(kriya_stdscr())
    }

    public func redrawAll() {
        last = nil
        clearok(kriya_stdscr(), true)
    }

    public func bell() { beep() }

    public func suspend() {
        def_prog_mode()
        endwin()
        raise(SIGTSTP)
        // Resumed (fg): back to our mode, everything repainted.
        reset_prog_mode()
        redrawAll()
    }

    // MARK: - Locale and signals

    /// Whether the user's locale is UTF-8. Either way ncurses runs in a UTF-8 locale: in the C
    /// locale wide output is garbage and get_wch swallows keys (DESIGN.md §3).
    @discardableResult
    private static func useUTF8Locale() -> Bool {
        setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        guard codeset.uppercased().filter({ $0 != "-" }) != "UTF8" else { return true }
        if setlocale(LC_ALL, "C.UTF-8") == nil { setlocale(LC_CTYPE, "C.UTF-8") }
        // A locale that says UTF-8 but is not installed here (id_ID.UTF-8 on a server that
        // never generated it) still means a UTF-8 terminal.
        let names: [String] = ["LC_ALL", "LC_CTYPE", "LANG"]
        let named = names.compactMap { name in getenv(name).map { String(cString: $0) } }.first { !$0.isEmpty } ?? ""
        return named.lowercased().filter { $0 != "-" }.contains("utf8")
    }

    /// The terminal's input is gone: hung up (the other end of the pseudo-terminal closed),
    /// in error, or no longer open. A live terminal never says so, however idle.
    static func inputHungUp() -> Bool {
        var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)]
        guard poll(&fds, 1, 0) > 0 else { return false }
        return Int32(fds[0].revents) & (Int32(POLLHUP) | Int32(POLLERR) | Int32(POLLNVAL)) != 0
    }

    /// Gives the terminal back and ends at once, as a hang-up or a kill does (the exit status
    /// names the signal). What an open form held is already in its draft, written at every key.
    static func hangUp(_ signal: Int32) -> Never {
        if CursesTerminal.active { CursesTerminal.active = false; endwin() }
        _exit(128 + signal)
    }

    /// Read by the signal handlers, which cannot capture anything.
    nonisolated(unsafe) static var active = false

    private static func installSignalHandlers() {
        // A lost SSH connection (SIGHUP) or a kill: give the terminal back, then go.
        for sig in [SIGHUP, SIGTERM, SIGINT, SIGQUIT] {
            signal(sig) { s in CursesTerminal.hangUp(s) }
        }
        // A crash: give the terminal back, then let the signal do what it would have done.
        for sig in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
            signal(sig) { s in
                if CursesTerminal.active { CursesTerminal.active = false; endwin() }
                signal(s, SIG_DFL)
                raise(s)
            }
        }
        atexit { if CursesTerminal.active { CursesTerminal.active = false; endwin() } }
    }
}
