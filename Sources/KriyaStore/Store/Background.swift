import Dispatch

/// Work started on another thread now, its value waited for later.
/// Unchecked: `result` is written once by the worker before `done` is signalled, and read
/// only after waiting for it.
final class Background<T>: @unchecked Sendable {
    private var result: T?
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping () -> T) {
        nonisolated(unsafe) let work = work
        DispatchQueue.global().async {
            self.result = work()
            self.done.signal()
        }
    }

    var value: T {
        done.wait()
        done.signal()   // later reads do not block
        return result!
    }
}
