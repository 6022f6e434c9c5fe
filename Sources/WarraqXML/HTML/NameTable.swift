/// Names looked up from the NUL-terminated bytes libxml2 hands over, without making a string
/// per lookup: a name is compared only with the names as long as it.
struct NameTable<Value> {
    private let byLength: [[(name: [UInt8], value: Value)]]

    init(_ entries: [(name: String, value: Value)]) {
        let named = entries.map { (name: Array($0.name.utf8), value: $0.value) }
        var table = [[(name: [UInt8], value: Value)]](repeating: [], count: (named.map(\.name.count).max() ?? 0) + 1)
        for entry in named { table[entry.name.count].append(entry) }
        byLength = table
    }

    func value(_ name: UnsafePointer<UInt8>) -> Value? {
        var length = 0
        while name[length] != 0 {
            length += 1
            if length == byLength.count { return nil }
        }
        for entry in byLength[length] where entry.name.indices.allSatisfy({ entry.name[$0] == name[$0] }) { return entry.value }
        return nil
    }
}

extension NameTable: Sendable where Value: Sendable {}
