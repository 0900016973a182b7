import KriyaCore

/// The artisans' search of a store opened for a lookup, handed to the console while the rest
/// is read on another thread (issue 18): the index and the journal's versions as they were when
/// it was taken, so nothing here is touched by the reading thread. It holds the snapshot open
/// (a compaction may remove its name meanwhile) until it is let go.
public final class ArtisanLookup: @unchecked Sendable {
    private let deferred: DeferredArtisans
    private let changed: [Artisan]
    private let changedIndex: SearchIndex
    /// How many artisans there are (archived ones too).
    public let total: Int

    init(_ deferred: DeferredArtisans, changed: [Artisan]) {
        self.deferred = deferred
        self.changed = changed
        changedIndex = SearchIndex(changed)
        total = deferred.count(changed: changed.count)
    }

    /// The first `limit` artisans matching `query` that are not archived, in the order of the
    /// console's artisans pane (best match, then by name); `complete` when there are no more.
    /// Nil when the snapshot no longer reads as its index says.
    public func first(_ query: String, limit: Int) -> (shown: [Artisan], complete: Bool)? {
        deferred.first(query, changed: changed, changedIndex: changedIndex, limit: limit, skip: \.archived)
    }
}

extension Store {
    /// While opened for a lookup: its search, for the console to use while `loadEverything()`
    /// runs on another thread. Take it before that thread starts.
    public func lookupWhileLoading() -> ArtisanLookup? {
        deferred.map { ArtisanLookup($0, changed: data.artisans.items) }
    }
}
