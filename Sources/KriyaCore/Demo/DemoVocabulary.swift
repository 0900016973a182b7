/// Made-up but realistic words for demo data: names, businesses, products, places.
/// No real people: phone numbers come from the reserved-looking 0812-0000-xxxx range.
enum DemoVocabulary {
    static let femaleNames = ["Siti", "Sri", "Rahayu", "Wahyuni", "Dewi", "Endang", "Suharti", "Lestari",
                              "Ratna", "Nur", "Ani", "Yuli", "Wulan", "Indah", "Fitri", "Retno", "Sulastri",
                              "Murni", "Kartini", "Puji", "Umi", "Tutik", "Ninik", "Yayuk", "Erna", "Astuti"]
    static let maleNames = ["Budi", "Agus", "Slamet", "Joko", "Bambang", "Hadi", "Sugeng", "Eko", "Wahyu",
                            "Dwi", "Heru", "Teguh", "Sutrisno", "Rudi", "Yusuf", "Arif", "Imam", "Hendra",
                            "Didik", "Supriyadi", "Ahmad", "Gatot", "Priyo", "Bagus", "Sholeh", "Wawan"]
    static let secondNames = ["Santoso", "Wibowo", "Prasetyo", "Hartono", "Susanto", "Setiawan", "Rahayu",
                              "Lestari", "Handayani", "Kurniawan", "Hidayat", "Saputra", "Utomo", "Purnomo",
                              "Nugroho", "Maulana", "Fauzi", "Wati", "Ningsih", "Rahmawati", "Subagyo",
                              "Sulistyo", "Widodo", "Anggraini", "Pratiwi", "Mulyani"]
    static let businessWords = ["Sekar", "Arjuna", "Panji", "Mekar", "Lestari", "Sumber Rejeki", "Barokah",
                                "Kencana", "Wijaya", "Sari", "Cahaya", "Mandiri", "Jaya Abadi", "Tunggal",
                                "Permata", "Anugerah", "Citra", "Sinar", "Asri", "Bumi"]

    /// Per category: business name prefixes and products with a price range (rupiah).
    static let crafts: [CraftCategory: (prefixes: [String], products: [(String, Int64, Int64)])] = [
        .batik: (["Batik", "Batik Tulis", "Griya Batik"],
                 [("Batik tulis motif Malang Kucecwara", 350_000, 1_500_000), ("Batik cap motif Teratai", 150_000, 400_000),
                  ("Kain batik motif Tugu", 200_000, 750_000), ("Batik motif Rumbai Singa", 250_000, 900_000),
                  ("Selendang batik Topeng Malangan", 120_000, 350_000), ("Kemeja batik Celaket", 180_000, 450_000)]),
        .tenun: (["Tenun", "Tenun Ikat"],
                 [("Kain tenun ikat", 300_000, 1_200_000), ("Sarung tenun", 150_000, 450_000), ("Syal tenun", 75_000, 200_000)]),
        .fesyenBordir: (["Bordir", "Busana", "Konveksi"],
                        [("Kebaya bordir", 250_000, 900_000), ("Mukena bordir", 200_000, 600_000), ("Kerudung bordir", 60_000, 180_000)]),
        .keramikGerabah: (["Keramik", "Gerabah", "Sentra Keramik"],
                          [("Vas keramik Dinoyo", 75_000, 450_000), ("Guci hias", 150_000, 1_200_000),
                           ("Cangkir keramik set", 90_000, 250_000), ("Pot gerabah", 25_000, 120_000), ("Piring keramik lukis", 60_000, 200_000)]),
        .anyamanSerat: (["Anyaman", "Kerajinan Serat"],
                        [("Tas anyaman pandan", 85_000, 250_000), ("Tikar mendong", 60_000, 150_000), ("Keranjang eceng gondok", 45_000, 175_000)]),
        .kayuUkirTopeng: (["Topeng", "Ukir", "Sanggar Topeng"],
                          [("Topeng Malangan Panji Asmorobangun", 250_000, 1_500_000), ("Topeng Malangan Dewi Sekartaji", 250_000, 1_200_000),
                           ("Ukiran kayu relief", 400_000, 3_500_000), ("Miniatur topeng", 35_000, 120_000)]),
        .rotanBambuFurnitur: (["Rotan", "Mebel Rotan", "Bambu"],
                              [("Kursi rotan", 450_000, 1_800_000), ("Meja rotan", 600_000, 2_500_000),
                               ("Keranjang rotan", 75_000, 250_000), ("Lampu hias bambu", 90_000, 350_000)]),
        .kulitAlasKaki: (["Kulit", "Sepatu", "Sandal"],
                         [("Sepatu kulit", 275_000, 850_000), ("Tas kulit", 300_000, 1_200_000),
                          ("Dompet kulit", 75_000, 250_000), ("Sandal kulit", 90_000, 220_000)]),
        .logam: (["Logam", "Kerajinan Kuningan"],
                 [("Hiasan kuningan", 150_000, 900_000), ("Lampu gantung logam", 250_000, 1_100_000)]),
        .perhiasanAksesori: (["Aksesori", "Perhiasan", "Manik"],
                             [("Kalung manik-manik", 45_000, 180_000), ("Gelang perak", 150_000, 600_000),
                              ("Bros batik", 25_000, 75_000), ("Gantungan kunci topeng", 10_000, 35_000)]),
        .makananOlahan: (["Keripik", "Dapur", "Camilan", "Olahan"],
                         [("Keripik tempe Sanan", 15_000, 35_000), ("Keripik apel Malang", 20_000, 45_000),
                          ("Sari apel", 8_000, 25_000), ("Kue kering", 35_000, 90_000), ("Sambal pecel", 15_000, 30_000)]),
        .lainnya: (["Kerajinan", "Souvenir", "Kreasi"],
                   [("Lukisan kaca", 150_000, 800_000), ("Souvenir Kampung Warna-warni", 15_000, 60_000),
                    ("Kerajinan daur ulang", 25_000, 150_000)]),
    ]

