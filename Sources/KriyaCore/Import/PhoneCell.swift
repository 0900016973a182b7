/// A phone number as spreadsheets hold it: a number cell loses the leading 0 ("81234567890"),
/// a long one turns into "8,12346E+10", and some cells hold two numbers ("0812… / 0856…").
enum PhoneCell {
    enum Reading: Equatable {
        /// The number to store (still to be normalised and validated), and any further numbers.
        case phone(String, others: [String])
        /// The spreadsheet turned it into a rounded number: the digits are gone.
        case mangled
    }

    static func read(_ cell: String) -> Reading {
        let text = cell.trimmingSpaces
        if NumberCell.wasRounded(text) { return .mangled }
        // A leading apostrophe is how spreadsheets mark a number kept as text.
        let unquoted = text.hasPrefix("'") ? String(text.dropFirst()) : text
        if case .success = Phone.normalise(unquoted) { return .phone(unquoted, others: []) }
        if unquoted.allSatisfy(\.isASCIIDigit), unquoted.first == "8", (9...12).contains(unquoted.count) {
            return .phone("0" + unquoted, others: [])
        }
        let parts = unquoted.split { $0 == "/" || $0 == ";" || $0 == "," || $0 == "|" }.map { String($0).trimmingSpaces }
        if parts.count > 1, let first = parts.first, case .success = Phone.normalise(first) {
            return .phone(first, others: Array(parts.dropFirst()))
        }
        return .phone(unquoted, others: [])
    }
}
