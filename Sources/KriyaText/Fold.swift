import Foundation

/// Folding for search and matching: lower case, no diacritics (é → e), done once at load so
/// that searching is a byte comparison.
public enum Fold {
    /// Folded UTF-8 bytes of `text`.
    public static func bytes(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        append(text, to: &out)
        return out
    }

    /// Appends the folded UTF-8 bytes of `text` to `out` (no allocation on the ASCII path).
    public static func append(_ text: String, to out: inout [UInt8]) {
        var ascii = true
        for byte in text.utf8 where byte >= 0x80 { ascii = false; break }
        if ascii {
            for byte in text.utf8 { out.append(lowerASCII(byte)) }
            return
        }
        let folded = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        for byte in folded.utf8 { out.append(lowerASCII(byte)) }
    }

    /// Folded text as a String.
    public static func string(_ text: String) -> String {
        String(decoding: bytes(text), as: UTF8.self)
    }

    /// Folded, then without spaces, hyphens, dots, apostrophes and underscores: "Oro-oro Dowo",
    /// "oro oro dowo" and "OroOroDowo" all become "ororodowo".
    public static func compact(_ text: String) -> String {
        let kept = bytes(text).filter { !ignorable($0) }
        return String(decoding: kept, as: UTF8.self)
    }

    @inline(__always)
    public static func lowerASCII(_ byte: UInt8) -> UInt8 {
        (byte >= 0x41 && byte <= 0x5A) ? byte | 0x20 : byte
    }

    @inline(__always)
    static func ignorable(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x2D || byte == 0x2E || byte == 0x27 || byte == 0x5F
    }
}
