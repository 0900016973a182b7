import Foundation
import KriyaCore

/// What makes a data folder a door (issue 33): `door.json`, written last when the door is
/// packed, so a folder cut off half-way through packing is no door. It says which door, which
/// sessions, where and when it was packed, and holds the sessions as packed (what the sync
/// compares the door's work with).
public struct DoorFolder: Codable, Sendable, Equatable {
    public static let fileName = "door.json"

    public var number: Int
    public var sessions: [EntityID]
    public var packedAt: String
    public var packedBy: String
    /// The office's data it was packed from (a folder or a database address).
    public var office: String
    /// True when every artisan's full record was packed; otherwise the sessions' people in full
    /// and the rest of the registry slim (enough to find someone and refuse a duplicate).
    public var wholeRegistry: Bool
    public var base: [BimtekSession]

    public var name: String { "D\(number)" }

    /// The door `folder` is, or nil when it is an ordinary data folder.
    static func read(folder: String, _ durable: Durable) throws(StoreError) -> DoorFolder? {
        let path = folder + "/" + fileName
        guard let bytes = try durable.read(path) else { return nil }
        do { return try JSONDecoder().decode(DoorFolder.self, from: Data(bytes)) } catch {
            throw .damaged(path: path, reason: "not a door's description (\(error)); pack the door again from the office")
        }
    }

    /// Written whole or not at all, as the store writes its own files.
    func write(folder: String, _ durable: Durable) throws(StoreError) {
        let path = folder + "/" + Self.fileName
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let bytes = try? encoder.encode(self) else { throw .damaged(path: path, reason: "could not be written") }
        try durable.replace(path, with: Array(bytes))
        try durable.syncDirectory(folder)
    }
}
