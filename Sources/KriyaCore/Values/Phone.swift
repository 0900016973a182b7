/// Indonesian mobile numbers: typed as `0812-0000-1234`, `+62 812 0000 1234` or `62812…`;
/// stored normalised as `+6281200001234`.
public enum Phone {
    public enum Problem: Error, Hashable, Sendable {
        case notAPhoneNumber, notMobile, wrongLength(Int)
    }

    /// The normalised `+62…` form, or the problem.
    public static func normalise(_ input: String) -> Result<String, Problem> {
        var digits = ""
        var sawPlus = false
        for (index, ch) in input.trimmingSpaces.enumerated() {
            if ch.isASCIIDigit { digits.append(ch) }
            else if ch == "+" && index == 0 { sawPlus = true }
            else if ch == " " || ch == "-" || ch == "." || ch == "(" || ch == ")" { continue }
            else { return .failure(.notAPhoneNumber) }
        }
        let subscriber: Substring
        if digits.hasPrefix("62") { subscriber = digits.dropFirst(2) }
        else if digits.hasPrefix("0") && !sawPlus { subscriber = digits.dropFirst() }
        else { return .failure(digits.isEmpty ? .notAPhoneNumber : .notMobile) }
        guard subscriber.first == "8" else { return .failure(.notMobile) }
        // National form 08xx…: 10 to 13 digits in all.
        let national = subscriber.count + 1
        guard (10...13).contains(national) else { return .failure(.wrongLength(national)) }
        return .success("+62" + subscriber)
    }

    /// `+6281200001234` → `081200001234`, the national form people dial.
    public static func national(_ normalised: String) -> String {
        normalised.hasPrefix("+62") ? "0" + normalised.dropFirst(3) : normalised
    }
}
