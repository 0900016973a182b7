/// One result slot per piece of work done in parallel (`DispatchQueue.concurrentPerform`).
/// Unchecked: each thread writes only its own slot, and the caller reads them after all finish.
final class Slots<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>
    let count: Int

    init(_ count: Int, empty: T) {
        self.count = count
        pointer = .allocate(capacity: count)
        pointer.initialize(repeating: empty, count: count)
    }

    deinit {
        pointer.deinitialize(count: count)
        pointer.deallocate()
    }

    /// Moves the value out of slot `k`, leaving `empty` (no copy, so no retain per field).
    func take(_ k: Int, leaving empty: T) -> T {
        var value = empty
        swap(&value, &pointer[k])
        return value
    }
}
