/// Writes JSON straight to compact bytes, the same bytes `JSONWriter` gives for the `JSONValue`:
/// output (JSON Lines, plugins) needs no tree of values. The bytes grow in a buffer of its own,
/// written through its pointer: a member (comma, name, and a string without escapes) costs one
/// capacity check and two copies, where `Array` appends cost one call per piece. Noncopyable, so
/// that the buffer has one owner; an object's members and the objects inside them all go to the
/// same writer.
public struct JSONObjectWriter: ~Copyable, JSONObjectSink {
    private var start: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int

    /// Appends the value's JSON. Called with a concrete type, the compiler turns an object's
    /// member list into direct writes.
    public static func write<T: JSONRepresentable>(_ value: T, into out: inout [UInt8]) {
        // As much room as `out` keeps free, which a caller rendering document after document
        // sizes by the last one: the buffer then seldom grows. Not more than 64 KiB, for a
        // caller that appends to a large buffer.
        var object = JSONObjectWriter(capacity: min(max(4096, out.capacity - out.count), 1 << 16))
        value.writeJSON(into: &object)
        object.finish(appendingTo: &out)
    }

    /// Opens an object; `finish(into:)` closes it and appends it to an array.
    public init() {
        self.init(capacity: 1024)
        put(UInt8(ascii: "{"))
    }

    /// An empty writer, for any JSON value.
    init(capacity: Int) {
        self.capacity = capacity
        start = .allocate(capacity: capacity)
    }

    deinit { start.deallocate() }

    /// Closes the object and appends it to `out`.
    public consuming func finish(into out: inout [UInt8]) {
        put(UInt8(ascii: "}"))
        finish(appendingTo: &out)
    }

