/// Lists inside one spreadsheet cell: products and certifications. Kriya writes them joined
/// with "; " (`Vas keramik=75.000; Piring=50.000`); offices also separate them with line
/// breaks or commas, so those are read too, except a comma inside a price ("7,5 jt").
public enum ListCell {
    public static func split(_ cell: String) -> [String] {
        if !cell.utf8.contains(where: { $0 == 0x3B || $0 == 0x2C || $0 == 0x0A || $0 == 0x0D }) {
            let item = cell.trimmingSpaces
            return item.isEmpty ? [] : [item]
        }
        var items: [String] = []
        var current = ""
        let chars = Array(cell)
        let hasSemicolon = chars.contains(";")
        for (i, ch) in chars.enumerated() {
            var separates = ch == ";" || ch == "\n" || ch == "\r"
            if ch == ",", !hasSemicolon {
                // "7,5 jt" keeps its comma: a digit on both sides is a decimal comma.
                let digitBefore = i > 0 && chars[i - 1].isASCIIDigit
                let digitAfter = i + 1 < chars.count && chars[i + 1].isASCIIDigit
                separates = !(digitBefore && digitAfter)
            }
            if separates {
                items.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        items.append(current)
        return items.map(\.trimmingSpaces).filter { !$0.isEmpty }
    }

    /// `Vas keramik=75.000; Cobek`
    public static func products(_ list: [Product]) -> String {
        list.map { p in p.price.map { "\(p.name)=\(Rupiah.format($0))" } ?? p.name }.joined(separator: "; ")
    }

    /// `halal:ID35110000123:2027-01-31:2023-02-01; PIRT`, trailing empty parts left out.
    public static func certifications(_ list: [Certification]) -> String {
        list.map { c in
            var parts = [c.kind.rawValue, c.number ?? "", c.validUntil?.iso ?? "", c.issued?.iso ?? ""]
            while parts.count > 1, parts.last == "" { parts.removeLast() }
            return parts.joined(separator: ":")
        }.joined(separator: "; ")
    }
}
