import KriyaCore

/// A data folder's part of the one save sequence (`SavePath`): the lock and catching up, and a
/// commit that keeps a change, its audit line and its note together.
///
/// - The audit line rides in the change's journal line (or, for a change written as a whole
///   generation, in the new journal's header), so it is committed with the change; it is then
///   appended to `audit.jsonl`, and a save cut off before that (or whose append failed) has it
///   appended from the journal by the next save, under the lock (`catchUpAudit`).
/// - The note (how to take the last import back, or its removal) is staged before the commit in
///   `last-import.pending.jsonl`, naming the place the change will have (a line of this
///   journal, or the header of the new one), and put in force after it; the next save (or
///   compaction) puts it in force or throws it away by whether that place holds a change
///   (`settlePendingNote`). So an import is never saved without its note, and a
///   note never names an import that was not saved, whatever is killed when.
extension Store: SaveMedium {
    static let pendingNoteName = "last-import.pending.jsonl"

    public func underWritersLock<T>(_ body: () throws(StoreError) -> T) throws(StoreError) -> T {
        try withLock { () throws(StoreError) -> T in
            try catchUp(locked: true)
            try finishCutOffSave()
            return try body()
        }
    }

    /// Under the writers' lock, caught up: what a save cut off (or failed twice) left half-done,
    /// put right before anything else is written or copied: its line out of the journal if it
    /// was reported failed, its note in force or thrown away, its audit line appended.
    func finishCutOffSave() throws(StoreError) {
        try takeOutFailedSave()
        settlePendingNote()
        catchUpAudit()
    }

    public func holds(_ needed: StaffRole, _ action: String) throws(StoreError) {
        guard access.role >= needed else { throw .forbidden(action: action, needed: needed, role: access.role, user: identity.name) }
    }

    public func lastImportNote() throws(StoreError) -> ImportUndo? { try lastImport() }

    public var foldsLargeChanges: Bool { true }

    public func settle(_ save: PendingSave) {}

    public func commit(_ save: PendingSave) throws(StoreError) {
        let change = save.change
        if !save.folded { try upgradeFormat(for: change) }
        // Where the change will be: the next line of this journal, or the header of a new one.
        let newJournal = save.folded ? Durable.randomSuffix() : nil
        let place = newJournal.map { JournalPosition(journal: $0, seq: 0) }
            ?? journalID.map { JournalPosition(journal: $0, seq: lastJournalSeq + 1) }
        var staged = false
        if case .kept = save.note {} else if let place { try stage(save.note, for: place); staged = true }
        let audit: [UInt8]?
        do throws(StoreError) {
            if save.folded, let after = save.after {
                let before = data
                data = after
                do throws(StoreError) {
                    audit = try commitNextGeneration(journalID: newJournal) { position in
                        AuditFormat.object(change, at: save.stamp, user: save.user, role: self.access.role, journal: position)
                    }
                } catch { data = before; throw error }
            } else {
                audit = try journal(change, at: save.stamp, user: save.user)
            }
        } catch {
            // Not saved: neither is its note.
            if staged { io.unlink(file(Self.pendingNoteName)) }
            throw error
        }
        // Saved from here on: what follows can only warn (and the next save finishes it).
        if staged { settlePendingNote() } else { putNoteInForce(save.note) }
        if let audit { afterSave(audit: audit, at: place) }
    }

    // MARK: - The note, staged

    /// Writes the note (or its removal) beside the one in force, naming where its change will be.
    private func stage(_ note: PendingSave.Note, for place: JournalPosition) throws(StoreError) {
        var w = JSONWriter(capacity: 96)
        w.beginObject()
        w.member("journal", place.journal)
        w.member("seq", place.seq as Int?)
        if case .dropped = note { w.member("drop", true) }
        var bytes = w.bytes
        SealedLine.seal(&bytes)
        if case .set(let undo) = note { bytes += ImportUndoFile.bytes(undo) }
        try durable.replace(file(Self.pendingNoteName), with: bytes)
        try durable.syncDirectory(path)
    }

