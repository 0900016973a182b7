/// Tab in the import's file prompt, as a shell does it: the name typed so far is completed as
/// far as the files in its folder agree; a folder gets its "/", several candidates are listed.
enum PathCompletion {
    struct Result: Equatable {
        var path: String
        /// The names that still fit, when more than one does (for the status line).
        var candidates: [String]
    }

    /// The folder part of `typed` as typed (`~/Unduhan/`, `data/`, or "" for the current one)
    /// and the start of the name after it.
    static func split(_ typed: String) -> (folder: String, stem: String) {
        guard let slash = typed.lastIndex(of: "/") else { return ("", typed) }
        return (String(typed[...slash]), String(typed[typed.index(after: slash)...]))
    }

    /// - Parameter entries: the folder's names, and whether each is a folder.
    static func complete(_ typed: String, entries: [(name: String, folder: Bool)]) -> Result {
        let (folder, stem) = split(typed)
        // Hidden files only when asked for with a dot; folders and files in name order.
        let fits = entries.filter { $0.name.hasPrefix(stem) && (stem.hasPrefix(".") || !$0.name.hasPrefix(".")) }
            .sorted { $0.name < $1.name }
        guard let first = fits.first else { return Result(path: typed, candidates: []) }
        if fits.count == 1 { return Result(path: folder + first.name + (first.folder ? "/" : ""), candidates: []) }
        var common = first.name
        for f in fits.dropFirst() {
            while !f.name.hasPrefix(common) { common.removeLast() }
        }
        return Result(path: folder + (common.count > stem.count ? common : stem),
                      candidates: fits.map { $0.name + ($0.folder ? "/" : "") })
    }
}
