extension Change {
    /// The audit's entry for replacing every record with `dataset` (demo data, a copy).
    public static func replacingAll(with dataset: Dataset, reason: String) -> Change {
        var change = Change(command: CommandName.replaceAll.rawValue)
        change.detail = "\(reason): \(dataset.artisans.count) artisans, \(dataset.sessions.count) sessions, \(dataset.exhibitions.count) exhibitions"
        return change
    }
}

/// A batch worked out as one step (an import), whichever store saves it.
extension Dataset {
    /// Many new artisans (checked and added all at once, on every core) then `commands` one by
    /// one, each against the state the ones before it left. Returns the data as it would be and
    /// the one change that names every target; with `keepingRecords` the change also holds every
    /// record written (a small batch's journal line, a database's rows).
    /// - Parameter planned: the highest artisan id when the batch was worked out; a new artisan
    ///   with the phone or NIB of one added since then refuses the whole batch.
    public func planBatch(adding new: [Artisan], then commands: [Command], name: String, detail: String,
                          context ctx: CommandContext, planned: Int?, keepingRecords: Bool) throws(CommandError) -> (data: Dataset, change: Change) {
        var working = self
        if let planned, let twice = working.addedSince(planned, matching: new) {
            throw .addedMeanwhile(twice.id, name: twice.name)
        }
        var change = Change(command: name)
        change.detail = detail
        let added = try working.addArtisans(new, office: ctx.office)
        change.targets = added.map(\.id)
        if keepingRecords { change.artisans = Array(added) }
        for command in commands {
            let one = try working.plan(command, ctx, audit: false)
            working.commit(one)
            change.targets += one.targets
            if keepingRecords {
                change.artisans += one.artisans
                change.sessions += one.sessions
                change.exhibitions += one.exhibitions
                change.terms += one.terms
                change.members += one.members
                change.partners += one.partners
            }
        }
        return (working, change)
    }
}
