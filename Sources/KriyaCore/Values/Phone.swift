/// Indonesian mobile numbers: typed as `0812-0000-1234`, `+62 812 0000 1234` or `62812…`;
/// stored normalised as `+6281200001234`.
public enum Phone {
    public enum Problem: Error, Hashable, Sendable {
        case notAPhoneNumber, notMobile, wrongLength(Int)
    }

    /// The normalised `+62…` form, or the problem.
    public static func normalise(_ input: String) -> Result<String, Problem> {
        // Bytes, not Characters: an import normalises a phone per row.
        var digits: [UInt8] = []
        digits.reserveCapacity(16)
        var sawPlus = false
        var seenAny = false
        // A no-break space (pasted from a web page) is a space.
        let text = input.utf8.contains(where: { $0 >= 0x80 }) ? input.replacingAll("\u{00A0}", with: " ") : input
        for byte in text.utf8 {
            switch byte {
            case 0x30...0x39: digits.append(byte); seenAny = true
            case 0x2B where !seenAny: sawPlus = true; seenAny = true   // "+" first
            case 0x20, 0x2D, 0x2E, 0x28, 0x29, 0x09, 0x0A, 0x0D: continue   // space - . ( ) tab, line ends
            default: return .failure(.notAPhoneNumber)
            }
        }
        let subscriber: ArraySlice<UInt8>
        if digits.starts(with: [0x36, 0x32]) { subscriber = digits.dropFirst(2) }          // 62…
        else if digits.first == 0x30 && !sawPlus { subscriber = digits.dropFirst() }       // 0…
        else { return .failure(digits.isEmpty ? .notAPhoneNumber : .notMobile) }
        guard subscriber.first == 0x38 else { return .failure(.notMobile) }                // 8…
        // National form 08xx…: 10 to 13 digits in all.
        let national = subscriber.count + 1
        guard (10...13).contains(national) else { return .failure(.wrongLength(national)) }
        return .success("+62" + String(decoding: subscriber, as: UTF8.self))
    }

    /// A mobile number, or for the council's partners and board (universities, offices) also a
    /// landline with its area code: `0341-551312`, `(0341) 551312`, `+62 341 551312`, stored
    /// `+62341551312` (7 to 11 digits after the 0, the first not 8).
    public static func normalise(_ input: String, allowingLandline: Bool) -> Result<String, Problem> {
        let mobile = normalise(input)
        guard allowingLandline, case .failure = mobile else { return mobile }
        let text = input.replacingAll("\u{00A0}", with: " ").trimmingSpaces
        guard let all = typedDigits(text) else { return mobile }
        var digits = Substring(all)
        if text.hasPrefix("+") || digits.hasPrefix("62") { guard digits.hasPrefix("62") else { return mobile }; digits = digits.dropFirst(2) }
        else { guard digits.hasPrefix("0") else { return mobile }; digits = digits.dropFirst() }
        guard let first = digits.first, first != "0", first != "8", (7...11).contains(digits.count) else { return mobile }
        return .success("+62" + digits)
    }

    /// What a search box compares with stored phones: the digits after the country code or
    /// the leading 0 (`+62 812-0000`, `0812 0000`, `8120000` → `8120000`); nil when the text
    /// holds anything but a phone's characters, or fewer than four digits.
    public static func searchKey(_ typed: String) -> Substring? {
        guard let all = typedDigits(typed) else { return nil }
        var digits = Substring(all)
        if digits.hasPrefix("62") { digits = digits.dropFirst(2) } else if digits.hasPrefix("0") { digits = digits.dropFirst() }
        return digits.count >= 4 ? digits : nil
    }

    /// True when the stored (normalised) `phone` holds what `searchKey` made of a query.
    public static func matches(_ phone: String, _ key: Substring) -> Bool {
        (phone.hasPrefix("+62") ? phone.dropFirst(3) : Substring(phone)).contains(key)
    }

    /// The digits of a query that is a phone or a piece of one (`0241`, `0812 3344`, `+62 812…`),
    /// at least three; nil for anything with letters.
    public static func typedDigits(_ typed: String) -> String? {
        let text = typed.trimmingSpaces
        guard text.allSatisfy({ $0.isASCIIDigit || " +-.()".contains($0) }) else { return nil }
        let digits = text.filter(\.isASCIIDigit)
        return digits.count >= 3 ? digits : nil
    }

    /// True when the stored phone holds the typed digits: as typed in its national form (the
    /// last digits with their 0: `0241` in 0812-0000-0241), or as `searchKey` reads them
    /// (`+62 812…`, `62812…`).
    public static func matches(typed digits: String, _ phone: String) -> Bool {
        guard !phone.isEmpty else { return false }
        if national(phone).filter(\.isASCIIDigit).contains(digits) { return true }
        return searchKey(digits).map { matches(phone, $0) } ?? false
    }

    /// How the office writes a number: `+6281333445566` → `0813-3344-5566` (the national form
    /// in groups of four from the left, the rest last: `0812-345-678` for ten digits). Anything
    /// that is not a normalised mobile number is returned as it is.
    public static func display(_ normalised: String) -> String {
        guard normalised.hasPrefix("+628") else { return normalised }
        let digits = Array(national(normalised))
        guard digits.count >= 10, digits.allSatisfy(\.isASCIIDigit) else { return normalised }
        let second = digits.count == 10 ? 3 : 4
        return String(digits[0..<4]) + "-" + String(digits[4..<(4 + second)]) + "-" + String(digits[(4 + second)...])
    }

    /// `+6281200001234` → `081200001234`, the national form people dial.
    public static func national(_ normalised: String) -> String {
        normalised.hasPrefix("+62") ? "0" + normalised.dropFirst(3) : normalised
    }
}
