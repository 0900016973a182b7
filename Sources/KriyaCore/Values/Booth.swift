/// Booth numbers as the floor plan writes them: a hall letter and a number, `A-01`. Typed
/// `a 1`, `A-1`, `A01` or `a-01`, they are the same booth and are stored the same way; a
/// number that is not letters then digits is kept as typed, in capitals.
public enum Booth {
    public static func normalise(_ typed: String) -> String {
        let text = typed.trimmingSpaces.uppercased()
        let compact = text.filter { $0 != " " && $0 != "-" && $0 != "." }
        let letters = compact.prefix { $0.isLetter }
        let digits = compact.dropFirst(letters.count)
        guard !letters.isEmpty, !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let n = Int(digits) else { return text }
        return letters + "-" + (n < 10 ? "0" : "") + String(n)
    }
}