    /// Appends the bytes written to `out`.
    consuming func finish(appendingTo out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: start, count: count))
    }

    // MARK: the members

    public mutating func add(_ key: StaticString, _ value: JSONValue) {
        self.key(key)
        write(value)
    }

    public mutating func add(_ key: StaticString, string value: String) {
        UTF8Scalars.withBytes(value) { bytes in
            let escape = JSONWriter.firstEscape(in: bytes, from: 0)
            guard escape == bytes.count else {
                self.key(key)
                writeString(bytes, from: escape)
                return
            }
            let name = UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)
            var out = reserve(name.count + bytes.count + 6)
            out = putKey(name, at: out)
            out.pointee = UInt8(ascii: "\"")
            out = put(bytes, at: out + 1)
            out.pointee = UInt8(ascii: "\"")
            count = out + 1 - start
        }
    }

    public mutating func add(_ key: StaticString, strings values: [String]) {
        self.key(key)
        writeArray(values) { $0.write($1) }
    }

    public mutating func add<T: JSONRepresentable>(_ key: StaticString, value: T) {
        self.key(key)
        value.writeJSON(into: &self)
    }

    public mutating func add<T: JSONRepresentable>(_ key: StaticString, array values: [T]) {
        self.key(key)
        writeArray(values) { $1.writeJSON(into: &$0) }
    }

    /// The name copied as it stands: a member name has nothing to escape (`JSONObjectSink`).
    /// The comma goes before every member but an object's first, which follows its `{`: no
    /// value ends in one.
    private mutating func key(_ key: StaticString) {
        let name = UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)
        count = putKey(name, at: reserve(name.count + 4)) - start
    }

    /// `,"name":` (no comma after `{`) at `out`, reserved; returns the end.
    private func putKey(_ name: UnsafeBufferPointer<UInt8>, at out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        var out = out
        if count > 0, start[count - 1] != UInt8(ascii: "{") {
            out.pointee = UInt8(ascii: ",")
            out += 1
        }
        out.pointee = UInt8(ascii: "\"")
        out = put(name, at: out + 1)
        out[0] = UInt8(ascii: "\"")
        out[1] = UInt8(ascii: ":")
        return out + 2
    }

    // MARK: values

    /// An object's members, between braces, written by `addMembers`.
    mutating func writeObject<T: JSONObjectRepresentable>(_ value: T) {
        put(UInt8(ascii: "{"))
        value.addMembers(to: &self)
        put(UInt8(ascii: "}"))
    }

    mutating func write(_ value: JSONValue) {
        switch value {
        case .null: put("null")
        case .bool(let b): put(b ? "true" : "false")
        case .number(let n): write(raw: n)
        case .string(let s): write(s)
        case .array(let items): writeArray(items) { $0.write($1) }
        case .object(let members):
            put(UInt8(ascii: "{"))
            for (i, member) in members.enumerated() {
                if i > 0 { put(UInt8(ascii: ",")) }
                write(member.key)
                put(UInt8(ascii: ":"))
                write(member.value)
            }
            put(UInt8(ascii: "}"))
        }
    }

    /// A string in quotes, escaped. The runs between escapes are copied whole; a string with
    /// none (nearly every string of a scrape) is one scan and one copy, quotes and all.
    mutating func write(_ string: String) {
        UTF8Scalars.withBytes(string) { writeString($0, from: JSONWriter.firstEscape(in: $0, from: 0)) }
    }

    /// `[`, the items written by `writeItem` between commas, `]`.
    mutating func writeArray<Item>(_ items: [Item], _ writeItem: (inout JSONObjectWriter, Item) -> Void) {
        put(UInt8(ascii: "["))
        // By index, not `enumerated()`, whose iterator hands out a copy of every item.
        for i in items.indices {
            if i > 0 { put(UInt8(ascii: ",")) }
            writeItem(&self, items[i])
        }
        put(UInt8(ascii: "]"))
    }

    /// `n` in decimal, the digits `String(n)` gives, without making the string.
    mutating func write(_ n: Int) {
        var out = reserve(20)
        if n < 0 {
            out.pointee = UInt8(ascii: "-")
            out += 1
        }
        // Counted first, then written from the last digit back: division by ten compiles to a
        // multiplication, where dividing by a running power of ten takes a divide instruction.
        var digits = 1
        var rest = n.magnitude
        while rest >= 10 {
            rest /= 10
            digits += 1
        }
        var value = n.magnitude
        var digit = out + digits
        repeat {
            digit -= 1
            digit.pointee = UInt8(ascii: "0") + UInt8(value % 10)
            value /= 10
        } while value > 0
        count = out + digits - start
    }

    /// Text that is JSON already (a number's digits), copied as it stands.
    private mutating func write(raw text: String) {
        UTF8Scalars.withBytes(text) { bytes in count = put(bytes, at: reserve(bytes.count)) - start }
    }

    private mutating func put(_ text: StaticString) {
        let bytes = UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount)
        count = put(bytes, at: reserve(bytes.count)) - start
    }

    mutating func put(_ byte: UInt8) {
        reserve(1).pointee = byte
        count += 1
    }

    /// The string's bytes from quote to quote; `escape` is the index of its first byte to escape.
    private mutating func writeString(_ bytes: UnsafeBufferPointer<UInt8>, from escape: Int) {
        var out = reserve(bytes.count + 2)
        out.pointee = UInt8(ascii: "\"")
        out += 1
        var runStart = 0
        var index = escape
        while index < bytes.count {
            out = put(UnsafeBufferPointer(rebasing: bytes[runStart..<index]), at: out)
            count = out - start
            out = Self.putEscape(for: bytes[index], at: reserve(6 + bytes.count - index))
            runStart = index + 1
            index = JSONWriter.firstEscape(in: bytes, from: runStart)
        }
        out = put(UnsafeBufferPointer(rebasing: bytes[runStart...]), at: out)
        out.pointee = UInt8(ascii: "\"")
        count = out + 1 - start
    }

    private static let hex: StaticString = "0123456789abcdef"

    private static func putEscape(for b: UInt8, at out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        out[0] = 0x5C
        let short: UInt8? = switch b {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): b
        case 0x0A: UInt8(ascii: "n")
        case 0x0D: UInt8(ascii: "r")
        case 0x09: UInt8(ascii: "t")
        case 0x08: UInt8(ascii: "b")
        case 0x0C: UInt8(ascii: "f")
        default: nil
        }
        if let short {
            out[1] = short
            return out + 2
        }
        out[1] = UInt8(ascii: "u")
        out[2] = 0x30
        out[3] = 0x30
        out[4] = hex.utf8Start[Int(b >> 4)]
        out[5] = hex.utf8Start[Int(b & 0xF)]
        return out + 6
    }

    // MARK: the buffer

    /// Room for `n` more bytes after `count`; returns where they go. The caller sets `count`.
    private mutating func reserve(_ n: Int) -> UnsafeMutablePointer<UInt8> {
        if capacity - count < n { grow(to: count + n) }
        return start + count
    }

    private mutating func grow(to needed: Int) {
        ByteBufferGrowth.grow(&start, count: count, capacity: &capacity, to: needed)
    }

    private func put(_ bytes: UnsafeBufferPointer<UInt8>, at out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        guard let source = bytes.baseAddress else { return out }
        out.initialize(from: source, count: bytes.count)
        return out + bytes.count
    }
}
