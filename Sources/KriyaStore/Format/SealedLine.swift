/// Every line the store writes is one JSON object whose last member is a checksum of the
/// bytes before it: `{"id":"A-000001",…,"crc":"1a2b3c4d"}`. The line stays plain JSON for
/// `jq`, and a torn or edited line is caught on reading.
enum SealedLine {
    /// `,"crc":"` + 8 hex digits + `"}`.
    static let tailLength = 18
    private static let tailStart = Array(#","crc":""#.utf8)
    private static let hex = Array("0123456789abcdef".utf8)

    /// Closes an object whose text so far is `body` (an open object, members written, no `}`)
    /// with its checksum and a newline.
    static func seal(_ body: inout [UInt8]) {
        let crc = CRC32.of(body)
        body.append(contentsOf: tailStart)
        for shift in stride(from: 28, through: 0, by: -4) { body.append(hex[Int((crc >> UInt32(shift)) & 0xF)]) }
        body.append(contentsOf: [0x22, 0x7D, 0x0A])
    }

    enum Problem: Equatable, CustomStringConvertible {
        case noChecksum, checksumMismatch
        var description: String {
            switch self {
            case .noChecksum: return "no checksum (torn or hand-edited line)"
            case .checksumMismatch: return "checksum does not match (damaged line)"
            }
        }
    }

    /// Checks the checksum of one line (without its newline).
    static func verify(_ line: UnsafeBufferPointer<UInt8>) -> Problem? {
        let n = line.count
        guard n > tailLength, line[n - 1] == 0x7D, line[n - 2] == 0x22 else { return .noChecksum }
        let tail = n - tailLength
        for (i, b) in tailStart.enumerated() where line[tail + i] != b { return .noChecksum }
        var stored: UInt32 = 0
        for i in 0..<8 {
            let c = line[tail + tailStart.count + i]
            let v: UInt32
            switch c {
            case 0x30...0x39: v = UInt32(c - 0x30)
            case 0x61...0x66: v = UInt32(c - 0x61 + 10)
            default: return .noChecksum
            }
            stored = stored << 4 | v
        }
        let actual = CRC32.of(UnsafeBufferPointer(rebasing: line[0..<tail]))
        return actual == stored ? nil : .checksumMismatch
    }
}
