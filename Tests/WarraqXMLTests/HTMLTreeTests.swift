import Testing
@testable import WarraqXML

@Suite("HTML tree")
struct HTMLTreeTests {
    @Test("a word's space mask marks exactly the bytes FoldedText takes for ASCII spaces, wherever they stand")
    func spaceMask() {
        for filler in [UInt8(0x00), 0x20, 0x41, 0x7F, 0x80, 0x89, 0xA0, 0xD8, 0xFF] {
            for byte in UInt8.min...UInt8.max {
                for position in 0..<8 {
                    var bytes = [UInt8](repeating: filler, count: 8)
                    bytes[position] = byte
                    let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                    var expected: UInt64 = 0
                    for (index, value) in bytes.enumerated() where FoldedText.isASCIISpace(value) { expected |= 0x80 << (8 * index) }
                    #expect(HTMLTree.spaceMask(word) == expected, "byte \(byte) at \(position) among \(filler)")
                }
            }
        }
    }

    @Test("text sizes count the bytes that are no ASCII space, summed up the tree, in pieces of any length")
    func textSize() throws {
        let words = String(repeating: "كلمة\tو word\r\n", count: 300)
        let tree = try #require(HTMLTreeBuilder.parse(Array("<html><body><div><p>\(words)</p><p>a b</p></div></body></html>".utf8), encoding: "UTF-8")).tree
        let paragraphs = tree.nodes(.p)
        let expected = words.utf8.filter { !FoldedText.isASCIISpace($0) }.count
        #expect(Int(tree.textSize[paragraphs[0]]) == expected)
        #expect(tree.textSize[paragraphs[1]] == 2)
        let div = try #require(tree.nodes(.div).first)
        #expect(Int(tree.textSize[div]) == expected + 2)
        #expect(tree.end(div) == paragraphs[1] + 2)
    }

    @Test("a column keeps its values in order as it grows, a value or a run at a time")
    func column() {
        var column = HTMLTree.Column<Int32>(capacity: 1)
        for value in 0..<40 { column.append(Int32(value)) }
        let run = (40..<100).map(Int32.init)
        run.withUnsafeBufferPointer { column.append(contentsOf: $0) }
        #expect(column.array == (0..<100).map(Int32.init))
        column.last = 7
        #expect(column.removeLast() == 7)
        #expect(column.count == 99 && column.last == 98 && column[3] == 3)
    }
}
