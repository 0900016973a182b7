import KriyaText

/// What importing a list of artisans would do, decided against the current data: who is new,
/// who is already there (matched by id, phone or NIB), which rows are bad and why. The CLI's
/// `--dry-run` prints it; a real run hands it to the store (`Store.save`) as one step.
public struct ImportPlan: Sendable {
    /// One row of the file, already read into an artisan.
    public struct Row: Sendable {
        /// The spreadsheet's row number (the heading is row 1) and the file's line number; they
        /// differ when cells hold line breaks.
        public var row: Int
        public var line: Int
        /// Ready to save as a new artisan (`prepareForSaving` done) when `problems` is empty.
        public var artisan: Artisan
        /// Values that could not be read: the row is bad whatever else holds.
        public var unreadable: [FieldError]
        /// What is wrong with the row as a new artisan (empty required cells, bad values). A row
        /// that updates a stored artisan is checked again after merging instead.
        public var problems: [FieldError]
        /// Fields with a non-empty cell: only those change an artisan who is already there.
        public var present: [ArtisanField]
        /// The id column, when the file has one.
        public var id: EntityID?
        /// The cells of the fields in `unreadable` and `problems`, as typed: a report names the
        /// value refused, so the clerk need not open the spreadsheet to see it.
        public var refusedCells: [ArtisanField: String] = [:]

        public init(row: Int, line: Int, text: ArtisanText, present: [ArtisanField], id: EntityID? = nil) {
            self.row = row; self.line = line; self.present = present; self.id = id
            // Checked here, where rows are read on every core, rather than while planning.
            (artisan, unreadable, problems) = text.checked()
            for e in unreadable + problems {
                if let f = ArtisanField.of(errorField: e.field), let cell = text[f], !cell.isEmpty { refusedCells[f] = cell }
            }
        }
    }

    public enum OnDuplicate: String, Sendable, CaseIterable { case skip, update }
    public enum Match: String, Sendable { case id, phone, nib }

    public struct Bad: Sendable {
        public var row: Int
        public var line: Int
        public var errors: [FieldError]
        /// Whose row it is (the name cell, maybe empty) and the refused cells as typed.
        public var name: String
        public var cells: [ArtisanField: String]
        init(_ row: Row, _ errors: [FieldError]) {
            (self.row, line, self.errors, name, cells) = (row.row, row.line, errors, row.artisan.name, row.refusedCells)
        }
    }
    public struct Existing: Sendable { public var row: Int; public var id: EntityID; public var match: Match }
    public struct Repeat: Sendable { public var row: Int; public var firstRow: Int; public var match: Match }

    public private(set) var adds: [Artisan] = []
    /// `changes`: field by field, for the first thousand (what a preview shows; working it out
    /// for every row of a large sheet would cost seconds).
    public private(set) var updates: [(artisan: Artisan, baseRev: Int, row: Int, changes: [FieldChange])] = []
    public private(set) var unchanged: [Existing] = []
    public private(set) var skipped: [Existing] = []
    public private(set) var repeats: [Repeat] = []
    public private(set) var bad: [Bad] = []
    /// Rows whose id cell names a stored artisan who is someone else (a sheet from another
    /// Kriya, or ids typed by hand): the id is not used, the row is matched as if it had none.
    public private(set) var foreignIDs: [Foreign] = []
    /// The highest artisan id number in the data it was planned against.
    public let plannedAgainst: Int
    public struct Foreign: Sendable { public var row: Int; public var id: EntityID; public var storedName: String }

    /// The updates to save after the adds (`Store.save(_:)` takes both), in row order.
    /// The stored versions the updates start from: the store refuses an update whose record
    /// changed since, so these are exactly what each update replaces (an import's undo).
    public func replacedVersions(in data: Dataset) -> [Artisan] {
        updates.compactMap { u in data.artisans[u.artisan.id].flatMap { $0.rev == u.baseRev ? $0 : nil } }
    }

    public var updateCommands: [Command] {
        updates.map { .updateArtisan($0.artisan, baseRev: $0.baseRev) }
    }

    /// Artisans that saving the plan adds or changes.
    public var changeCount: Int { adds.count + updates.count }

