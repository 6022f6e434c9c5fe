/// Names looked up from the bytes libxml2 or the page hands over, without making a string per
/// lookup: a name is compared only with the names as long as it.
struct NameTable<Value> {
    private let byLength: [[(name: [UInt8], value: Value)]]

    init(_ entries: [(name: String, value: Value)]) {
        let named = entries.map { (name: Array($0.name.utf8), value: $0.value) }
        var table = [[(name: [UInt8], value: Value)]](repeating: [], count: (named.map(\.name.count).max() ?? 0) + 1)
        for entry in named { table[entry.name.count].append(entry) }
        byLength = table
    }

    /// A NUL-terminated name, as libxml2 gives it (lowercase).
    func value(_ name: UnsafePointer<UInt8>) -> Value? {
        var length = 0
        while name[length] != 0 {
            length += 1
            if length == byLength.count { return nil }
        }
        return value(UnsafeBufferPointer(start: name, count: length), folding: 0)
    }

    /// A name as a page spells it, its ASCII letters in any case (the table's names are
    /// lowercase letters, digits and `-`, which setting the 0x20 bit leaves alone).
    func value(anyCase name: UnsafeBufferPointer<UInt8>) -> Value? { value(name, folding: 0x20) }

    private func value(_ name: UnsafeBufferPointer<UInt8>, folding mask: UInt8) -> Value? {
        guard name.count < byLength.count else { return nil }
        for entry in byLength[name.count] where entry.name.indices.allSatisfy({ entry.name[$0] == name[$0] | mask }) { return entry.value }
        return nil
    }
}

extension NameTable: Sendable where Value: Sendable {}
