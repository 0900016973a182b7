/// A session's door taken away from the office (issue 33): packed into a folder of its own for
/// a laptop with no connection, brought back by `kriya door sync`. The office keeps one of
/// these on each session a door was packed for, so its screens show which doors are out.
public struct DoorRecord: Hashable, Sendable, Codable {
    /// The door's number, the office's own sequence (`D3`).
    public var number: Int
    /// When (the office's local time, `08/12/2026 07:30`) and by whom (a Unix user) it was packed.
    public var packedAt: String
    public var packedBy: String
    /// When it was last brought back; nil while it is out.
    public var syncedAt: String?
    /// The people registered at the door, by the id the door gave them and the office's.
    public var walkIns: [WalkIn] = []

    public struct WalkIn: Hashable, Sendable, Codable {
        public var door: EntityID
        public var office: EntityID
        public init(door: EntityID, office: EntityID) {
            self.door = door
            self.office = office
        }
    }

    public init(number: Int, packedAt: String, packedBy: String) {
        self.number = number
        self.packedAt = packedAt
        self.packedBy = packedBy
    }

    /// `D3`.
    public var name: String { "D\(number)" }

    /// Whether it is out: packed and not brought back.
    public var isOut: Bool { syncedAt == nil }

    /// Doors number their walk-ins from here: `A-900030001` is door 3's first. An office's own
    /// sequence never gets near (nine hundred million records), so an id printed on a card at the
    /// door can never be someone else's at the office; the sync gives the person an office id.
    public static func firstWalkInNumber(door number: Int) -> Int { 900_000_000 + number * 10_000 }

    /// The most doors numbered (ids stay within nine digits).
    public static let maxNumber = 9_999

    /// Whether `id` was given at a door.
    public static func isDoorID(_ id: EntityID) -> Bool { id.number >= 900_000_000 }
}

extension Dataset {
    /// The office's id of someone registered at a door (a card printed there carries the door's
    /// id): nil for any other id, or a door id not brought back yet.
    public func officeID(ofWalkIn id: EntityID) -> EntityID? {
        guard DoorRecord.isDoorID(id) else { return nil }
        for s in sessions.items { for d in s.doors { if let pair = d.walkIns.first(where: { $0.door == id }) { return pair.office } } }
        return nil
    }

    /// The next door's number: one past every door any session has had.
    public var nextDoorNumber: Int {
        (sessions.items.flatMap(\.doors).map(\.number).max() ?? 0) + 1
    }
}
