import Foundation

extension Config {
    /// Sets top-level settings in the config file at `path` (made when missing), each as
    /// `key = "value"`: an existing line for the key is replaced, else one is added before the
    /// first table (`[documents]`). Every other line, comments included, stays as it was.
    static func set(_ settings: [(key: String, value: String)], in path: String) throws {
        guard !settings.isEmpty else { return }
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        var lines = text.isEmpty ? [] : text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        let firstTable = lines.firstIndex { $0.trimmingCharacters(in: .whitespaces).hasPrefix("[") } ?? lines.count
        // Before the blank lines that lead into the first table, if any.
        var insertAt = firstTable
        while insertAt > 0, lines[insertAt - 1].trimmingCharacters(in: .whitespaces).isEmpty { insertAt -= 1 }
        for (key, value) in settings {
            let quoted = "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
            let line = "\(key) = \(quoted)"
            let existing = lines[..<insertAt].firstIndex { l in
                let t = l.trimmingCharacters(in: .whitespaces)
                return t.hasPrefix(key) && t.dropFirst(key.count).trimmingCharacters(in: .whitespaces).hasPrefix("=")
            }
            if let existing { lines[existing] = line } else { lines.insert(line, at: insertAt); insertAt += 1 }
        }
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    }
}
