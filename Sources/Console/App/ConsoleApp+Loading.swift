import Dispatch
import KriyaCore
import KriyaStore
import TextUI

/// Starting on a large registry (issue 18): the store was opened for a lookup, so its artisans
/// can be listed and searched through its index at once while everything else is read on
/// another thread.
extension ConsoleApp {
    public enum Loaded {
        /// Read in full; the keys typed meanwhile, to run first.
        case ready(keys: [Key])
        /// The user quit before it finished (q or Ctrl-C as the first key).
        case quit
    }

    /// Shows `LoadingScreen` until `store` is read in full (at once when it already is), and
    /// hands back every key typed meanwhile: run again on the console, those the loading
    /// screen took land on the same search and row, and the rest follow. The store is touched
    /// by the reading thread only until it is done; the screen searches a lookup taken before.
    public static func finishLoading(_ store: any RecordStore, device: TerminalDevice, lang: Lang) throws(StoreError) -> Loaded {
        guard store.isDeferred else { return .ready(keys: []) }
        let lookup = store.lookupWhileLoading()
        var screen = LoadingScreen { query, limit in lookup?.first(query, limit: limit) }
        let total = store.artisanCount
        let reading = Reading(store)
        let started = DispatchTime.now().uptimeNanoseconds
        DispatchQueue.global().async { reading.run() }
        var keys: [Key] = []
        while !reading.done.wait(timeout: .now()).isSuccess {
            let (width, height) = device.size
            let seconds = Int((DispatchTime.now().uptimeNanoseconds - started) / 1_000_000_000)
            screen.refresh()
            device.draw(screen.render(total: total, seconds: seconds, lang: lang, user: store.user, dataPath: store.shortLocation,
                                      width: width, height: height))
            // This key and those already typed after it (a name pasted), then one search and one draw.
            var next = device.readKey(timeoutMilliseconds: 100)
            var taken = 0
            while let key = next {
                if key != .resize {
                    keys.append(key)
                    let page = BrowseScreen.listRows(Layout(width: width, height: height))
                    if screen.handle(key, page: page) == .quit { return .quit }
                }
                taken += 1
                next = taken < 100 ? device.readKey(timeoutMilliseconds: 0) : nil
            }
        }
        try reading.result.get()
        return .ready(keys: keys)
    }

    /// The store read on another thread; handed back once `done` is signalled.
    private final class Reading: @unchecked Sendable {
        let store: any RecordStore
        let done = DispatchSemaphore(value: 0)
        var result: Result<Void, StoreError> = .success(())
        init(_ store: any RecordStore) { self.store = store }
        func run() {
            do throws(StoreError) { try store.loadEverything() } catch { result = .failure(error) }
            done.signal()
        }
    }
}

private extension DispatchTimeoutResult {
    var isSuccess: Bool { self == .success }
}
