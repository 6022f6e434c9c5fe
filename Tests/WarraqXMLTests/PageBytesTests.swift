import Testing
@testable import WarraqXML

struct PageBytesTests {
    @Test func keepsEveryByteAcrossGrowth() {
        let page = PageBytes(capacity: 4)
        var expected: [UInt8] = []
        for round in 0..<50 {
            let span = (0..<round).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ round) }
            span.withUnsafeBufferPointer { page.append($0) }
            page.append(UInt8(round))
            expected += span + [UInt8(round)]
        }
        #expect(page.count == expected.count)
        #expect(page.array == expected)
    }

    @Test func reservesWithoutWriting() {
        let page = PageBytes()
        page.reserve(1_000)
        #expect(page.count == 0)
        #expect(page.array.isEmpty)
    }
}
