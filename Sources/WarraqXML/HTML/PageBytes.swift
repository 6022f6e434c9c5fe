import WarraqCore

/// The bytes of a page being rewritten, appended into one buffer that grows only when asked for
/// more than it holds: `UnreadMarkup` writes a slimmed page a span or a byte at a time, and
/// `Array.append` cost more per call than the copying itself. A noncopyable struct, so that the
/// buffer has one owner and an append is not checked for exclusive access at run time, as a
/// class's stored properties are.
struct PageBytes: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 0) {
        self.capacity = max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    /// Makes room for `extra` more bytes at once.
    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(to: count + 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).initialize(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Appends the first `count` bytes of two little-endian words, stored whole: the bytes
    /// past `count` are written in room reserved, and written over by the next append.
    @inline(__always)
    mutating func append(_ low: UInt64, _ high: UInt64, count bytes: Int) {
        reserve(16)
        let end = UnsafeMutableRawPointer(base + count)
        end.storeBytes(of: low.littleEndian, as: UInt64.self)
        end.storeBytes(of: high.littleEndian, toByteOffset: 8, as: UInt64.self)
        count += bytes
    }

    /// Appends `byte` `times` times.
    @inline(__always)
    mutating func append(_ byte: UInt8, times: Int) {
        guard times > 0 else { return }
        reserve(times)
        (base + count).initialize(repeating: byte, count: times)
        count += times
    }

    /// Takes back the last `written` bytes.
    mutating func removeLast(_ written: Int) {
        precondition(written >= 0 && written <= count)
        count -= written
    }

    var array: [UInt8] { Array(UnsafeBufferPointer(start: base, count: count)) }

    private mutating func grow(to needed: Int) {
        ByteBufferGrowth.grow(&base, count: count, capacity: &capacity, to: needed)
    }
}
