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
    /// The records after the heading, cut into pieces of about 256 KB at record ends.
    private let pieces: [Piece]

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

    public init(text: String) throws(Problem) {
        var text = text
        text.makeContiguousUTF8()   // scanned in place below, never copied
        self.text = text
        let scan = text.utf8.withContiguousStorageIfAvailable { Scan.run($0, pieceSize: 1 << 18) }!
        let head = String(Substring(text.utf8.prefix(scan.headEnd)))
        delimiter = Self.sniff(head)
        headings = (Self.read(head, delimiter).first ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
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

    /// One pass over the raw bytes: where the heading ends, pieces of about `pieceSize` bytes
    /// that end at record ends (a line feed outside quotes; a doubled quote inside a quoted
    /// field toggles twice, so counting quotes is enough), and where a quote that is never
    /// closed was opened.
    private struct Scan {
        var headEnd = 0
        var pieces: [Piece] = []
        var unclosedQuote: (row: Int, line: Int)?

        static func run(_ bytes: UnsafeBufferPointer<UInt8>, pieceSize: Int) -> Scan {
            var scan = Scan()
            var quoted = false
            var row = 1, line = 1
            var opened = (row: 1, line: 1)
            var headDone = false
            var pieceStart = 0, pieceRow = 2, pieceLine = 2
            for i in 0..<bytes.count {
                let b = bytes[i]
                if b == 0x22 {
                    quoted.toggle()
                    if quoted { opened = (row, line) }
                } else if b == 0x0A {
                    line += 1
                    guard !quoted else { continue }
                    row += 1
                    if !headDone {
                        headDone = true
                        scan.headEnd = i
                        pieceStart = i + 1; pieceRow = row; pieceLine = line
                    } else if i + 1 - pieceStart >= pieceSize {
                        scan.pieces.append(Piece(start: pieceStart, end: i + 1, firstRow: pieceRow, firstLine: pieceLine))
                        pieceStart = i + 1; pieceRow = row; pieceLine = line
                    }
                }
            }
            if !headDone { scan.headEnd = bytes.count; pieceStart = bytes.count }
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
