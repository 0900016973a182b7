import Foundation

/// A spreadsheet export read as text: UTF-8 with or without a byte-order mark, UTF-16 with one
/// (Excel's "Unicode text"), or, when the bytes are not UTF-8, Windows-1252 (Excel's "CSV" on
/// an Indonesian or English Windows; Latin-1 is a subset). Anything else is refused with a
/// reason rather than imported as garbage.
public struct TextFile: Sendable {
    public enum Encoding: String, Sendable { case utf8 = "UTF-8", utf16 = "UTF-16", windows1252 = "Windows-1252" }

    public enum Problem: Error, Equatable, Sendable {
        case unreadable(path: String, reason: String)
        case empty(path: String)
        /// A workbook, not a CSV file: `kind` is e.g. "Excel (.xlsx)".
        case workbook(path: String, kind: String)
        /// Bytes that are neither UTF-8 nor Windows-1252, first seen on `line`.
        case unknownEncoding(path: String, line: Int)
    }

    public let text: String
    public let encoding: Encoding
    public let byteCount: Int

    public init(path: String) throws(Problem) {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read (permissions?)" : "does not exist"
            throw .unreadable(path: path, reason: reason)
        }
        try self.init(bytes: [UInt8](data), path: path)
    }

    public init(bytes: [UInt8], path: String) throws(Problem) {
        byteCount = bytes.count
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) { throw .workbook(path: path, kind: "Excel or LibreOffice (.xlsx/.ods)") }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { throw .workbook(path: path, kind: "Excel 97-2003 (.xls)") }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            let units = stride(from: 2, to: bytes.count - 1, by: 2).map { i -> UInt16 in
                little ? UInt16(bytes[i]) | UInt16(bytes[i + 1]) << 8 : UInt16(bytes[i]) << 8 | UInt16(bytes[i + 1])
            }
            text = String(decoding: units, as: UTF16.self)
            encoding = .utf16
        } else {
            let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
            if let utf8 = String(validating: body, as: UTF8.self) {
                text = utf8
                encoding = .utf8
            } else if let legacy = String(bytes: body, encoding: .windowsCP1252) {
                text = legacy
                encoding = .windows1252
            } else {
                let bad = body.firstIndex { [0x81, 0x8D, 0x8F, 0x90, 0x9D].contains($0) } ?? body.startIndex
                throw .unknownEncoding(path: path, line: body[..<bad].filter { $0 == 0x0A }.count + 1)
            }
        }
        if text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw .empty(path: path) }
    }
}