    /// Craft centres of DOMAIN.md: kelurahan, category, and how the business is usually named.
    static let centres: [(kelurahan: String, category: CraftCategory, prefix: String)] = [
        ("Dinoyo", .keramikGerabah, "Keramik"),
        ("Purwantoro", .makananOlahan, "Keripik Tempe"),
        ("Balearjosari", .rotanBambuFurnitur, "Rotan"),
        ("Tasik Madu", .rotanBambuFurnitur, "Rotan"),
        ("Penanggungan", .keramikGerabah, "Gerabah"),
        ("Polowijen", .kayuUkirTopeng, "Sanggar Topeng"),
        ("Polowijen", .batik, "Batik"),
        ("Tlogowaru", .kayuUkirTopeng, "Topeng"),
        ("Rampalcelaket", .batik, "Batik Tulis Celaket"),
        ("Jodipan", .lainnya, "Souvenir"),
        ("Kauman", .makananOlahan, "Dapur Heritage"),
        ("Bakalankrajan", .kayuUkirTopeng, "Ukir"),
    ]

    /// The crafts each kecamatan is known for, by kecamatan code (Blimbing 35.73.01, Klojen
    /// 35.73.02, Kedungkandang 35.73.03, Sukun 35.73.04, Lowokwaru 35.73.05).
    static let kecamatanCrafts: [String: [CraftCategory]] = [
        "35.73.01": [.rotanBambuFurnitur, .makananOlahan, .batik, .logam, .fesyenBordir, .kulitAlasKaki, .lainnya],
        "35.73.02": [.batik, .perhiasanAksesori, .fesyenBordir, .makananOlahan, .lainnya, .anyamanSerat, .kayuUkirTopeng],
        "35.73.03": [.kayuUkirTopeng, .anyamanSerat, .logam, .makananOlahan, .kulitAlasKaki, .tenun, .lainnya],
        "35.73.04": [.kayuUkirTopeng, .anyamanSerat, .tenun, .fesyenBordir, .makananOlahan, .kulitAlasKaki, .lainnya],
        "35.73.05": [.keramikGerabah, .rotanBambuFurnitur, .batik, .perhiasanAksesori, .fesyenBordir, .makananOlahan, .tenun],
    ]

