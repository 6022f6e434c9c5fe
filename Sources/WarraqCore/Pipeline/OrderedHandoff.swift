import Glibc

/// Hands documents from parallel workers to the single output in input order, without holding
/// whole inputs: the worker on the input whose turn it is streams straight through, and workers
/// ahead of it stop once the documents waiting for their turn pass a byte budget. So memory is
/// bounded by the budget plus one document per worker, at any `--jobs`.
final class OrderedHandoff: @unchecked Sendable {
    private struct Slot {
        var pieces: [Piece] = []
        var bytes = 0
        var result: InputResult?
    }

    /// Bytes of documents that may wait for their turn, across all inputs ahead of the output.
    let budget: Int
    private let condition = Condition()
    /// Inputs offered and not yet claimed by a worker, in order.
    private var queue: [(index: Int, input: Input)] = []
    private var closed = false
    private var cancelled = false
    private var slots: [Int: Slot] = [:]
    /// The input whose documents the output takes now.
    private var current = 0
    private var aheadBytes = 0

    init(budget: Int) { self.budget = budget }

    // MARK: the output's side

    func offer(_ index: Int, _ input: Input) {
        condition.locked {
            queue.append((index, input))
            condition.broadcast()
        }
    }

    /// No more inputs: idle workers end.
    func close() {
        condition.locked {
            closed = true
            condition.broadcast()
        }
    }

    /// The output failed: workers stop at their next document.
    func cancel() {
        condition.locked {
            cancelled = true
            condition.broadcast()
        }
    }

    /// Waits for more of input `index` (the current one): its next documents, and its result
    /// once it is converted.
    func take(_ index: Int) -> (pieces: [Piece], result: InputResult?) {
        condition.locked {
            while slots[index].map({ $0.pieces.isEmpty && $0.result == nil }) ?? true { condition.wait() }
            let slot = slots[index]!
            if slot.result != nil {
                slots[index] = nil
            } else {
                slots[index] = Slot()
            }
            condition.broadcast()
            return (slot.pieces, slot.result)
        }
    }

    /// Moves the output on to the next input; its waiting documents stop counting as ahead.
    func advance() {
        condition.locked {
            current += 1
            aheadBytes -= slots[current]?.bytes ?? 0
            condition.broadcast()
        }
    }

    // MARK: the workers' side

    /// The next input to convert, or nil when there are no more.
    func claim() -> (index: Int, input: Input)? {
        condition.locked {
            while queue.isEmpty, !closed, !cancelled { condition.wait() }
            return cancelled || queue.isEmpty ? nil : queue.removeFirst()
        }
    }

    /// Adds a document of input `index`, waiting while it is not that input's turn and the
    /// budget is spent.
    func put(_ piece: Piece, for index: Int) throws(Cancelled) {
        let size = piece.estimatedBytes
        try condition.locked { () throws(Cancelled) in
            while index != current, aheadBytes > budget, !cancelled { condition.wait() }
            guard !cancelled else { throw Cancelled() }
            slots[index, default: Slot()].pieces.append(piece)
            slots[index, default: Slot()].bytes += size
            if index != current { aheadBytes += size }
            condition.broadcast()
        }
    }

    func finish(_ index: Int, _ result: InputResult) {
        condition.locked {
            slots[index, default: Slot()].result = result
            condition.broadcast()
        }
    }

    /// Thrown to a worker when the output has failed.
    struct Cancelled: Error {}
}

extension Piece {
    /// About how many bytes the piece holds, for the handoff's budget.
    var estimatedBytes: Int {
        switch self {
        case .rendered(let rendered): rendered.bytes.count
        case .document(let document, _):
            document.body.reduce(0) { $0 + $1.plainText.utf8.count } + document.removed.reduce(0) { $0 + $1.text.utf8.count }
        }
    }
}

/// A pthread mutex with one condition variable, for threads that wait on shared state.
final class Condition: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    func locked<Result, Failure: Error>(_ body: () throws(Failure) -> Result) throws(Failure) -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    /// Waits for a broadcast; call it with the lock held, in a loop that checks the state.
    func wait() { pthread_cond_wait(condition, mutex) }

    func broadcast() { pthread_cond_broadcast(condition) }
}
