import KriyaText

extension CraftCategory {
    /// A category from how office spreadsheets write it ("Kerajinan Kayu", "Mamin", "Tas kulit",
    /// "Topeng Malangan"): the exact names first, then the first telling word in the text.
    public static func resolveLoosely(_ input: String) -> CraftCategory? {
        if let exact = resolve(input) { return exact }
        let words = Fold.string(input).split { !$0.isLetter }
        for word in words {
            if let hit = keywords.first(where: { word.hasPrefix($0.stem) }) { return hit.category }
        }
        // Only then the words for "a craft" in general ("Kerajinan tangan", "Souvenir"): Other.
        if words.contains(where: { w in generalWords.contains { w.hasPrefix($0) } }) { return .lainnya }
        return nil
    }

    /// Words that say "handicraft" without saying which; "Kerajinan kayu" is still wood.
    private static let generalWords = ["kerajinan", "handicraft", "craft", "kriya", "souvenir", "suvenir", "cenderamata",
                                       "cinderamata", "daur", "recycl"]

    /// Word stems staff use for each craft, in Indonesian and English.
    private static let keywords: [(stem: String, category: CraftCategory)] = [
        ("batik", .batik),
        ("tenun", .tenun), ("songket", .tenun), ("weav", .tenun), ("ikat", .tenun),
        ("bordir", .fesyenBordir), ("sulam", .fesyenBordir), ("fesyen", .fesyenBordir), ("fashion", .fesyenBordir),
        ("busana", .fesyenBordir), ("konveksi", .fesyenBordir), ("jahit", .fesyenBordir), ("embroider", .fesyenBordir),
        ("keramik", .keramikGerabah), ("gerabah", .keramikGerabah), ("tembikar", .keramikGerabah),
        ("ceramic", .keramikGerabah), ("potter", .keramikGerabah),
        ("anyam", .anyamanSerat), ("serat", .anyamanSerat), ("eceng", .anyamanSerat), ("pandan", .anyamanSerat),
        ("topeng", .kayuUkirTopeng), ("ukir", .kayuUkirTopeng), ("kayu", .kayuUkirTopeng), ("mask", .kayuUkirTopeng),
        ("wood", .kayuUkirTopeng), ("carv", .kayuUkirTopeng),
        ("rotan", .rotanBambuFurnitur), ("bambu", .rotanBambuFurnitur), ("mebel", .rotanBambuFurnitur),
        ("furni", .rotanBambuFurnitur), ("rattan", .rotanBambuFurnitur), ("bamboo", .rotanBambuFurnitur),
        ("kulit", .kulitAlasKaki), ("sepatu", .kulitAlasKaki), ("sandal", .kulitAlasKaki), ("leather", .kulitAlasKaki),
        ("logam", .logam), ("kuningan", .logam), ("tembaga", .logam), ("besi", .logam), ("metal", .logam),
        ("perhiasan", .perhiasanAksesori), ("aksesori", .perhiasanAksesori), ("perak", .perhiasanAksesori),
        ("manik", .perhiasanAksesori), ("jewel", .perhiasanAksesori), ("accessor", .perhiasanAksesori),
        ("makanan", .makananOlahan), ("minuman", .makananOlahan), ("mamin", .makananOlahan), ("kuliner", .makananOlahan),
        ("olahan", .makananOlahan), ("keripik", .makananOlahan), ("kripik", .makananOlahan), ("kue", .makananOlahan),
        ("food", .makananOlahan), ("snack", .makananOlahan), ("pangan", .makananOlahan), ("jamu", .makananOlahan),
        ("herbal", .makananOlahan), ("kopi", .makananOlahan), ("coffee", .makananOlahan), ("sambal", .makananOlahan),
        ("roti", .makananOlahan), ("madu", .makananOlahan), ("camilan", .makananOlahan), ("minum", .makananOlahan),
        ("rajut", .fesyenBordir), ("sablon", .fesyenBordir), ("garmen", .fesyenBordir), ("pakaian", .fesyenBordir),
        ("lain", .lainnya), ("other", .lainnya),
    ]
}
