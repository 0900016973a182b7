import KriyaText

/// Which spreadsheet column holds which artisan field, from the header row: the headings
/// offices use in Indonesian and English ("Nama Pemilik", "No HP/WA", "Jenis Kerajinan"),
/// Kriya's own export headings in both languages, and the user's `--map column=field`.
public struct HeaderMap: Sendable {
    /// Field of each column; nil for a column that is not read.
    public private(set) var fields: [ArtisanField?]
    /// Columns not read, by position, with their heading (for the report).
    public private(set) var ignored: [(column: Int, heading: String)] = []
    /// More phone columns after the first ("No HP" and "No WA"): their numbers are read too.
    public private(set) var extraPhones: [Int] = []
    /// Required fields that no column holds.
    public var missing: [ArtisanField] { ArtisanField.required.filter { !fields.contains($0) } }

    public enum MapProblem: Error, Equatable, Sendable {
        /// `--map` named a column the file does not have.
        case noSuchColumn(String)
        /// `--map` named a field Kriya does not know.
        case noSuchField(String)
        /// `--map` was not COLUMN=FIELD.
        case malformed(String)
    }

    /// - Parameter overrides: `COLUMN=FIELD` pairs; FIELD may be `ignore`.
    public init(headings: [String], overrides: [String] = []) throws(MapProblem) {
        var chosen: [String: ArtisanField?] = [:]
        for pair in overrides {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces }
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { throw .malformed(pair) }
            let column = Self.key(parts[0])
            guard headings.contains(where: { Self.key($0) == column }) else { throw .noSuchColumn(parts[0]) }
            if ["ignore", "abaikan", "-"].contains(parts[1].lowercased()) { chosen[column] = .some(nil); continue }
            guard let field = ArtisanField.allCases.first(where: { $0.rawValue.lowercased() == parts[1].lowercased() })
                ?? Self.synonyms[Self.key(parts[1])] ?? nil else { throw .noSuchField(parts[1]) }
            chosen[column] = field
        }
        var taken = Set<ArtisanField>(chosen.values.compactMap { $0 })
        fields = []
        for (i, heading) in headings.enumerated() {
            let k = Self.key(heading)
            if let explicit = chosen[k] { fields.append(explicit); continue }
            let known = (Self.synonyms[k] ?? nil) ?? Self.loosely(k)
            if let field = known, !taken.contains(field) {
                fields.append(field)
                taken.insert(field)
            } else if known == .phone, fields.contains(.phone) {
                fields.append(nil)
                extraPhones.append(i)
            } else {
                fields.append(nil)
                // Numbering and our own problem column are expected; say nothing of them.
                if !k.isEmpty && Self.synonyms[k] != .some(nil) { ignored.append((i, heading)) }
            }
        }
    }

    public func column(of field: ArtisanField) -> Int? { fields.firstIndex(of: field) }

    /// Headings compared without case, accents, spaces or punctuation: "No. HP/WA" → "nohpwa".
    static func key(_ heading: String) -> String {
        String(Fold.string(heading).unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }.map(Character.init))
    }

    /// A heading no list names exactly, by the words in it: Google Forms and office sheets
    /// write "Nama Lengkap Pemilik", "Nomor WhatsApp", "Desa/Kelurahan", "Sektor Usaha".
    /// First rule that fits wins; the report shows which column became which field.
    static func loosely(_ key: String) -> ArtisanField? {
        guard key.count >= 3, Self.synonyms[key] == nil else { return nil }
        for (word, field, prefixOnly) in looseWords where prefixOnly ? key.hasPrefix(word) : key.contains(word) {
            return field
        }
        return nil
    }

    /// The hand-ordered words first (the order decides), then the text details' own.
    private static let looseWords: [(String, ArtisanField, prefixOnly: Bool)] = orderedLooseWords
        + ArtisanTextField.allCases.flatMap { f in f.rule.headingWords.map { ($0, ArtisanField.text(f), false) } }

    private static let orderedLooseWords: [(String, ArtisanField, prefixOnly: Bool)] = [
        ("email", .email, false), ("surel", .email, false),
        // "Alamat (Jalan, RT/RW, Kelurahan)" is an address, whatever else it names.
        ("alamat", .address, true), ("address", .address, false),
        ("whatsapp", .phone, false), ("nohp", .phone, false), ("nomorhp", .phone, false), ("handphone", .phone, false),
        ("ponsel", .phone, false), ("telepon", .phone, false), ("telp", .phone, false), ("phone", .phone, false),
        ("kelurahan", .kelurahan, false), ("desa", .kelurahan, true), ("kecamatan", .kecamatan, false),
        ("jeniskelamin", .gender, false),
        ("namausaha", .business, true), ("namaikm", .business, true), ("namaukm", .business, true), ("namatoko", .business, true),
        ("merek", .brand, true), ("merk", .brand, true),
        ("kategori", .category, false), ("jeniskerajinan", .category, false), ("sektor", .category, true), ("bidangusaha", .category, false),
        ("produk", .products, false), ("nib", .nib, true), ("nik", .nik, true), ("noktp", .nik, true),
        ("tenagakerja", .workers, false), ("karyawan", .workers, false),
        ("pemilik", .name, false), ("namalengkap", .name, true), ("namapelaku", .name, true), ("namapengrajin", .name, true),
    ]

    /// Known headings. A nil value is a column to skip quietly (row numbers, our problem column).
    static let synonyms: [String: ArtisanField?] = {
        var map: [String: ArtisanField?] = [:]
        let words: [(ArtisanField?, [String])] = [
            (.id, ["id", "idpelaku", "idartisan", "kodepelaku"]),
            (.name, ["nama", "namapemilik", "namapelaku", "namapelakuikm", "pemilik", "namapengrajin", "pengrajin",
                     "namalengkap", "name", "ownername", "owner", "fullname", "artisan"]),
            (.gender, ["jeniskelamin", "jk", "lp", "kelamin", "gender", "sex"]),
            (.phone, ["nohp", "nohpwa", "hp", "hpwa", "wa", "nowa", "whatsapp", "telepon", "telp", "notelp", "notelepon",
                      "tlp", "notlp", "nomorhp", "nomorwa", "nomortelepon", "kontak", "phone", "phonenumber", "mobile", "telephone"]),
            (.email, ["email", "surel", "alamatemail"]),
            (.kelurahan, ["kelurahan", "kel", "desa", "desakelurahan", "kelurahandesa", "village"]),
            (.kecamatan, ["kecamatan", "kec", "district", "subdistrict"]),
            (.business, ["namausaha", "usaha", "namaikm", "ikm", "namaukm", "ukm", "perusahaan", "namaperusahaan",
                         "namatoko", "toko", "business", "businessname", "company"]),
            (.nib, ["nib", "nomorindukberusaha", "nonib"]),
            (.category, ["kategori", "kategorikerajinan", "jeniskerajinan", "kerajinan", "jenisusaha", "bidangusaha",
                         "sektor", "subsektor", "category", "craft", "crafttype"]),
            (.kbli, ["kbli", "kodekbli"]),
            (.scale, ["skala", "skalausaha", "scale", "businessscale"]),
            (.workers, ["tenagakerja", "jumlahtenagakerja", "tk", "jumlahtk", "karyawan", "jumlahkaryawan", "pekerja",
                        "workers", "employees"]),
            (.products, ["produk", "produkunggulan", "namaproduk", "hasilproduk", "products", "product"]),
            (.certifications, ["sertifikasi", "sertifikat", "legalitas", "perizinan", "certifications", "certification"]),
            (.memberSince, ["binaansejak", "tahunbinaan", "terdaftarsejak", "tanggalbergabung", "membersince"]),
            (.notes, ["catatan", "keterangan", "ket", "notes", "note", "remarks"]),
            (.nik, ["nik", "noktp", "ktp", "nomorktp", "nomornik"]),
            (nil, ["no", "nomor", "nourut", "number", "masalah", "problem", "problems"]),
        ]
        for (field, list) in words { for w in list { map[w] = field } }
        for field in ArtisanTextField.allCases { for w in field.rule.headings { map[w] = .text(field) } }
        // Kriya's own export headings, in every language.
        for lang in Lang.allCases {
            for field in ArtisanField.allCases { map[key(field.label(lang))] = field }
        }
        return map
    }()
}
