import KriyaText

/// The craft categories of DOMAIN.md: a short stable key stored in the data, and labels.
public enum CraftCategory: String, CaseIterable, Codable, Sendable {
    case batik
    case tenun
    case fesyenBordir = "fesyen_bordir"
    case keramikGerabah = "keramik_gerabah"
    case anyamanSerat = "anyaman_serat"
    case kayuUkirTopeng = "kayu_ukir_topeng"
    case rotanBambuFurnitur = "rotan_bambu_furnitur"
    case kulitAlasKaki = "kulit_alas_kaki"
    case logam
    case perhiasanAksesori = "perhiasan_aksesori"
    case makananOlahan = "makanan_olahan"
    case lainnya

    public var key: String { rawValue }

    public func label(_ lang: Lang) -> String {
        switch lang {
        case .id: return labels.id
        case .en: return labels.en
        }
    }

    /// A one- or two-word label, for tight spaces (report columns).
    public func shortLabel(_ lang: Lang) -> String {
        switch self {
        case .batik: return "Batik"
        case .tenun: return lang == .id ? "Tenun" : "Weaving"
        case .fesyenBordir: return lang == .id ? "Fesyen" : "Fashion"
        case .keramikGerabah: return lang == .id ? "Keramik" : "Ceramics"
        case .anyamanSerat: return lang == .id ? "Anyaman" : "Plaiting"
        case .kayuUkirTopeng: return lang == .id ? "Kayu & topeng" : "Wood & masks"
        case .rotanBambuFurnitur: return lang == .id ? "Rotan & bambu" : "Rattan & bamboo"
        case .kulitAlasKaki: return lang == .id ? "Kulit" : "Leather"
        case .logam: return lang == .id ? "Logam" : "Metal"
        case .perhiasanAksesori: return lang == .id ? "Perhiasan" : "Jewellery"
        case .makananOlahan: return lang == .id ? "Makanan" : "Food"
        case .lainnya: return lang == .id ? "Lainnya" : "Other"
        }
    }

    private var labels: (id: String, en: String) {
        switch self {
        case .batik: return ("Batik", "Batik")
        case .tenun: return ("Tenun", "Weaving")
        case .fesyenBordir: return ("Fesyen & bordir", "Fashion & embroidery")
        case .keramikGerabah: return ("Keramik & gerabah", "Ceramics & pottery")
        case .anyamanSerat: return ("Anyaman & serat", "Plaiting & fibre")
        case .kayuUkirTopeng: return ("Kayu, ukir & topeng", "Wood, carving & masks")
        case .rotanBambuFurnitur: return ("Rotan, bambu & furnitur", "Rattan, bamboo & furniture")
        case .kulitAlasKaki: return ("Kulit & alas kaki", "Leather & footwear")
        case .logam: return ("Logam", "Metalwork")
        case .perhiasanAksesori: return ("Perhiasan & aksesori", "Jewellery & accessories")
        case .makananOlahan: return ("Makanan olahan", "Processed food")
        case .lainnya: return ("Lainnya", "Other")
        }
    }

    /// A category from its key or a label in either language, ignoring case, spaces and
    /// punctuation ("keramik_gerabah", "Keramik & Gerabah", "ceramics & pottery"), or the first
    /// word of a label when that is unambiguous ("keramik", "ceramics").
    public static func resolve(_ input: String) -> CraftCategory? {
        let wanted = normalise(input)
        guard !wanted.isEmpty else { return nil }
        if let exact = byName[wanted] { return exact }
        let byPrefix = Set(names.filter { $0.name.hasPrefix(wanted) }.map(\.category))
        return byPrefix.count == 1 ? byPrefix.first : nil
    }

    /// Every key and label, normalised once (imports resolve a category per row).
    private static let names: [(name: String, category: CraftCategory)] = allCases.flatMap { c in
        [c.key, c.labels.id, c.labels.en].map { (normalise($0), c) }
    }
    private static let byName: [String: CraftCategory] = Dictionary(names.map { ($0.name, $0.category) }, uniquingKeysWith: { a, _ in a })

    private static func normalise(_ text: String) -> String {
        String(decoding: Fold.bytes(text).filter { $0 >= 0x61 && $0 <= 0x7A }, as: UTF8.self)
    }
}
