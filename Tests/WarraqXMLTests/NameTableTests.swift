import Testing
@testable import WarraqXML

@Suite("Name table")
struct NameTableTests {
    private static let names = HTMLTag.allCases.map { "\($0)" } + HTMLAttribute.names + ["a-name-longer-than-fifteen", "a-name-longer-than-sixteen"]
    private static let table = NameTable(names.enumerated().map { (name: $0.element, value: $0.offset) })

    /// The rule the table keeps: the first entry whose bytes are the name's, each with `mask` set.
    private static func scan(_ name: [UInt8], folding mask: UInt8) -> Int? {
        names.firstIndex { Array($0.utf8).count == name.count && zip(Array($0.utf8), name).allSatisfy { $0 == $1 | mask } }
    }

    private static func look(_ name: [UInt8]) -> (exact: Int?, anyCase: Int?) {
        let exact = (name + [0]).withUnsafeBufferPointer { table.value($0.baseAddress!) }
        return (exact, name.withUnsafeBufferPointer { table.value(anyCase: $0) })
    }

    @Test("every name, in any case, and names a byte off, are found as a scan of the names finds them")
    func agreesWithScan() {
        var probes = Self.names.map { Array($0.utf8) }
        probes += probes.map { Array(String(decoding: $0, as: UTF8.self).uppercased().utf8) }
        for name in Self.names.map({ Array($0.utf8) }) {
            probes.append(name.dropLast() + [0x41])
            probes.append(name + [0x61])
            probes.append(Array(name.dropFirst()))
            probes.append(name.map { $0 == 0x2D ? 0x0D : $0 })
        }
        probes += [[], [0x20], [0x50], [0x70, 0x00], Array(repeating: 0x61, count: 16)]
        for probe in probes where !probe.contains(0) {
            #expect(Self.look(probe).exact == Self.scan(probe, folding: 0), "\(probe)")
            #expect(Self.look(probe).anyCase == Self.scan(probe, folding: 0x20), "\(probe)")
        }
    }

    @Test("the first of two entries with one name is the one found; the empty name is found only when there")
    func duplicatesAndEmpty() {
        let table = NameTable([(name: "p", value: 1), (name: "p", value: 2), (name: "", value: 3)])
        #expect(Array("P".utf8).withUnsafeBufferPointer { table.value(anyCase: $0) } == 1)
        #expect([UInt8]().withUnsafeBufferPointer { table.value(anyCase: $0) } == 3)
        let without = NameTable([(name: "p", value: 1)])
        #expect([UInt8]().withUnsafeBufferPointer { without.value(anyCase: $0) } == nil)
    }
}
