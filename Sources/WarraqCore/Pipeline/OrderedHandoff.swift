/// Hands documents from parallel workers to the single output in input order, without holding
/// whole inputs: the worker on the input whose turn it is streams straight through, a batch at a
/// time, and workers ahead of it stop once the documents waiting for their turn pass a byte
/// budget. So memory is bounded by the budget and a batch, plus one document per worker, at any
/// `--jobs`.
///
/// The output sleeps until a batch is ready: its input's documents, or finished inputs in a row
/// from it, or until nothing moves without it. A woken output takes a core from a worker: woken
/// per document it cost two context switches per document (~15,000 per 20 MB) and 10-19% more
/// CPU at two workers than at one; woken per finished input, 1,300 switches for the 661 inputs
/// of 20 MB.
final class OrderedHandoff: @unchecked Sendable {
    private struct Slot {
        var pieces: [Piece] = []
        var bytes = 0
        var result: InputResult?

        /// One mutation of the slot in the dictionary, so one hash of its index per document.
        mutating func add(_ piece: Piece, bytes size: Int) {
            pieces.append(piece)
            bytes += size
        }
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
    /// How many inputs the output has offered.
    private var offered = 0
    private var outputWaiting = false
    /// Workers waiting for the output to take documents, so that they fit the budget again.
    private var budgetWaiters = 0
    /// Emptied buffers of documents the output wrote, for workers to render into: at most
    /// `budget` bytes of capacity, as many as wait ahead of the output (a take gives back up to
    /// that many at once), so that memory stays bounded.
    private var spare: [[UInt8]] = []
    private var spareBytes = 0
    /// Emptied lists of pieces the output took, for the slots of the inputs after.
    private var spareLists: [[Piece]] = []

    /// What the output is done with, handed back at its next `take` for workers to fill again:
    /// memory a worker allocated is reused by a worker instead of being freed by the output,
    /// for which glibc takes the lock of the worker's arena.
    struct Returns {
        var buffers: [[UInt8]] = []
        var lists: [[Piece]] = []

        /// Frees what the handoff did not keep, outside its lock.
        mutating func clear() {
            buffers.removeAll(keepingCapacity: true)
            lists.removeAll(keepingCapacity: true)
        }
    }

    init(budget: Int, batch: Int) {
        self.budget = budget
        self.batch = batch
    }

    // MARK: the output's side

    func offer(_ index: Int, _ input: Input) {
        lock.locked {
            queue.append((index, input))
            offered += 1
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

    /// More of input `index` (the current one): at once when it is converted, its documents and
    /// result; otherwise, once the output is worth waking (`outputReady`), the documents so far.
    /// What the output is done with goes back to the workers, as much as the spares' limits
    /// take; the rest stays in `returns`.
    func take(_ index: Int, returning returns: inout Returns) -> (pieces: [Piece], result: InputResult?) {
        lock.locked {
            while let buffer = returns.buffers.last, spareBytes + buffer.capacity <= budget {
                spareBytes += buffer.capacity
                spare.append(returns.buffers.removeLast())
            }
            while !returns.lists.isEmpty, spareLists.count < Self.spareListLimit { spareLists.append(returns.lists.removeLast()) }
            if slots[index]?.result == nil {
                outputWaiting = true
                while !outputReady { lock.wait(.output) }
                outputWaiting = false
            }
            let slot = slots.removeValue(forKey: index) ?? Slot()
            if slot.result == nil { slots[index] = Slot(pieces: spareLists.popLast() ?? []) }
            return (slot.pieces, slot.result)
        }
    }

    /// Whether the waiting output has a batch to take, from the current input and the converted
    /// ones after it, or must act for anything to move: the current input is converted and
    /// workers wait for the budget, or every input offered so far is converted.
    private var outputReady: Bool {
        var bytes = 0
        var index = current
        while let slot = slots[index] {
            bytes += slot.bytes
            if bytes >= batch { return true }
            guard slot.result != nil else { return false }
            // The current input is converted: moving on frees the budget.
            if budgetWaiters > 0 { return true }
            index += 1
        }
        return index >= offered
    }

    private func wakeOutputIfReady() {
        if outputWaiting, outputReady { lock.wake(.output) }
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
    /// budget is spent. Returns an emptied buffer the output is done with, if there is one, to
    /// render the next document into.
    func put(_ piece: consuming Piece, for index: Int) throws(Cancelled) -> [UInt8]? {
        let size = piece.estimatedBytes
        return try lock.locked { () throws(Cancelled) -> [UInt8]? in
            if index != current, aheadBytes > budget, !cancelled {
                budgetWaiters += 1
                wakeOutputIfReady()
                while index != current, aheadBytes > budget, !cancelled { lock.wait(.workers) }
                budgetWaiters -= 1
            }
            guard !cancelled else { throw Cancelled() }
            slots[index, default: Slot(pieces: spareLists.popLast() ?? [])].add(piece, bytes: size)
            if index != current { aheadBytes += size }
            wakeOutputIfReady()
            guard let buffer = spare.popLast() else { return nil }
            spareBytes -= buffer.capacity
            return buffer
        }
    }

    func finish(_ index: Int, _ result: InputResult) {
        lock.locked {
            slots[index, default: Slot()].result = result
            wakeOutputIfReady()
        }
    }

    /// A few inputs have slots at a time.
    private static let spareListLimit = 8

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
