import KriyaText

/// Money in whole rupiah, shown as `Rp7.350.000`. Input accepts `7350000`, `7.350.000`,
/// `Rp 7.350.000,00`, `7,35 jt`, `500 rb`, `1,2 M`.
public enum Rupiah {
    /// The largest amount read or stored: 15 digits (a thousand trillion rupiah), so that any
    /// sum over the records fits in 64 bits.
    public static let maxAmount: Int64 = 999_999_999_999_999

    public static func format(_ amount: Int64) -> String {
        let negative = amount < 0
        let digits = String(negative ? -amount : amount)
        var groups: [Substring] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(digits[start..<end], at: 0)
            end = start
        }
        return (negative ? "-Rp" : "Rp") + groups.joined(separator: ".")
    }

    /// For narrow columns, as the office writes it: `Rp850.000`, `Rp1,25 jt`, `Rp2,1 M`
    /// (what `parse` reads back, to two decimals).
    public static func short(_ amount: Int64) -> String {
        let magnitude = amount.magnitude
        guard magnitude >= 1_000_000 else { return format(amount) }
        let (unit, word): (UInt64, String) = magnitude >= 1_000_000_000 ? (1_000_000_000, "M") : (1_000_000, "jt")
        let hundredths = (magnitude * 100 + unit / 2) / unit
        var text = String(hundredths / 100)
        let cents = hundredths % 100
        if cents != 0 { text += "," + (cents % 10 == 0 ? String(cents / 10) : (cents < 10 ? "0" : "") + String(cents)) }
        return (amount < 0 ? "-Rp" : "Rp") + text + " " + word
    }

    /// Nil when the text is not an amount of money.
    public static func parse(_ input: String) -> Int64? {
        if let plain = plainAmount(input) { return plain }
        // Lower case without spaces; bytes for plain ASCII (an import parses a price per product).
        var text = input.utf8.allSatisfy({ $0 < 0x80 })
            ? String(decoding: input.utf8.lazy.filter { $0 != 0x20 }.map(Fold.lowerASCII), as: UTF8.self)
            : Fold.string(input).replacingAll(" ", with: "")
        for prefix in ["rp.", "rp", "idr"] where text.hasPrefix(prefix) {
            text.removeFirst(prefix.count)
            break
        }
        let units: [(String, Double)] = [("miliar", 1e9), ("juta", 1e6), ("ribu", 1e3), ("jt", 1e6),
                                         ("rb", 1e3), ("k", 1e3), ("m", 1e9)]
        for (suffix, factor) in units where text.hasSuffix(suffix) {
            let number = String(text.dropLast(suffix.count)).replacingAll(",", with: ".")
            guard !number.isEmpty, number.allSatisfy({ $0.isASCIIDigit || $0 == "." }),
                  number.filter({ $0 == "." }).count <= 1, let value = Double(number) else { return nil }
            let amount = (value * factor).rounded()
            return amount <= Double(maxAmount) ? Int64(amount) : nil
        }
        if text.hasSuffix(",00") || text.hasSuffix(",-") { text.removeLast(3 - (text.hasSuffix(",-") ? 1 : 0)) }
        if text.hasSuffix(",0") { text.removeLast(2) }
        guard !text.isEmpty, text.allSatisfy({ $0.isASCIIDigit || $0 == "." }) else { return nil }
        let groups = text.split(separator: ".", omittingEmptySubsequences: false)
        if groups.count > 1 {
            // Dots are thousand separators: every group after the first has three digits.
            guard let first = groups.first, (1...3).contains(first.count),
                  groups.dropFirst().allSatisfy({ $0.count == 3 }) else { return nil }
        }
        let digits = groups.joined()
        guard digits.count <= 15 else { return nil }
        return Int64(digits)
    }
}

extension Rupiah {
    /// The common case on bytes: `75.000`, `Rp75.000`, `Rp 7.350.000`, `150000` (what exports
    /// and most sheets hold). Nil means "not this simple form": the full reading decides.
    static func plainAmount(_ input: String) -> Int64? {
        var bytes = input.utf8[...]
        while bytes.first == 0x20 { bytes = bytes.dropFirst() }
        while bytes.last == 0x20 { bytes = bytes.dropLast() }
        if let r = bytes.first, r == 0x52 || r == 0x72, let p = bytes.dropFirst().first, p == 0x50 || p == 0x70 {   // Rp
            bytes = bytes.dropFirst(2)
            if bytes.first == 0x2E { bytes = bytes.dropFirst() }
            while bytes.first == 0x20 { bytes = bytes.dropFirst() }
        }
        guard !bytes.isEmpty, bytes.count <= 19 else { return nil }
        var value: Int64 = 0
        var digits = 0, groupLength = 0, groups = 0, firstGroup = 0
        for b in bytes {
            if b >= 0x30 && b <= 0x39 {
                // Checked before it grows: 19 digits would overflow.
                digits += 1
                guard digits <= 15 else { return nil }
                value = value * 10 + Int64(b - 0x30)
                groupLength += 1
            } else if b == 0x2E {
                // A dot separates thousands: the first group has 1–3 digits, every later one 3.
                if groups == 0 { firstGroup = groupLength } else if groupLength != 3 { return nil }
                groups += 1
                groupLength = 0
            } else {
                return nil
            }
        }
        guard digits > 0 else { return nil }
        if groups > 0 { guard (1...3).contains(firstGroup), groupLength == 3 else { return nil } }
        return value
    }
}

extension String {
    public func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: Substring(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
