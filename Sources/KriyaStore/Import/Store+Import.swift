import KriyaCore

extension Store {
    /// Saves an import as one step: its new artisans all at once, then its updates. Refused,
    /// with nothing saved, when a colleague changed one of those artisans meanwhile, or
    /// registered one of the new ones since the file was read. Notes how to take it back
    /// (`takeBackLastImport`) in `last-import.jsonl`.
    @discardableResult
    public func save(_ plan: ImportPlan, detail: String, context: CommandContext? = nil) throws(StoreError) -> Change {
        let before = plan.replacedVersions(in: data)
        let who = context?.user ?? user
        return try apply(adding: plan.adds, then: plan.updateCommands, as: "import", detail: detail, context: context,
                         planned: plan.plannedAgainst) { [self] (change: Change) throws(StoreError) in
            let undo = ImportUndo(of: change, adding: plan.adds.count, file: detail, at: SystemInfo.now().timestamp, user: who, before: before)
            try durable.replace(file(ImportUndoFile.name), with: ImportUndoFile.bytes(undo))
            try durable.syncDirectory(path)
        }
    }

    /// The last import, as far as it can be taken back; nil when there is none.
    public func lastImport() throws(StoreError) -> ImportUndo? {
        try durable.read(file(ImportUndoFile.name)).flatMap(ImportUndoFile.read)
    }

    /// Takes the last import back as one step: removes the artisans it added and puts back the
    /// earlier version of those it updated, except any changed since or now taking part in a
    /// session or an exhibition (kept, and listed in the outcome). Nil when there is no import
    /// to take back. With `dryRun`, says what it would do and changes nothing.
    public func takeBackLastImport(dryRun: Bool = false, context: CommandContext? = nil) throws(StoreError) -> (ImportUndo, ImportUndo.Outcome)? {
        if !dryRun { try authorize(.admin, "undo-import") }
        let now = SystemInfo.now()
        let who = context?.user ?? user
        return try withLock { () throws(StoreError) -> (ImportUndo, ImportUndo.Outcome)? in
            try catchUp(locked: true)
            guard let undo = try lastImport() else { return nil }
            let outcome = data.undoing(undo)
            if dryRun { return (undo, outcome) }
            let change = Change.undoingImport(undo, outcome)
            if change.targets.count <= Self.journalBatchLimit {
                try journal(change, at: now.timestamp, user: who)
            } else {
                let before = data
                data.commit(change)
                do throws(StoreError) { try commitNextGeneration() } catch { data = before; throw error }
            }
            // Taken back once: the note goes, so the same import cannot be undone twice.
            io.unlink(file(ImportUndoFile.name))
            do throws(StoreError) { try durable.syncDirectory(path) }
            catch { warn(.folderNotSynced("\(error)")) }
            afterSave(change, at: now.timestamp, user: who)
            return (undo, outcome)
        }
    }
}
