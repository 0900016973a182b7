import CSV
import Dispatch
import Foundation

/// A CSV text as spreadsheets write it: comma, semicolon (Excel in an Indonesian locale) or tab
/// separated, detected from the heading row. The fields are read by the CSV library; this type
/// only cuts the text at record ends (outside quotes) so the pieces are read on every core,
/// and numbers each record with its spreadsheet row and its line in the file.
public struct CSVTable: Sendable {
    public let text: String
    public let delimiter: Character
    public let headings: [String]
    /// The heading's row in the spreadsheet: 1, or further down below a title and blank rows.
    public let headingRow: Int
    /// The records after the heading, cut into pieces of about 256 KB at record ends.
    private let pieces: [Piece]

    /// How far down a sheet the heading row is looked for.
    static let headingSearch = 20

    public enum Problem: Error, Equatable, Sendable {
        /// A quote opened on `line` (row `row`) is never closed.
        case unclosedQuote(row: Int, line: Int)
    }

    /// One record: its cells, the spreadsheet row (the heading is row 1) and the first line.
    public struct Record {
        public var cells: [String]
        public var row: Int
        public var line: Int
    }

    /// - Parameter score: how much a row looks like the heading (how many cells name a known
    ///   column). Office sheets often start with a title and a blank row: of the first 20
    ///   rows, the first that scores best is the heading; when none scores, the first row that
    ///   is not blank.
    public init(text: String, score: ([String]) -> Int = { _ in 0 }) throws(Problem) {
        var text = text
        text.makeContiguousUTF8()   // scanned in place below, never copied
        self.text = text
        let utf8 = text.utf8
        let lead = utf8.withContiguousStorageIfAvailable { Lead.run($0, records: Self.headingSearch) }!
        if let open = lead.unclosedQuote { throw .unclosedQuote(row: open.row, line: open.line) }
        let leadText = { (from: Int, to: Int) in String(Substring(utf8[utf8.index(utf8.startIndex, offsetBy: from)..<utf8.index(utf8.startIndex, offsetBy: to)])) }
        // The separator under which some row reads best as a heading; when none does (headings
        // Kriya does not know, for --map), the one that occurs most often.
        let leadAll = leadText(0, lead.records.last?.end ?? 0)
        let parsed = [Character(","), ";", "\t"].map { d in
            let rows = lead.records.map { (Self.read(leadText($0.start, $0.end), d).first ?? []).map { $0.trimmingCharacters(in: .whitespaces) } }
            return (delimiter: d, rows: rows, scores: rows.map(score))
        }
        let sniffed = Self.sniff(leadAll)
        let chosen = parsed.max { a, b in
            (a.scores.max() ?? 0, a.delimiter == sniffed ? 1 : 0) < (b.scores.max() ?? 0, b.delimiter == sniffed ? 1 : 0)
        }!
        delimiter = chosen.delimiter
        let rows = chosen.rows, scores = chosen.scores
        let best = scores.max() ?? 0
        let h = best > 0 ? scores.firstIndex(of: best)! : rows.firstIndex { $0.contains { !$0.isEmpty } } ?? 0
        headings = rows.isEmpty ? [] : rows[h]
        headingRow = h + 1
        let bodyStart = lead.records.isEmpty ? 0 : min(lead.records[h].end + 1, utf8.count)
        let bodyLine = lead.records.isEmpty ? 1 : lead.records[h].nextLine
        let scan = utf8.withContiguousStorageIfAvailable {
            Scan.run($0, from: bodyStart, row: h + 2, line: bodyLine, pieceSize: 1 << 18)
        }!
        pieces = scan.pieces
        if let open = scan.unclosedQuote { throw .unclosedQuote(row: open.row, line: open.line) }
    }

