import KriyaCore

extension Store {
    /// Batches up to this many commands go into one journal line; larger ones straight into
    /// new snapshot files (a 30 MB journal line would be read back on every open).
    static let journalBatchLimit = 2_000

    /// Saves many commands as one step: all of them or none (an import). Each is checked
    /// against the state the ones before it left, under the lock, as `apply` does.
    /// A small batch is one checksummed journal line, so a torn write loses the whole line and
    /// never part of it; a large one is folded with everything else into the next generation's
    /// files, and the rename of the manifest is its single commit point. The change returned
    /// names every target; it holds the records only for a small batch.
    /// A large one is written as the next generation, committed by the manifest's rename.
    @discardableResult
    public func apply(batch commands: [Command], as name: String, detail: String,
                      context: CommandContext? = nil) throws(StoreError) -> Change {
        var adds: [Artisan] = []
        for command in commands {
            guard case .addArtisan(let a, _) = command else { break }
            adds.append(a)
        }
        return try apply(adding: adds, then: Array(commands[adds.count...]), as: name, detail: detail, context: context)
    }

    /// A batch that starts with many new artisans (an import): those are checked and added all
    /// at once, on every core (`Dataset.addArtisans`), then `commands` one by one.
    /// - Parameters:
    ///   - planned: the highest artisan id when the batch was worked out; a new artisan with the
    ///     phone or NIB of one added since then refuses the whole batch.
    ///   - whenSaved: runs under the lock once the batch is durable (to note how to undo it).
    @discardableResult
    public func apply(adding new: [Artisan], then commands: [Command], as name: String, detail: String,
                      context: CommandContext? = nil, planned: Int? = nil,
                      whenSaved: ((Change) throws(StoreError) -> Void)? = nil) throws(StoreError) -> Change {
        // The batch needs the role of its most demanding part (new artisans: an editor's).
        try authorize(([new.isEmpty ? StaffRole.viewer : .editor] + commands.map(\.requiredRole)).max()!, name)
        let now = SystemInfo.now()
        let ctx = context ?? CommandContext(user: user, today: now.today, time: now.time, office: office)
        let small = new.count + commands.count <= Self.journalBatchLimit
        return try withLock { () throws(StoreError) -> Change in
            try catchUp(locked: true)
            let working: Dataset, change: Change
            do throws(CommandError) {
                (working, change) = try data.planBatch(adding: new, then: commands, name: name, detail: detail, context: ctx,
                                                       planned: planned, keepingRecords: small)
            } catch { throw .command(CommandErrorBox(error: error)) }
            if small {
                try journal(change, at: now.timestamp, user: ctx.user)
            } else {
                let before = data
                data = working
                do throws(StoreError) { try commitNextGeneration() } catch { data = before; throw error }
            }
            // Saved from here on: what follows can only warn.
            do throws(StoreError) { try whenSaved?(change) }
            catch { warn(.importUndoNotNoted("\(error)")) }
            afterSave(change, at: now.timestamp, user: ctx.user)
            return change
        }
    }
}
