import Testing
@testable import WarraqXML

struct PageBytesTests {
    @Test func keepsEveryByteAcrossGrowth() {
        var page = PageBytes(capacity: 4)
        var expected: [UInt8] = []
        for round in 0..<50 {
            let span = (0..<round).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ round) }
            span.withUnsafeBufferPointer { page.append(contentsOf: $0) }
            page.append(UInt8(round))
            page.append(0x0A, times: round % 3)
            expected += span + [UInt8(round)] + Array(repeating: 0x0A, count: round % 3)
        }
        #expect(page.count == expected.count)
        #expect(page.array == expected)
    }

    @Test func reservesWithoutWriting() {
        var page = PageBytes()
        page.reserve(1_000)
        page.append(0x20, times: 0)
        #expect(page.count == 0)
        #expect(page.array.isEmpty)
    }

    @Test func appendsTheFirstBytesOfTwoWords() {
        var page = PageBytes(capacity: 4)
        var expected: [UInt8] = []
        let low: UInt64 = 0x0807_0605_0403_0201
        let high: UInt64 = 0x100F_0E0D_0C0B_0A09
        for length in 0...16 {
            page.append(low, high, count: length)
            page.append(0xFF)
            expected += Array(1...16).prefix(length) + [0xFF]
        }
        #expect(page.array == expected)
    }
}
