import KriyaText

/// What a query is searched for: its words folded, phone numbers as digits, and what an
/// international number also matches.
extension SearchIndex {
    /// The search words of a query: folded, and phone-like words reduced to their digits
    /// (`0812-0000` → `08120000`, `+62812` → `62812`).
    public static func terms(_ query: String) -> [[UInt8]] {
        // A whole phone number typed in pieces (`+62 812 0000 0120`, `0812 0000 0120`) is one
        // term, its national digits: the pieces alone would each match something else.
        let whole = query.trimmingSpaces
        if whole.contains(" "), whole.allSatisfy({ $0.isASCIIDigit || " +-.()".contains($0) }),
           case .success(let phone) = Phone.normalise(whole) {
            return [Array(Phone.national(phone).utf8)]
        }
        return query.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).compactMap { word in
            let w = String(word)
            let digits = w.filter(\.isASCIIDigit)
            if digits.count >= 3, w.allSatisfy({ $0.isASCIIDigit || "+-.()".contains($0) }) {
                return Array(digits.utf8)
            }
            let folded = Fold.bytes(w).filter { $0 != 0x01 }
            return folded.isEmpty ? nil : folded
        }
    }

    /// What else a digits term matches when it starts with the country code: a field (the
    /// phone) starting with its national form. `62812` finds `0812…` as `+62812…` did when the
    /// international digits were held too (and still finds `…62812…` inside a number).
    static func phoneStart(_ term: [UInt8]) -> [UInt8]? {
        guard term.count > 2, term[0] == 0x36, term[1] == 0x32, term.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return [0x01, 0x30] + term[2...]
    }
}
