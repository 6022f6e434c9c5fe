/// Hands documents from parallel workers to the single output in input order, without holding
/// whole inputs: the worker on the input whose turn it is streams straight through, a batch at a
/// time, and workers ahead of it stop once the documents waiting for their turn pass a byte
/// budget. So memory is bounded by the budget and a batch, plus one document per worker, at any
/// `--jobs`.
///
/// The output is woken only for a batch of the current input's documents or for its end, not
/// for each document: a woken output takes a core from a worker, and woken per document it cost
/// two context switches per document (~15,000 per 20 MB) and 10-19% more CPU at two workers than
/// at one.
final class OrderedHandoff: @unchecked Sendable {
    private struct Slot {
        var pieces: [Piece] = []
        var bytes = 0
        var result: InputResult?
    }

    /// Bytes of documents that may wait for their turn, across all inputs ahead of the output.
    let budget: Int
    /// Bytes of the current input's documents gathered before the output is woken for them.
    let batch: Int
    private let lock = HandoffLock()
    /// Inputs offered and not yet claimed by a worker, in order.
    private var queue: [(index: Int, input: Input)] = []
    private var closed = false
    private var cancelled = false
    private var slots: [Int: Slot] = [:]
    /// The input whose documents the output takes now.
    private var current = 0
    private var aheadBytes = 0

    init(budget: Int, batch: Int) {
        self.budget = budget
        self.batch = batch
    }

    // MARK: the output's side

    func offer(_ index: Int, _ input: Input) {
        lock.locked {
            queue.append((index, input))
            lock.wake(.workers)
        }
    }

    /// No more inputs: idle workers end.
    func close() {
        lock.locked {
            closed = true
            lock.wake(.workers)
        }
    }

    /// The output failed: workers stop at their next document.
    func cancel() {
        lock.locked {
            cancelled = true
            lock.wake(.workers)
        }
    }

    /// Waits for more of input `index` (the current one): a batch of its next documents, or
    /// the rest of them and its result once it is converted.
    func take(_ index: Int) -> (pieces: [Piece], result: InputResult?) {
        lock.locked {
            while slots[index].map({ $0.bytes < batch && $0.result == nil }) ?? true { lock.wait(.output) }
            let slot = slots[index]!
            if slot.result != nil {
                slots[index] = nil
            } else {
                slots[index] = Slot()
            }
            return (slot.pieces, slot.result)
        }
    }

    /// Moves the output on to the next input; its waiting documents stop counting as ahead.
    func advance() {
        lock.locked {
            current += 1
            aheadBytes -= slots[current]?.bytes ?? 0
            lock.wake(.workers)
        }
    }

    // MARK: the workers' side

    /// The next input to convert, or nil when there are no more.
    func claim() -> (index: Int, input: Input)? {
        lock.locked {
            while queue.isEmpty, !closed, !cancelled { lock.wait(.workers) }
            return cancelled || queue.isEmpty ? nil : queue.removeFirst()
        }
    }

    /// Adds a document of input `index`, waiting while it is not that input's turn and the
    /// budget is spent.
    func put(_ piece: Piece, for index: Int) throws(Cancelled) {
        let size = piece.estimatedBytes
        try lock.locked { () throws(Cancelled) in
            while index != current, aheadBytes > budget, !cancelled { lock.wait(.workers) }
            guard !cancelled else { throw Cancelled() }
            slots[index, default: Slot()].pieces.append(piece)
            slots[index, default: Slot()].bytes += size
            if index != current {
                aheadBytes += size
            } else if slots[index]!.bytes >= batch {
                lock.wake(.output)
            }
        }
    }

    func finish(_ index: Int, _ result: InputResult) {
        lock.locked {
            slots[index, default: Slot()].result = result
            if index == current { lock.wake(.output) }
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
