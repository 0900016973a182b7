#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A line that could not be used: which file and line, why, and the line itself (kept so
/// compaction can set it aside in a `.rejected` file instead of dropping it).
public struct LoadIssue: Equatable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var reason: String
    public var raw: [UInt8]

    package init(file: String, line: Int, reason: String, raw: [UInt8]) {
        (self.file, self.line, self.reason, self.raw) = (file, line, reason, raw)
    }

    public var description: String { "\(file):\(line): \(reason)" }
}

/// Splits a file's bytes into lines, numbering from 1. The last line may lack its newline
/// (a torn write); `complete` says whether it had one.
enum Lines {
    static func each(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int = 0, firstNumber: Int = 1,
                     _ body: (_ number: Int, _ line: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ complete: Bool) -> Void) {
        var number = firstNumber - 1
        var lineStart = start
        let n = bytes.count
        guard let base = bytes.baseAddress else { return }
        // memchr finds each newline far faster than a loop over the bytes.
        while lineStart < n, let hit = memchr(base + lineStart, 0x0A, n - lineStart) {
            let i = hit.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: base)
            number += 1
            if i > lineStart { body(number, UnsafeBufferPointer(rebasing: bytes[lineStart..<i]), lineStart..<(i + 1), true) }
            lineStart = i + 1
        }
        if lineStart < n {
            number += 1
            body(number, UnsafeBufferPointer(rebasing: bytes[lineStart..<n]), lineStart..<n, false)
        }
    }
}
