import Foundation
import KriyaCore

/// Packing a door at the office and bringing it back (issue 33, docs/store.md "The door away
/// from the office"). Both are one save on the office's data, so a kill anywhere leaves the
/// office as it was or with the whole of it.
public enum DoorPack {
    public enum Failure: Error, Equatable {
        /// `--out` already holds something: a door is packed into a new folder.
        case folderNotEmpty(String)
        case store(StoreError)
    }

    /// Marks `sessions` as having a door out (a save on the office's data), then writes a new
    /// data folder at `folder` for it: the sessions, their people, the registry (slim unless
    /// `wholeRegistry`), the council's records; walk-ins there are numbered from the door's
    /// own range. `door.json` is written last: a folder cut off before it is no door.
    public static func pack(_ sessions: [EntityID], from office: any RecordStore, to folder: String,
                            wholeRegistry: Bool) throws(Failure) -> DoorFolder {
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: folder), !entries.isEmpty {
            throw .folderNotEmpty(folder)
        }
        let now = SystemInfo.now()
        let change: Change
        do {
            // Stamps as the office reads them (local date and time): they are for people.
            change = try office.apply(.packDoor(sessions: sessions, door: DoorRecord(number: 0, packedAt: SystemInfo.local(utcStamp: now.timestamp),
                                                                                      packedBy: office.user)))
        } catch { throw .store(error) }
        guard let record = change.sessions.first?.doors.last else { throw .store(.damaged(path: office.location, reason: "the door was not recorded")) }
        let data = office.data
        var door = Dataset()
        let packed = sessions.compactMap { data.sessions[$0] }
        let people = Set(packed.flatMap { $0.participants.map(\.artisan) } + packed.flatMap(\.trainerRefs))
        for a in data.artisans.items where wholeRegistry || people.contains(a.id) || !a.archived {
            _ = door.artisans.merge(wholeRegistry || people.contains(a.id) ? a : slim(a))
        }
        for s in packed { _ = door.sessions.merge(s) }
        for t in data.terms.items { _ = door.terms.merge(t) }
        for m in data.members.items { _ = door.members.merge(m) }
        for p in data.partners.items { _ = door.partners.merge(p) }
        for (kind, number) in data.idHighWater where number > 0 { door.reserve(upTo: EntityID(kind, number)) }
        // The door's walk-ins take its own range: never an id the office or another door gives.
        door.reserve(upTo: EntityID(.artisan, DoorRecord.firstWalkInNumber(door: record.number)))
        let marker = DoorFolder(number: record.number, sessions: sessions, packedAt: record.packedAt, packedBy: record.packedBy,
                                office: office.location, wholeRegistry: wholeRegistry, base: packed)
        do {
            let store = try Store(path: folder, create: true)
            try store.replaceAll(with: door, reason: "door \(marker.name) packed from \(office.location)")
            try marker.write(folder: folder, store.durable)
        } catch { throw .store(error) }
        return marker
    }

    /// Someone who is not in the door's sessions, as the door needs them: enough to find them
    /// and to refuse registering them twice (name, phone, place, business, NIB); no NIK, address,
    /// notes or products leave the office unless the whole registry is asked for.
    static func slim(_ a: Artisan) -> Artisan {
        var s = Artisan(id: a.id, name: a.name, phone: a.phone, kelurahan: a.kelurahan, business: a.business, category: a.category)
        s.rev = a.rev
        s.nib = a.nib
        s.gender = a.gender
        s.scale = a.scale
        s.archived = a.archived
        s.mergedInto = a.mergedInto
        return s
    }

    /// What the door at `folder` did, as the office replays it.
    public static func reading(_ folder: String) throws(StoreError) -> (DoorFolder, DoorReturn) {
        let store = try Store(path: folder, create: false)
        guard let marker = store.door else {
            throw .damaged(path: folder, reason: "this folder is no door (it has no \(DoorFolder.fileName)): give the folder kriya door pack wrote")
        }
        let sessions = marker.sessions.compactMap { store.data.sessions[$0] }
        let walkIns = store.data.artisans.items.filter { DoorRecord.isDoorID($0.id) }
        return (marker, DoorReturn(number: marker.number, base: marker.base, sessions: sessions, walkIns: walkIns,
                                   stamp: SystemInfo.local(utcStamp: SystemInfo.now().timestamp)))
    }

    /// Brings the door at `folder` back into `office`: one save (nil when nothing is new). With
    /// `dryRun`, works it out on the office's data as it is and saves nothing.
    public static func sync(_ folder: String, into office: any RecordStore, dryRun: Bool) throws(StoreError)
        -> (door: DoorFolder, notes: [DoorSyncNote], change: Change?, marks: Int) {
        let (marker, back) = try reading(folder)
        // Worked out on the data as it is first: nothing new (a second sync) saves nothing.
        _ = try office.refresh()
        let now = SystemInfo.now()
        let ctx = CommandContext(user: office.user, today: now.today, time: now.time, office: office.office)
        let planned: Change
        do throws(CommandError) { planned = try office.data.plan(.syncDoor(back), ctx) } catch { throw .command(CommandErrorBox(error: error)) }
        guard !(planned.artisans.isEmpty && planned.sessions.isEmpty) else { return (marker, notes(of: planned), nil, 0) }
        if dryRun { return (marker, notes(of: planned), planned, marksChanged(planned, in: office.data)) }
        // Saved as planned again under the lock, on what others saved meanwhile.
        let before = office.data
        let change = try office.apply(.syncDoor(back))
        return (marker, notes(of: change), change, marksChanged(change, in: before))
    }

    /// How many marks (a person on a day) `change` sets, changes or takes away in `data`.
    static func marksChanged(_ change: Change, in data: Dataset) -> Int {
        change.sessions.reduce(0) { sum, s in
            let old = data.sessions[s.id]
            return sum + s.participants.reduce(0) { n, p in
                let was = old?.participant(p.artisan)
                let days = Set(p.attendance.map(\.day)).union(was?.attendance.map(\.day) ?? [])
                return n + days.filter { p.mark(on: $0) != was?.mark(on: $0) }.count
            }
        }
    }

    /// The report kept in a sync's audit line.
    public static func notes(of change: Change) -> [DoorSyncNote] {
        (change.detail ?? "").split(separator: "\n").dropFirst().compactMap { DoorSyncNote(line: String($0)) }
    }
}
