import KriyaText

/// A kecamatan (district) of Kota Malang, with its Kemendagri code.
public struct Kecamatan: Hashable, Sendable {
    public let code: String      // "35.73.05"
    public let name: String      // "Lowokwaru"
    public let kelurahan: [Kelurahan]
}

/// A kelurahan (urban village) with its Kemendagri code; the kecamatan follows from the code.
public struct Kelurahan: Hashable, Sendable {
    public let code: String           // "35.73.05.1004"
    public let name: String           // "Dinoyo"
    public let kecamatanCode: String  // "35.73.05"
    /// Other spellings people write ("Tasikmadu" for "Tasik Madu").
    public let variants: [String]
}

/// Reference data of Kota Malang (code 35.73): 5 kecamatan, 57 kelurahan, in official order.
public enum Wilayah {
    public static let cityCode = "35.73"

    private static let table: [(String, String, [String])] = [
        ("01", "Blimbing", ["Balearjosari", "Arjosari", "Polowijen", "Purwodadi", "Blimbing",
                            "Pandanwangi", "Purwantoro", "Bunulrejo", "Kesatrian", "Polehan", "Jodipan"]),
        ("02", "Klojen", ["Klojen", "Rampalcelaket", "Samaan", "Kiduldalem", "Sukoharjo", "Kasin",
                          "Kauman", "Oro-oro Dowo", "Bareng", "Gading Kasri", "Penanggungan"]),
        ("03", "Kedungkandang", ["Kotalama", "Mergosono", "Bumiayu", "Wonokoyo", "Buring",
                                 "Kedungkandang", "Lesanpuro", "Sawojajar", "Madyopuro",
                                 "Cemorokandang", "Arjowinangun", "Tlogowaru"]),
        ("04", "Sukun", ["Ciptomulyo", "Gadang", "Kebonsari", "Bandungrejosari", "Sukun",
                         "Tanjungrejo", "Pisangcandi", "Bandulan", "Karangbesuki", "Mulyorejo",
                         "Bakalankrajan"]),
        ("05", "Lowokwaru", ["Tunggulwulung", "Merjosari", "Tlogomas", "Dinoyo", "Sumbersari",
                             "Ketawanggede", "Jatimulyo", "Tunjungsekar", "Mojolangu", "Tulusrejo",
                             "Lowokwaru", "Tasik Madu"]),
    ]

    /// Spellings seen in the office's lists; matching also ignores case, spaces and hyphens.
    private static let extraVariants: [String: [String]] = [
        "Tasik Madu": ["Tasikmadu"],
        "Rampalcelaket": ["Rampal Celaket", "Celaket"],
        "Gading Kasri": ["Gadingkasri"],
        "Bakalankrajan": ["Bakalan Krajan"],
        "Kotalama": ["Kota Lama"],
        "Kiduldalem": ["Kidul Dalem", "Kidul Dalam"],
        "Oro-oro Dowo": ["Oro Oro Dowo"],
        "Ketawanggede": ["Ketawang Gede"],
        "Tunggulwulung": ["Tunggul Wulung"],
        "Bandungrejosari": ["Bandung Rejosari"],
    ]

    public static let kecamatan: [Kecamatan] = table.map { code, name, kelurahanNames in
        let kecCode = "\(cityCode).\(code)"
        let kel = kelurahanNames.enumerated().map { index, kelName in
            Kelurahan(code: "\(kecCode).\(1001 + index)", name: kelName, kecamatanCode: kecCode,
                      variants: extraVariants[kelName] ?? [])
        }
        return Kecamatan(code: kecCode, name: name, kelurahan: kel)
    }

    public static let kelurahan: [Kelurahan] = kecamatan.flatMap(\.kelurahan)

    private static let kelurahanByCode: [String: Kelurahan] =
        Dictionary(uniqueKeysWithValues: kelurahan.map { ($0.code, $0) })
    private static let kecamatanByCode: [String: Kecamatan] =
        Dictionary(uniqueKeysWithValues: kecamatan.map { ($0.code, $0) })

    private static let kelurahanByCompactName: [String: Kelurahan] = {
        var map: [String: Kelurahan] = [:]
        for kel in kelurahan {
            for spelling in [kel.name] + kel.variants { map[Fold.compact(spelling)] = kel }
        }
        return map
    }()

    private static let kecamatanByCompactName: [String: Kecamatan] =
        Dictionary(uniqueKeysWithValues: kecamatan.map { (Fold.compact($0.name), $0) })

    public static func kelurahan(code: String) -> Kelurahan? { kelurahanByCode[code] }
    public static func kecamatan(code: String) -> Kecamatan? { kecamatanByCode[code] }

    /// The kecamatan a kelurahan code belongs to.
    public static func kecamatan(ofKelurahan code: String) -> Kecamatan? {
        kelurahanByCode[code].flatMap { kecamatanByCode[$0.kecamatanCode] }
    }

    /// A kelurahan from a code ("35.73.05.1004", "3573051004") or a name in any known spelling
    /// ("Tasikmadu", "oro oro dowo"). Nil when nothing matches.
    public static func resolveKelurahan(_ input: String) -> Kelurahan? {
        let trimmed = input.trimmingSpaces
        if let byCode = kelurahanByCode[trimmed] { return byCode }
        let digits = trimmed.filter(\.isASCIIDigit)
        if digits.count == 10, digits.count == trimmed.filter({ $0 != "." }).count {
            let dotted = "\(digits.prefix(2)).\(digits.dropFirst(2).prefix(2)).\(digits.dropFirst(4).prefix(2)).\(digits.suffix(4))"
            return kelurahanByCode[dotted]
        }
        return kelurahanByCompactName[Fold.compact(trimmed)]
    }

    /// A kecamatan from a code ("35.73.05", "357305") or its name, in any case.
    public static func resolveKecamatan(_ input: String) -> Kecamatan? {
        let trimmed = input.trimmingSpaces
        if let byCode = kecamatanByCode[trimmed] { return byCode }
        let compact = Fold.compact(trimmed)
        if let match = kecamatanByCompactName[compact] { return match }
        let digits = trimmed.filter(\.isASCIIDigit)
        if digits.count == 6 {
            return kecamatanByCode["\(digits.prefix(2)).\(digits.dropFirst(2).prefix(2)).\(digits.suffix(2))"]
        }
        // The start of one name, as the forms' pickers take it ("Lowok", "kedung"): only when
        // it fits one kecamatan.
        guard compact.count >= 3 else { return nil }
        let starting = kecamatan.filter { Fold.compact($0.name).hasPrefix(compact) }
        return starting.count == 1 ? starting[0] : nil
    }
}

extension Character {
    /// 0–9 only (Unicode's `isWholeNumber` also takes other scripts' digits, and is slow).
    var isASCIIDigit: Bool { asciiValue.map { $0 >= 0x30 && $0 <= 0x39 } ?? false }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines (Foundation-free).
    public var trimmingSpaces: String {
        // Most values have nothing to trim: say so without walking the characters.
        let utf8 = self.utf8
        if let first = utf8.first, let last = utf8.last, first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80 { return self }
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\u{00A0}" }
        guard let start = firstIndex(where: { !isSpace($0) }),
              let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}
