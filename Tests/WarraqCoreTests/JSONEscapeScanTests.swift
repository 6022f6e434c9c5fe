import Testing
@testable import WarraqCore

@Suite("JSON escape scan")
struct JSONEscapeScanTests {
    /// The rule the vector scan must agree with, one byte at a time.
    static func slowFirstEscape(_ bytes: [UInt8], from start: Int) -> Int {
        bytes[start...].firstIndex { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") } ?? bytes.count
    }

    @Test("the vector scan finds the byte the byte rule finds, for every byte value, around each block's edges and in the last block")
    func agreesWithByteRule() {
        // Around the escaped values and the non-ASCII half, none needing an escape.
        let others: [UInt8] = [0xD8, 0x61, 0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F, 0x80, 0xFF]
        var mismatches: [String] = []
        for byte in UInt8.min...UInt8.max {
            for length in [1, 2, 15, 16, 17, 18, 31, 32, 33, 47, 50, 63, 64, 65, 80, 129] {
                for position in 0..<length {
                    var bytes = (0..<length).map { others[$0 % others.count] }
                    bytes[position] = byte
                    for start in Set([0, 1, position, length]) where start <= length {
                        let found = bytes.withUnsafeBufferPointer { JSONWriter.firstEscape(in: $0, from: start) }
                        if found != Self.slowFirstEscape(bytes, from: start) {
                            mismatches.append("byte \(byte) at \(position) of \(length), from \(start): \(found)")
                        }
                    }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }
}
