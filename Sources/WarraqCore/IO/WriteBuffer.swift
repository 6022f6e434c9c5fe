/// Bytes a sink has been given and not yet written, held by reference: the pipeline keeps its
/// sink in an enum while the sink writes (`Pipeline.Target.stream`), so bytes held in the
/// sink's own value would be shared with that copy and copied whole on every append. Copies
/// of a sink share its buffer.
final class WriteBuffer {
    /// Enough bytes waiting to be worth a `write` call.
    static let flushSize = 1 << 16

    private(set) var bytes: [UInt8] = []

    /// Adds `more`; true when `flushSize` bytes or more are waiting.
    func append(_ more: [UInt8]) -> Bool {
        bytes.append(contentsOf: more)
        return bytes.count >= Self.flushSize
    }

    /// Forgets the bytes (written or thrown away), keeping the room they took.
    func removeAll() { bytes.removeAll(keepingCapacity: true) }
}
