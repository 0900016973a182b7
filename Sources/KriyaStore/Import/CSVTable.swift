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
    /// Where the records after the heading start, in UTF-8 bytes.
    private let bodyStart: Int

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
        self.text = text
        let scan = Scan(text)
        let headEnd = scan.recordEnd(from: 0)
        let head = String(decoding: scan.bytes[0..<headEnd], as: UTF8.self)
        delimiter = Self.sniff(head)
        headings = (Self.read(head, delimiter).first ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
        bodyStart = min(headEnd + 1, scan.bytes.count)
        if let open = scan.unclosedQuote() { throw .unclosedQuote(row: open.row, line: open.line) }
    }

    /// Every record after the heading, turned into `T` on all cores, in file order. Rows that
    /// are entirely empty are left out. `progress` gets the bytes done so far, from any thread.
    public func map<T>(_ transform: @escaping @Sendable (Record) -> T,
                       progress: (@Sendable (Int) -> Void)? = nil) -> [T] {
        let scan = Scan(text)
        let pieces = scan.cut(from: bodyStart, pieceSize: 1 << 18)
        let slots = Slots<[T]>(pieces.count, empty: [])
        let done = Counter()
        let delimiter = self.delimiter
        DispatchQueue.concurrentPerform(iterations: pieces.count) { k in
            let piece = pieces[k]
            let chunk = String(decoding: scan.bytes[piece.start..<piece.end], as: UTF8.self)
            var out: [T] = []
            var row = piece.firstRow
            var line = piece.firstLine
            for cells in Self.read(chunk, delimiter) {
                if cells.contains(where: { !$0.allSatisfy(\.isWhitespace) }) {
                    out.append(transform(Record(cells: cells, row: row, line: line)))
                }
                row += 1
                line += 1 + cells.reduce(0) { $0 + $1.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
            }
            slots.pointer[k] = out
            progress?(done.add(piece.end - piece.start))
        }
        var all: [T] = []
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

    /// Record ends in the raw bytes: a line feed outside quotes (a doubled quote inside a
    /// quoted field toggles twice, so counting quotes is enough).
    private struct Scan {
        let bytes: [UInt8]
        init(_ text: String) { bytes = Array(text.utf8) }

        func recordEnd(from start: Int) -> Int {
            var quoted = false
            var i = start
            while i < bytes.count {
                let b = bytes[i]
                if b == 0x22 { quoted.toggle() } else if b == 0x0A && !quoted { return i }
                i += 1
            }
            return bytes.count
        }

        struct Piece: Sendable { var start: Int; var end: Int; var firstRow: Int; var firstLine: Int }

        /// Pieces of about `pieceSize` bytes that end at record ends.
        func cut(from start: Int, pieceSize: Int) -> [Piece] {
            var pieces: [Piece] = []
            var quoted = false
            var row = 2, line = 2
            var pieceStart = start, pieceRow = 2, pieceLine = 2
            var i = start
            while i < bytes.count {
                let b = bytes[i]
                if b == 0x22 { quoted.toggle() }
                else if b == 0x0A {
                    line += 1
                    if !quoted {
                        row += 1
                        if i + 1 - pieceStart >= pieceSize {
                            pieces.append(Piece(start: pieceStart, end: i + 1, firstRow: pieceRow, firstLine: pieceLine))
                            pieceStart = i + 1; pieceRow = row; pieceLine = line
                        }
                    }
                }
                i += 1
            }
            if pieceStart < bytes.count { pieces.append(Piece(start: pieceStart, end: bytes.count, firstRow: pieceRow, firstLine: pieceLine)) }
            return pieces
        }

        /// Where a quote that is never closed was opened.
        func unclosedQuote() -> (row: Int, line: Int)? {
            var quoted = false
            var row = 1, line = 1
            var opened = (row: 1, line: 1)
            for b in bytes {
                if b == 0x22 {
                    quoted.toggle()
                    if quoted { opened = (row, line) }
                } else if b == 0x0A {
                    line += 1
                    if !quoted { row += 1 }
                }
            }
            return quoted ? opened : nil
        }
    }
}

/// Bytes done so far, added to from several threads.
private final class Counter: @unchecked Sendable {
    private var total = 0
    private let lock = NSLock()
    func add(_ n: Int) -> Int { lock.lock(); defer { lock.unlock() }; total += n; return total }
}