    /// Every record after the heading, turned into `T` on all cores, in file order. Rows that
    /// are entirely empty, and those `transform` turns into nil, are left out. `progress` gets
    /// the bytes done so far, from any thread.
    public func map<T>(_ transform: @escaping @Sendable (Record) -> T?,
                       progress: (@Sendable (Int) -> Void)? = nil) -> [T] {
        let slots = Slots<[T]>(pieces.count, empty: [])
        let done = Counter()
        let (text, pieces, delimiter) = (self.text, self.pieces, self.delimiter)
        DispatchQueue.concurrentPerform(iterations: pieces.count) { k in
            let piece = pieces[k]
            let utf8 = text.utf8
            let chunk = String(Substring(utf8[utf8.index(utf8.startIndex, offsetBy: piece.start)..<utf8.index(utf8.startIndex, offsetBy: piece.end)]))
            var out: [T] = []
            var row = piece.firstRow
            var line = piece.firstLine
            for cells in Self.read(chunk, delimiter) {
                if cells.contains(where: { !$0.allSatisfy(\.isWhitespace) }), let value = transform(Record(cells: cells, row: row, line: line)) {
                    out.append(value)
                }
                row += 1
                line += 1 + cells.reduce(0) { $0 + $1.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
            }
            slots.pointer[k] = out
            progress?(done.add(piece.end - piece.start))
        }
        var all: [T] = []
        all.reserveCapacity((0..<pieces.count).reduce(0) { $0 + slots.pointer[$1].count })
        for k in 0..<pieces.count { all.append(contentsOf: slots.take(k, leaving: [])) }
        return all
    }

    static func read(_ text: String, _ delimiter: Character) -> [[String]] {
        guard let reader = try? CSVReader(string: text, delimiter: delimiter.unicodeScalars.first!) else { return [] }
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        return rows
    }

    /// The separator that occurs most often in the heading row, outside quotes.
    static func sniff(_ head: String) -> Character {
        var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for ch in head {
            if ch == "\"" { quoted.toggle() } else if !quoted, counts[ch] != nil { counts[ch]! += 1 }
        }
        return [",", ";", "\t"].max { counts[$0]! < counts[$1]! } ?? ","
    }

    struct Piece: Sendable { var start: Int; var end: Int; var firstRow: Int; var firstLine: Int }

    /// The first records of the file, where its heading is looked for: where each starts and
    /// ends (at a line feed outside quotes; a doubled quote inside a quoted field toggles twice,
    /// so counting quotes is enough) and the line after it.
    private struct Lead {
        var records: [(start: Int, end: Int, nextLine: Int)] = []
        var unclosedQuote: (row: Int, line: Int)?

        static func run(_ bytes: UnsafeBufferPointer<UInt8>, records limit: Int) -> Lead {
            var lead = Lead()
            var quoted = false
            var line = 1
            var opened = (row: 1, line: 1)
            var start = 0
            var i = 0
            while i < bytes.count && lead.records.count < limit {
                let b = bytes[i]
                if b == 0x22 {
                    quoted.toggle()
                    if quoted { opened = (lead.records.count + 1, line) }
                } else if b == 0x0A {
                    line += 1
                    if !quoted { lead.records.append((start, i, line)); start = i + 1 }
                }
                i += 1
            }
            if i == bytes.count {
                if quoted { lead.unclosedQuote = opened }
                else if start < bytes.count { lead.records.append((start, bytes.count, line)) }
            }
            return lead
        }
    }

    /// One pass over the body's raw bytes: pieces of about `pieceSize` bytes that end at record
    /// ends, and where a quote that is never closed was opened.
    private struct Scan {
        var pieces: [Piece] = []
        var unclosedQuote: (row: Int, line: Int)?

        static func run(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, row firstRow: Int, line firstLine: Int,
                        pieceSize: Int) -> Scan {
            var scan = Scan()
            var quoted = false
            var row = firstRow, line = firstLine
            var opened = (row: row, line: line)
            var pieceStart = start, pieceRow = row, pieceLine = line
            for i in start..<bytes.count {
                let b = bytes[i]
                if b == 0x22 {
                    quoted.toggle()
                    if quoted { opened = (row, line) }
                } else if b == 0x0A {
                    line += 1
                    guard !quoted else { continue }
                    row += 1
                    if i + 1 - pieceStart >= pieceSize {
                        scan.pieces.append(Piece(start: pieceStart, end: i + 1, firstRow: pieceRow, firstLine: pieceLine))
                        pieceStart = i + 1; pieceRow = row; pieceLine = line
                    }
                }
            }
            if pieceStart < bytes.count {
                scan.pieces.append(Piece(start: pieceStart, end: bytes.count, firstRow: pieceRow, firstLine: pieceLine))
            }
            if quoted { scan.unclosedQuote = opened }
            return scan
        }
    }
}

/// Bytes done so far, added to from several threads.
private final class Counter: @unchecked Sendable {
    private var total = 0
    private let lock = NSLock()
    func add(_ n: Int) -> Int { lock.lock(); defer { lock.unlock() }; total += n; return total }
}
