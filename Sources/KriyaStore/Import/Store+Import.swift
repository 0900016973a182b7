import KriyaCore

extension Store {
    /// Saves an import as one step: its new artisans all at once, then its updates. Refused,
    /// with nothing saved, when a colleague changed one of those artisans meanwhile, or
    /// registered one of the new ones since the file was read.
    @discardableResult
    public func save(_ plan: ImportPlan, detail: String, context: CommandContext? = nil) throws(StoreError) -> Change {
        try apply(adding: plan.adds, then: plan.updateCommands, as: "import", detail: detail, context: context,
              planned: plan.plannedAgainst)
    }
}
