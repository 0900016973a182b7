/// Lists inside one spreadsheet cell: products and certifications. Kriya writes them joined
/// with "; " (`Vas keramik=75.000; Piring=50.000`); offices also separate them with line
/// breaks or commas, so those are read too, except a comma inside a price ("7,5 jt").
public enum ListCell {
    public static func split(_ cell: String) -> [String] {
        // Bytes, not Characters (an import splits a cell per row); the separators are ASCII,
        // so cutting UTF-8 at them never splits a character.
        let bytes = Array(cell.utf8)
        let hasSemicolon = bytes.contains(0x3B)
        var items: [String] = []
        var start = 0
        func isDigit(_ i: Int) -> Bool { i >= 0 && i < bytes.count && bytes[i] >= 0x30 && bytes[i] <= 0x39 }
        for (i, b) in bytes.enumerated() {
            var separates = b == 0x3B || b == 0x0A || b == 0x0D
            // "7,5 jt" keeps its comma: a digit on both sides is a decimal comma.
            if b == 0x2C, !hasSemicolon { separates = !(isDigit(i - 1) && isDigit(i + 1)) }
            guard separates else { continue }
            items.append(String(decoding: bytes[start..<i], as: UTF8.self))
            start = i + 1
        }
        items.append(String(decoding: bytes[start...], as: UTF8.self))
        return items.map(\.trimmingSpaces).filter { !$0.isEmpty }
    }

    /// People's names, one per "; " or line: never cut at a comma, which names hold
    /// ("Ibu Lina Marlina, M.Ds.", "Dinas Koperasi, Perindustrian dan Perdagangan").
    public static func names(_ cell: String) -> [String] {
        cell.split(whereSeparator: { $0 == ";" || $0.isNewline }).map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }

    /// `Vas keramik=75.000; Cobek`
    public static func products(_ list: [Product]) -> String {
        list.map(product).joined(separator: "; ")
    }

    /// One product as `NAME=PRICE` (or `NAME`), the form `ArtisanText` reads.
    public static func product(_ p: Product) -> String {
        p.price.map { "\(p.name)=\(Rupiah.format($0))" } ?? p.name
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
