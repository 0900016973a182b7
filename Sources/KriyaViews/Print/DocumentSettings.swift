import KriyaCore

/// What printed documents say about the council: the letterhead, the city of the date line,
/// who signs. From the config's `[documents]` table; defaults for Dekranasda Kota Malang.
public struct DocumentSettings: Equatable, Sendable {
    public var council = "Dewan Kerajinan Nasional Daerah (Dekranasda) Kota Malang"
    public var address = "Balai Kota Malang, Jl. Tugu No. 1, Kiduldalem, Klojen, Kota Malang 65119"
    /// The city of "Malang, 30 November 2026" above a signature.
    public var city = "Malang"
    /// Who signs "Mengetahui" (and, later, certificates); an empty name leaves a dotted line.
    public var signatoryName = ""
    public var signatoryPosition = "Ketua Dekranasda Kota Malang"
    /// The council's logo as a `data:` URI (read from the file the settings name), so the
    /// document stays one self-contained file.
    public var logoDataURI: String?
    /// The certificate's sentence, with {activity} {organiser} {dates} {place} (or {kegiatan}
    /// {penyelenggara} {tanggal} {tempat}) filled in; nil: the standard wording.
    public var certificateText: String?

    public init() {}
    public static let standard = DocumentSettings()

    /// With no signatory named in the config, the chair (Ketua) of the board serving on `day`
    /// signs; a name in the config always wins (an acting chair, say).
    public func signed(_ data: Dataset, on day: CivilDate) -> DocumentSettings {
        guard signatoryName.trimmingSpaces.isEmpty, let chair = data.chair(on: day) else { return self }
        var out = self
        out.signatoryName = chair.name
        return out
    }
}
