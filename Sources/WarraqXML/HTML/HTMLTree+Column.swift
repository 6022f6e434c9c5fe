import WarraqCore

extension HTMLTree {
    /// Plain values in a buffer of their own that doubles when full: the columns of `Building`,
    /// the builder's stack of open elements, and the page `UnreadMarkup` rewrites (`PageBytes`).
    /// `Array.append` checked uniqueness and capacity and copied through a call for each value.
    /// Noncopyable, so that the buffer has one owner and an append is not checked for exclusive
    /// access at run time, as a class's stored properties are.
    struct Column<Element: BitwiseCopyable>: ~Copyable {
        private var base: UnsafeMutablePointer<Element>
        private var capacity: Int
        private(set) var count = 0

        init(capacity: Int = 0) {
            self.capacity = max(capacity, 16)
            base = .allocate(capacity: self.capacity)
        }

        deinit { base.deallocate() }

        var isEmpty: Bool { count == 0 }

        subscript(index: Int) -> Element { base[index] }

        /// The value appended last; there is one.
        var last: Element {
            get { base[count - 1] }
            set { base[count - 1] = newValue }
        }

        /// Takes off the value appended last; there is one.
        mutating func removeLast() -> Element {
            count -= 1
            return base[count]
        }

        /// Takes back the last `written` values.
        mutating func removeLast(_ written: Int) {
            precondition(written >= 0 && written <= count)
            count -= written
        }

        /// Makes room for `extra` more values at once.
        @inline(__always)
        mutating func reserve(_ extra: Int) {
            if count + extra > capacity { grow(to: count + extra) }
        }

        @inline(__always)
        mutating func append(_ value: Element) {
            if count == capacity { grow(to: count + 1) }
            (base + count).initialize(to: value)
            count += 1
        }

        @inline(__always)
        mutating func append(contentsOf values: UnsafeBufferPointer<Element>) {
            guard let source = values.baseAddress, !values.isEmpty else { return }
            reserve(values.count)
            (base + count).initialize(from: source, count: values.count)
            count += values.count
        }

        /// Appends `value` `times` times.
        @inline(__always)
        mutating func append(_ value: Element, times: Int) {
            guard times > 0 else { return }
            reserve(times)
            (base + count).initialize(repeating: value, count: times)
            count += times
        }

        func withBuffer<Result>(_ body: (UnsafeBufferPointer<Element>) -> Result) -> Result {
            body(UnsafeBufferPointer(start: base, count: count))
        }

        var array: [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }

        private mutating func grow(to needed: Int) {
            ByteBufferGrowth.grow(&base, count: count, capacity: &capacity, to: needed)
        }
    }
}

extension HTMLTree.Column where Element == UInt8 {
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
}

/// The bytes of a page being rewritten (`UnreadMarkup`), a span or a byte at a time.
typealias PageBytes = HTMLTree.Column<UInt8>
