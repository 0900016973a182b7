import KriyaCore

extension Store {
    /// The last import, as far as it can be taken back; nil when there is none.
    public func lastImport() throws(StoreError) -> ImportUndo? {
        try durable.read(file(ImportUndoFile.name)).flatMap(ImportUndoFile.read)
    }
}
