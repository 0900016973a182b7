import KriyaText

/// An artisan's plain text details, one entry each with its rule. The files, the packed
/// details, the audit's diff, `--json`, the spreadsheet columns and headings, `kriya add --set`,
/// the console's form and the detail view all read this table: adding such a field is an entry
/// here and its label in each language's `values` table (`ArtisanTextField.NAME`).
/// Fields with rules of their own (phone, kelurahan, products, NIK…) are `ArtisanField` cases.
public enum ArtisanTextField: String, CaseIterable, Sendable {
    case address, brand, instagram, marketplace

    public struct Rule: Sendable {
        /// The field it comes after in the files, spreadsheets, the form and the detail view,
        /// when those do not place it themselves.
        public let follows: ArtisanField
        public let maxLength: Int
        public let shape: Shape
        /// Spreadsheet headings that name it, folded (`Fold.compact`).
        public let headings: [String]
        /// Words that name it anywhere in a longer heading ("Link Instagram usaha"), tried
        /// after `HeaderMap`'s own ordered words.
        public let headingWords: [String]
        /// Whether a search finds artisans by it.
        public let searched: Bool
    }

    /// How the text is written and checked.
    public enum Shape: Sendable {
        case plain
        /// An account name, kept as `@name` however it was typed (a profile link, no `@`).
        case handle(site: String)
        /// A web address, kept with `https://` so that exports and documents can link it.
        case link
    }

    public var rule: Rule {
        switch self {
        case .address:
            return Rule(follows: .email, maxLength: 300, shape: .plain,
                        headings: ["alamat", "alamatusaha", "alamatrumah", "alamatlengkap", "address"],
                        // Placed by `HeaderMap`'s own ordered words ("Alamat (…, Kelurahan)").
                        headingWords: [], searched: false)
        case .brand:
            return Rule(follows: .business, maxLength: 120, shape: .plain,
                        headings: ["merek", "merk", "merekdagang", "namamerek", "brand"],
                        headingWords: [], searched: true)
        case .instagram:
            return Rule(follows: .text(.brand), maxLength: 31, shape: .handle(site: "instagram.com"),
                        headings: ["instagram", "ig", "akuninstagram", "akunig", "instagramusaha", "igusaha"],
                        headingWords: ["instagram"], searched: true)
        case .marketplace:
            return Rule(follows: .text(.instagram), maxLength: 300, shape: .link,
                        headings: ["marketplace", "tokoonline", "linktoko", "linkmarketplace", "tokopedia", "shopee",
                                   "lapaktoko", "linkproduk", "website", "situs"],
                        headingWords: ["marketplace", "tokoonline", "linktoko"], searched: false)
        }
    }

    /// `allCases`, made once: the synthesised property builds a new array at every call, and
    /// reading a million records asks for it several times a record.
    public static let ordered = allCases

    /// The fields a search finds artisans by.
    public static let searched = ordered.filter(\.rule.searched)

    /// The field's place in `ordered`, by a switch: packing a record asks it for every field,
    /// and reaching the global array each time cost a tenth of opening 100k artisans.
    public var index: Int {
        switch self {
        case .address: return 0
        case .brand: return 1
        case .instagram: return 2
        case .marketplace: return 3
        }
    }

    /// The field's name in the interface.
    public func label(_ lang: Lang) -> String { L10n.value(self, lang) }

    // MARK: The shapes' rules

    /// The text as stored, from the text as typed: nil when it cannot be read as this shape
    /// (`check` then names the problem).
    public func stored(from typed: String) -> String? {
        let t = typed.trimmingSpaces
        switch rule.shape {
        case .plain: return t
        case .handle(let site):
            var name = Substring(t)
            for prefix in ["https://", "http://", "www.", site + "/", "@"] where name.lowercased().hasPrefix(prefix) {
                name = name.dropFirst(prefix.count)
            }
            name = name.prefix { $0 != "/" && $0 != "?" }
            guard !name.isEmpty, name.count <= 30,
                  name.unicodeScalars.allSatisfy(Self.isHandleCharacter) else { return nil }
            return "@" + name.lowercased()
        case .link:
            guard !t.contains(" "), !t.contains("\t") else { return nil }
            let lower = t.lowercased()
            let full = lower.hasPrefix("https://") || lower.hasPrefix("http://") ? t : "https://" + t
            let host = full.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false).dropFirst(2).first ?? ""
            guard host.contains("."), !host.hasPrefix("."), !host.hasSuffix("."),
                  full.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value != 0x7F }) else { return nil }
            return full
        }
    }

    /// The problem with a stored value's shape, if any (its length and characters are
    /// checked as every text's are).
    public func problem(with value: String) -> FieldError.Problem? {
        switch rule.shape {
        case .plain: return nil
        case .handle: return stored(from: value) == value ? nil : .invalidHandle(value)
        case .link: return stored(from: value) == value ? nil : .invalidLink(value)
        }
    }

    /// Letters, digits, `.` and `_`: what Instagram, TikTok and most sites allow in a name.
    private static func isHandleCharacter(_ s: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "." || s == "_"
    }

    /// `follows` resolved: `listed` with every table field it leaves out placed after the
    /// field it follows (at the end when that is not listed either), in table order.
    public static func placed(in listed: [ArtisanField]) -> [ArtisanField] {
        var out = listed
        var missing = allCases.filter { !listed.contains(.text($0)) }
        while !missing.isEmpty {
            let before = missing.count
            missing.removeAll { field in
                guard let at = out.firstIndex(of: field.rule.follows) else { return false }
                var end = at + 1
                // After any fields placed behind the same one already, keeping table order.
                while end < out.count, case .text(let t) = out[end], !listed.contains(out[end]), t.rule.follows == field.rule.follows { end += 1 }
                out.insert(.text(field), at: end)
                return true
            }
            if missing.count == before {
                out += missing.map { .text($0) }
                missing = []
            }
        }
        return out
    }
}
