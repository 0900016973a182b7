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
        for category in allCases {
            let names = [category.key, category.labels.id, category.labels.en]
            if names.contains(where: { normalise($0) == wanted }) { return category }
        }
        let byPrefix = allCases.filter { category in
            [category.key, category.labels.id, category.labels.en].contains { normalise($0).hasPrefix(wanted) }
        }
        return byPrefix.count == 1 ? byPrefix[0] : nil
    }

    private static func normalise(_ text: String) -> String {
        String(Fold.string(text).unicodeScalars.filter { ("a"..."z").contains($0) }.map(Character.init))
    }
}
