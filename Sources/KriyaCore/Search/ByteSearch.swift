#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search over raw bytes. Glibc's `memmem` is a GNU extension that Swift does not
/// import, so this finds candidates with `memchr` (vectorised in libc) and confirms with `memcmp`.
enum ByteSearch {
    /// Offset of the first `needle` in `haystack[0..<count]`, or nil.
    static func find(_ haystack: UnsafePointer<UInt8>, _ count: Int, _ needle: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = needle.count
        guard n > 0 else { return 0 }
        guard n <= count, let first = needle.first, let needleBase = needle.baseAddress else { return nil }
        var offset = 0
        let lastStart = count - n
        while offset <= lastStart {
            guard let hit = memchr(haystack + offset, Int32(first), lastStart - offset + 1) else { return nil }
            let at = hit.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: haystack)
            if n == 1 || memcmp(haystack + at + 1, needleBase + 1, n - 1) == 0 { return at }
            offset = at + 1
        }
        return nil
    }
}