    static let streets = ["Jl. MT Haryono", "Jl. Soekarno-Hatta", "Jl. Ijen", "Jl. Kawi", "Jl. Letjen Sutoyo",
                          "Jl. Gatot Subroto", "Jl. Ki Ageng Gribig", "Jl. Mayjen Panjaitan", "Jl. Raya Tlogomas",
                          "Jl. Sanan", "Jl. Kolonel Sugiono", "Jl. Danau Toba", "Jl. Ciliwung", "Jl. Terusan Dieng"]

    static let sessionTopics: [(title: String, topic: String, category: CraftCategory?)] = [
        ("Bimtek Dasar Membatik", "batik dasar", .batik),
        ("Pewarnaan Alami untuk Batik dan Tenun", "pewarnaan alami", .batik),
        ("Kemasan dan Merek Produk IKM", "kemasan dan merek", nil),
        ("Desain Produk Kerajinan", "desain produk", nil),
        ("Pemasaran Digital dan Marketplace", "pemasaran digital", nil),
        ("Pendampingan Sertifikasi Halal Self-Declare", "halal self-declare", .makananOlahan),
        ("Fotografi Produk dengan Ponsel", "fotografi produk", nil),
        ("Glasir dan Pembakaran Keramik", "teknik keramik", .keramikGerabah),
        ("Finishing Mebel Rotan", "finishing rotan", .rotanBambuFurnitur),
        ("Pembuatan Topeng Malangan", "topeng malangan", .kayuUkirTopeng),
    ]
    static let partners = ["Universitas Brawijaya", "Universitas Negeri Malang", "Politeknik Negeri Malang",
                           "Universitas Muhammadiyah Malang", "Klinik Desain Kemenperin", "Rumah Kreatif BUMN Malang"]
    static let trainers = ["Dr. Ir. Sumarno", "Ibu Lina Marlina, M.Ds.", "Bapak Taufik Hidayat", "Ibu Anik Suryani",
                           "Bapak Rizal Fahmi", "Ibu Dian Kusuma, S.Sn."]
    static let venues = ["Aula Balai Kota Malang", "Gedung Kartini Dekranasda", "Malang Creative Center",
                         "Aula Dinas Koperasi dan UKM", "Rumah Batik Celaket"]

    /// Recurring fairs: name, level, venue, city, month, day, length, categories that go.
    static let fairs: [(name: String, level: ExhibitionLevel, organiser: String, venue: String, city: String,
                        month: Int, day: Int, days: Int, categories: [CraftCategory]?)] = [
        ("Batik Bordir & Aksesoris Fair", .regional, "Dekranasda Jawa Timur", "Grand City", "Surabaya", 3, 12, 5,
         [.batik, .fesyenBordir, .perhiasanAksesori, .tenun]),
        ("INACRAFT", .nasional, "ASEPHI", "Jakarta Convention Center", "Jakarta", 4, 23, 5, nil),
        ("Festival Keramik Dinoyo", .lokal, "Paguyuban Keramik Dinoyo", "Kampung Keramik Dinoyo", "Malang", 6, 20, 3,
         [.keramikGerabah]),
        ("Dekranasda Festival", .lokal, "Dekranasda Kota Malang", "Alun-Alun Merdeka", "Malang", 8, 15, 3, nil),
        ("Kriyanusa", .nasional, "Dekranas", "Jakarta Convention Center", "Jakarta", 9, 25, 4, nil),
        ("Jatim Fest", .regional, "Pemprov Jawa Timur", "Jatim Expo", "Surabaya", 10, 8, 5, nil),
        ("Trade Expo Indonesia", .internasional, "Kementerian Perdagangan", "ICE BSD", "Tangerang", 10, 15, 5, nil),
        ("INACRAFT October", .nasional, "ASEPHI", "Jakarta Convention Center", "Jakarta", 10, 1, 5, nil),
    ]
}
