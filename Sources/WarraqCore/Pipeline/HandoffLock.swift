import Glibc

/// A pthread mutex with a condition variable for each side of the ordered handoff, so that
/// waking the output does not wake idle workers too, nor the other way round.
final class HandoffLock: @unchecked Sendable {
    enum Side: Int, CaseIterable {
        case output, workers
    }

    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let conditions = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: Side.allCases.count)

    init() {
        pthread_mutex_init(mutex, nil)
        for side in Side.allCases { pthread_cond_init(conditions + side.rawValue, nil) }
    }

    deinit {
        for side in Side.allCases { pthread_cond_destroy(conditions + side.rawValue) }
        pthread_mutex_destroy(mutex)
        conditions.deallocate()
        mutex.deallocate()
    }

    func locked<Result, Failure: Error>(_ body: () throws(Failure) -> Result) throws(Failure) -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    /// Waits until `side` is woken; call it with the lock held, in a loop that checks the state.
    func wait(_ side: Side) { pthread_cond_wait(conditions + side.rawValue, mutex) }

    func wake(_ side: Side) { pthread_cond_broadcast(conditions + side.rawValue) }
}