    public init(rows: [Row], against data: Dataset, onDuplicate: OnDuplicate, context ctx: CommandContext) {
        plannedAgainst = data.artisans.maxNumber
        var byPhone: [String: EntityID] = [:]
        var byNIB: [String: EntityID] = [:]
        byPhone.reserveCapacity(data.artisans.count)
        for a in data.artisans.items where !a.archived {
            byPhone[a.phone] = a.id
            if let nib = a.nib { byNIB[nib] = a.id }
        }
        var seenPhone: [String: Int] = [:]
        var seenNIB: [String: Int] = [:]

        for row in rows {
            guard row.unreadable.isEmpty else {
                bad.append(Bad(row, row.problems))
                continue
            }
            let phone = row.artisan.phone   // normalised by prepareForSaving when valid
            let nib = row.artisan.nib

            // The same person twice in the file: the first row counts.
            if !phone.isEmpty, let first = seenPhone[phone] { repeats.append(Repeat(row: row.row, firstRow: first, match: .phone)); continue }
            if let nib, let first = seenNIB[nib] { repeats.append(Repeat(row: row.row, firstRow: first, match: .nib)); continue }

            var found: (id: EntityID, match: Match)?
            if let id = row.id, let stored = data.artisans[id] {
                if Self.samePerson(stored, row.artisan) { found = (id, .id) }
                else { foreignIDs.append(Foreign(row: row.row, id: id, storedName: stored.name)) }
            }
            if found != nil {}
            else if let id = byPhone[phone] { found = (id, .phone) }
            else if let nib, let id = byNIB[nib] { found = (id, .nib) }

            if let (id, match) = found, let current = data.artisans[id] {
                guard onDuplicate == .update else {
                    skipped.append(Existing(row: row.row, id: id, match: match))
                    remember(row, phone)
                    continue
                }
                var merged = current
                merged.take(row.artisan, fields: row.present)
                do {
                    let change = try data.plan(.updateArtisan(merged, baseRev: current.rev), ctx, audit: updates.count < 1_000)
                    var after = change.artisans[0]
                    after.rev = current.rev
                    // An older record's kept spelling of its phone is dropped by any save (a
                    // mobile shows the office's way): that alone is no change to import.
                    let same = after == current || (current.phoneTyped != nil && { var c = current; c.phoneTyped = nil; return c == after }())
                    if same { unchanged.append(Existing(row: row.row, id: id, match: match)) }
                    else { updates.append((merged, current.rev, row.row, change.fields)) }
                    remember(row, phone)
                } catch {
                    bad.append(Bad(row, Self.errors(of: error)))
                }
                continue
            }
            guard row.problems.isEmpty else {
                bad.append(Bad(row, row.problems))
                continue
            }
            adds.append(row.artisan)
            remember(row, phone)
        }

        func remember(_ row: Row, _ phone: String) {
            if !phone.isEmpty, seenPhone[phone] == nil { seenPhone[phone] = row.row }
            if let nib = row.artisan.nib, seenNIB[nib] == nil { seenNIB[nib] = row.row }
        }
    }

    /// Rows that are new, to update, or bad, for the summary line.
    public var rowsRead: Int { adds.count + updates.count + unchanged.count + skipped.count + repeats.count + bad.count }

    /// An id alone does not make a match: the stored artisan must also have the row's phone,
    /// NIB or name, or an update would write one person's data over another's.
    static func samePerson(_ stored: Artisan, _ row: Artisan) -> Bool {
        (!row.phone.isEmpty && stored.phone == row.phone) || (row.nib != nil && stored.nib == row.nib)
            || Fold.compact(stored.name) == Fold.compact(row.name)
    }

    private static func errors(of error: CommandError) -> [FieldError] {
        if case .invalid(let list) = error { return list }
        return [FieldError("id", .invalidChoice(error.message(.en), allowed: []))]
    }

}

extension Artisan {
    /// Takes the given fields from `other` (an imported row), keeping everything else.
    public mutating func take(_ other: Artisan, fields: [ArtisanField]) {
        for field in fields {
            switch field {
            case .id, .kecamatan: break
            case .name: name = other.name
            case .gender: gender = other.gender
            case .phone:
                // The same number written another way ("+62 812…" for "0812-…") changes nothing.
                if phone != other.phone { phone = other.phone; phoneTyped = other.phoneTyped }
            case .email: email = other.email
            case .kelurahan: kelurahan = other.kelurahan
            case .business: business = other.business
            case .nib: nib = other.nib
            case .category: category = other.category
            case .kbli: kbli = other.kbli
            case .scale: scale = other.scale
            case .workers: workers = other.workers
            case .products: products = other.products
            case .certifications: certifications = other.certifications
            case .memberSince: memberSince = other.memberSince
            case .notes: notes = other.notes
            case .nik: nik = other.nik
            case .text(let t): self[text: t] = other[text: t]
            }
        }
    }
}