    /// A journal from before journals had ids cannot name the place: the note goes in after
    /// the change, as before (a warning when that fails).
    private func putNoteInForce(_ note: PendingSave.Note) {
        do {
            switch note {
            case .kept: return
            case .set(let undo): try replaceNote(with: ImportUndoFile.bytes(undo))
            case .dropped: try replaceNote(with: nil)
            }
        } catch { warn(.importUndoNotNoted("\(error)")) }
    }

    /// The note in force becomes `bytes` (nil: there is none), on disk.
    private func replaceNote(with bytes: [UInt8]?) throws(StoreError) {
        if let bytes { try durable.replace(file(ImportUndoFile.name), with: bytes) } else { io.unlink(file(ImportUndoFile.name)) }
        try durable.syncDirectory(path)
    }

    /// Under the lock, caught up: a staged note whose change this journal holds goes in force;
    /// any other is thrown away (its save failed or was cut off first; or the journal moved on
    /// without it being settled, and then no undo is safer than a wrong one).
    func settlePendingNote() {
        let name = file(Self.pendingNoteName)
        guard let bytes = try? durable.read(name) else { return }
        var committed = false, drop = false, headerEnd = bytes.count
        bytes.withUnsafeBufferPointer { buf in
            guard let newline = buf.firstIndex(of: 0x0A) else { return }
            headerEnd = newline + 1
            let line = UnsafeBufferPointer(rebasing: buf[..<newline])
            guard SealedLine.verify(line) == nil, let place = AuditFormat.position(line) else { return }
            var r = JSONReader(line)
            try? r.object { r, key throws(JSONReader.Failure) in
                if key == "drop" { drop = try r.bool() } else { try r.skipValue() }
            }
            committed = place.journal == journalID && place.seq <= lastJournalSeq
        }
        do {
            if committed { try replaceNote(with: drop ? nil : Array(bytes[headerEnd...])) }
            io.unlink(name)
            try durable.syncDirectory(path)
        } catch {
            warn(.importUndoNotNoted("\(error)"))
        }
    }

    /// The number of the newest change this journal holds (0: only its header).
    var lastJournalSeq: Int { max(0, journalLines - 1 + (journalEndsUnfinished ? 1 : 0)) }

    // MARK: - The audit trail, caught up

    /// Under the lock, caught up: appends to `audit.jsonl` the audit lines of the changes this
    /// journal holds that it lacks, from the copies the journal lines carry. Best effort: on
    /// trouble a warning, and the next save tries again.
    func catchUpAudit() {
        guard let journalID, journalLines >= 1 else { return }
        let last = lastJournalSeq
        if let known = auditedThrough, known.journal == journalID, known.seq >= last { return }
        var from = 0
        if let (audited, _) = lastAuditedChange(), audited.journal == journalID {
            if audited.seq >= last { auditedThrough = audited; return }
            from = audited.seq + 1
        }
        guard let whole = try? durable.read(journalPath) else { return }
        // Never the line of a save reported failed (see `takeOutFailedSave`).
        let bytes = readableEnd(of: whole, from: 0).map { Array(whole.prefix($0)) } ?? whole
        var missing: [UInt8] = []
        var count = 0
        bytes.withUnsafeBufferPointer { buf in
            Lines.each(buf, firstNumber: 0) { number, line, _, complete in
                guard complete, number >= from, let carried = JournalFormat.carriedAudit(line), carried.seq == number else { return }
                missing += carried.line
                count += 1
            }
        }
        guard count > 0 else { auditedThrough = JournalPosition(journal: journalID, seq: last); return }
        do {
            try durable.append(missing, to: file(Self.auditName))
            auditedThrough = JournalPosition(journal: journalID, seq: last)
            warn(.auditCaughtUp(count))
        } catch {
            warn(.auditNotWritten("\(error)"))
        }
    }
}
