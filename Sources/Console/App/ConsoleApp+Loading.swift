import Dispatch
import KriyaCore
import KriyaStore
import TextUI

/// Starting on a large registry (issue 18): the store was opened for a lookup, so the first
/// page can be drawn from its index at once while everything else is read on another thread.
extension ConsoleApp {
    public enum Loaded {
        /// Read in full; the keys typed meanwhile, to run first.
        case ready(keys: [Key])
        /// The user quit before it finished (q or Ctrl-C as the first key).
        case quit
    }

    /// Shows `LoadingView` until `store` is read in full (at once when it already is). The
    /// store is touched by the reading thread only until it is done.
    public static func finishLoading(_ store: any RecordStore, device: TerminalDevice, lang: Lang) throws(StoreError) -> Loaded {
        guard store.isDeferred else { return .ready(keys: []) }
        let page = (try? store.findArtisans("", limit: 200).shown) ?? []
        let total = store.artisanCount
        let reading = Reading(store)
        let started = DispatchTime.now().uptimeNanoseconds
        DispatchQueue.global().async { reading.run() }
        var keys: [Key] = []
        while !reading.done.wait(timeout: .now()).isSuccess {
            let (width, height) = device.size
            let seconds = Int((DispatchTime.now().uptimeNanoseconds - started) / 1_000_000_000)
            device.draw(LoadingView.render(page: page, total: total, seconds: seconds, lang: lang, user: store.user,
                                           dataPath: store.shortLocation, width: width, height: height))
            guard let key = device.readKey(timeoutMilliseconds: 100), key != .resize else { continue }
            if keys.isEmpty && (key == .char("q") || key == .ctrl("c")) { return .quit }
            keys.append(key)
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
