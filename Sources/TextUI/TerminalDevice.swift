/// What the console needs from a terminal; `CursesTerminal` is the real one, tests use a fake.
public protocol TerminalDevice: AnyObject {
    /// Columns and rows now.
    var size: (width: Int, height: Int) { get }
    /// The next key, or nil when `timeoutMilliseconds` pass with none.
    func readKey(timeoutMilliseconds: Int) -> Key?
    /// Shows `grid`, writing only what changed since the last call.
    func draw(_ grid: Grid)
    /// Repaints everything (Ctrl-L, after a suspend).
    func redrawAll()
    /// Hands the terminal back to the shell until the user resumes (Ctrl-Z).
    func suspend()
    /// The terminal's bell (a scan at the door was taken).
    func bell()
}

extension TerminalDevice {
    public func bell() {}
}
