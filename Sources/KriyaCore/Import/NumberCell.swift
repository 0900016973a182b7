/// Long digit strings (phones, NIB, NIK) in a spreadsheet cell that was formatted as a number:
/// the sheet shows and exports them rounded ("8,12346E+10", "9,12E+12"), and the digits are gone.
enum NumberCell {
    /// Digits, a decimal mark and an exponent, nothing else.
    static func wasRounded(_ text: String) -> Bool {
        let bytes = text.utf8
        return bytes.contains(0x2B) && bytes.contains(where: { $0 == 0x45 || $0 == 0x65 })
            && bytes.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2C || $0 == 0x2E || $0 == 0x45 || $0 == 0x65 || $0 == 0x2B })
    }
}
