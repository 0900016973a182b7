import Foundation
import KriyaCore
import KriyaText

/// JSON for scripts. Foundation's encoder escapes C0 controls but not DEL, C1 controls or
/// bidi overrides; those are escaped here too (`\u009b`), which is still the same JSON.
enum JSONOutput {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(value), as: UTF8.self)
        guard json.unicodeScalars.contains(where: TerminalSafe.isUnsafe) else { return json }
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if TerminalSafe.isUnsafe(scalar) && scalar.value >= 0x7F {
                let hex = String(scalar.value, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}

/// An artisan as scripts see it: the stored fields plus the place names, NIK masked.
struct ArtisanJSON: Encodable {
    let artisan: Artisan
    init(_ a: Artisan, masked: Bool = true) {
        var copy = a
        if masked { copy.nik = a.nik?.maskedNIK }
        artisan = copy
    }

    func encode(to encoder: Encoder) throws {
        try artisan.encode(to: encoder)
        var c = encoder.container(keyedBy: Key.self)
        let kel = Wilayah.kelurahan(code: artisan.kelurahan)
        try c.encodeIfPresent(kel?.name, forKey: .kelurahanName)
        try c.encodeIfPresent(kel.flatMap { Wilayah.kecamatan(code: $0.kecamatanCode)?.name }, forKey: .kecamatanName)
    }

    enum Key: String, CodingKey { case kelurahanName, kecamatanName }
}
