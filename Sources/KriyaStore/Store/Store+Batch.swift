import KriyaCore

extension Store {
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
}
