#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Substring search over raw bytes. Glibc's `memmem` is a GNU extension that Swift does not
/// import, so this finds candidates with `memchr` (vectorised in libc) and confirms with `memcmp`.
public enum ByteSearch {
    /// Offset of the first `needle` in `haystack[0..<count]`, or nil.
    /// - Parameter anchor: which byte of the needle to look for with `memchr`; the rarest one
    ///   in the haystack makes the fewest false candidates.
    public static func find(_ haystack: UnsafePointer<UInt8>, _ count: Int, _ needle: UnsafeBufferPointer<UInt8>, anchor: Int = 0) -> Int? {
        let n = needle.count
        guard n > 0 else { return 0 }
        guard n <= count, let needleBase = needle.baseAddress else { return nil }
        let key = Int32(needle[anchor])
        // The anchor byte can only sit from `anchor` to `count - n + anchor`.
        var offset = anchor
        let lastAnchor = count - n + anchor
        while offset <= lastAnchor {
            guard let hit = memchr(haystack + offset, key, lastAnchor - offset + 1) else { return nil }
            let at = hit.assumingMemoryBound(to: UInt8.self) - UnsafeMutablePointer(mutating: haystack)
            let start = at - anchor
            if n == 1 || memcmp(haystack + start, needleBase, n) == 0 { return start }
            offset = at + 1
        }
        return nil
    }
}
