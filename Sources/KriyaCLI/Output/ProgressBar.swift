#if canImport(Glibc)
import Glibc
#endif
import Foundation
import KriyaStore

/// A one-line progress bar on stderr for long jobs (big imports), redrawn in place with `\r`;
/// only on a terminal, and only for files big enough to take a noticeable moment.
final class ProgressBar: @unchecked Sendable {
    private let label: String
    private let lock = NSLock()
    private var lastPercent = -1
    /// Blocks on a UTF-8 terminal, `#` on others (a vt100 under LANG=C).
    private let unicode = SystemInfo.localeIsUTF8()

    /// Nil when stderr is not a terminal.
    init?(label: String) {
        guard isatty(STDERR_FILENO) != 0 else { return nil }
        self.label = label
    }

    func show(_ done: Int, of total: Int) {
        guard total > 512 << 10 else { return }
        let percent = min(100, done * 100 / max(total, 1))
        lock.lock(); defer { lock.unlock() }
        guard percent != lastPercent else { return }
        lastPercent = percent
        let filled = percent * 30 / 100
        let (full, empty) = unicode ? ("█", "░") : ("#", "-")
        let bar = String(repeating: full, count: filled) + String(repeating: empty, count: 30 - filled)
        Output.errorInline("\r\(label) \(bar) \(percent)%")
    }

    func finish() {
        lock.lock(); defer { lock.unlock() }
        if lastPercent >= 0 { Output.errorInline("\r\u{1B}[K") }
    }
}
