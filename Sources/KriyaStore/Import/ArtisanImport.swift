import KriyaCore

/// A spreadsheet of artisans read and mapped, row by row, ready to be planned against the
/// data (`ImportPlan`) and saved as one step (`Store.apply(batch:)`).
public struct ArtisanImport: Sendable {
    public let file: TextFile
    public let table: CSVTable
    public let map: HeaderMap
    /// Every row that holds anything; a caller may empty it once planned, to free memory.
    public var rows: [ImportPlan.Row]

    public enum Problem: Error, Equatable, Sendable {
        case file(TextFile.Problem)
        case csv(path: String, CSVTable.Problem)
        case map(HeaderMap.MapProblem)
        /// Required fields that no column holds (headings as found, for the message).
        case missingColumns(path: String, [ArtisanField], headings: [String])
    }

    /// - Parameters:
    ///   - overrides: `--map COLUMN=FIELD` pairs.
    ///   - progress: bytes read so far and in all, from any thread.
    public init(path: String, overrides: [String] = [], progress: (@Sendable (Int, Int) -> Void)? = nil) throws(Problem) {
        let file: TextFile
        do throws(TextFile.Problem) { file = try TextFile(path: path) } catch { throw .file(error) }
        try self.init(file: file, path: path, overrides: overrides, progress: progress)
    }

    public init(file: TextFile, path: String, overrides: [String] = [], progress: (@Sendable (Int, Int) -> Void)? = nil) throws(Problem) {
        self.file = file
        // The heading is the row that names the most known columns (or those given by --map).
        let score = { (cells: [String]) in (try? HeaderMap(headings: cells, overrides: overrides))?.fields.count { $0 != nil } ?? 0 }
        do throws(CSVTable.Problem) { table = try CSVTable(text: file.text, score: score) } catch { throw .csv(path: path, error) }
        do throws(HeaderMap.MapProblem) { map = try HeaderMap(headings: table.headings, overrides: overrides) } catch { throw .map(error) }
        guard map.missing.isEmpty else { throw .missingColumns(path: path, map.missing, headings: table.headings) }
        let fields = map.fields
        let extraPhones = map.extraPhones
        let total = file.text.utf8.count
        var perPiece: (@Sendable (Int) -> Void)? = nil
        if let progress { perPiece = { done in progress(done, total) } }
        rows = table.map({ record in ArtisanImport.row(record, fields, extraPhones: extraPhones) }, progress: perPiece)
    }

    /// The row as an artisan; nil when no column that is read holds anything (a numbered but
    /// empty row at the end of a sheet).
    static func row(_ record: CSVTable.Record, _ fields: [ArtisanField?], extraPhones: [Int] = []) -> ImportPlan.Row? {
        var text = ArtisanText()
        var present: [ArtisanField] = []
        for (i, field) in fields.enumerated() {
            guard let field, i < record.cells.count else { continue }
            let cell = unescaped(record.cells[i].trimmingSpaces)
            guard !cell.isEmpty, cell != "-" else { continue }
            // A masked NIK (from an export without --include-sensitive) says nothing new.
            if field == .nik, cell.contains("*") { continue }
            present.append(field)
            switch field {
            case .products: text.products = ListCell.split(cell)
            case .certifications: text.certifications = ListCell.split(cell)
            default: text[field] = cell
            }
        }
        // Numbers in further phone columns join the first ("0812… / 0856…"): the first one is
        // the phone, the others go to the notes; the same number twice counts once.
        if !extraPhones.isEmpty {
            var numbers = text[.phone].map { [$0] } ?? []
            for i in extraPhones where i < record.cells.count {
                let cell = record.cells[i].trimmingSpaces
                if !cell.isEmpty, cell != "-", !numbers.contains(where: { Self.sameNumber($0, cell) }) {
                    numbers.append(cell)
                }
            }
            if !numbers.isEmpty {
                text[.phone] = numbers.joined(separator: " / ")
                if !present.contains(.phone) { present.append(.phone) }
            }
        }
        if present.isEmpty { return nil }
        let id = text[.id].flatMap { EntityID($0.trimmingSpaces) }
        return ImportPlan.Row(row: record.row, line: record.line, text: text, present: present, id: id)
    }

    /// Two cells hold the same phone (`0812-1111-0004` and `+62 812 1111 0004`).
    static func sameNumber(_ a: String, _ b: String) -> Bool {
        let key = { (s: String) -> String in
            if case .success(let n) = Phone.normalise(s) { return n }
            return String(s.unicodeScalars.filter { ("0"..."9").contains($0) }.map(Character.init))
        }
        return key(a) == key(b)
    }

    /// Exports guard cells that a spreadsheet would run as a formula with a leading
    /// apostrophe (`'=1+1`); take it off again.
    static func unescaped(_ cell: String) -> String {
        guard cell.hasPrefix("'"), let next = cell.dropFirst().first, "=+-@".contains(next) else { return cell }
        return String(cell.dropFirst())
    }
}
