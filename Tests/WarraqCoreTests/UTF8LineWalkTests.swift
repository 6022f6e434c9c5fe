import Testing
import WarraqCore
import WarraqTestSupport

/// `UTF8Validation.check(_:lineEnds:)` validates and splits in one walk, a chunk at a time: its
/// verdicts must be `String(validating:)`'s, and its lines `LineReader.next()`'s.
@Suite("One walk that validates UTF-8 and finds line ends")
struct UTF8LineWalkTests {
    /// Pieces that land on every side of the chunk edges: line ends, scalars of each length,
    /// and the bytes that break them (stray continuations, cut leads, overlong forms,
    /// surrogates, scalars past U+10FFFF).
    static let pieces: [[UInt8]] = [
        [0x41], [0x20], [0x0A], [0x0D], [0x0D, 0x0A], [0x0A, 0x0D], Array("ب".utf8), Array("سلام".utf8), Array("é".utf8),
        Array("€".utf8), Array("—".utf8), Array("😀".utf8), [0x80], [0xBF], [0xC0, 0xAF], [0xC2], [0xD8], [0xDF],
        [0xE0, 0x80], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF0, 0x9F], [0xF4, 0x90, 0x80, 0x80], [0xFF],
    ]

    static func agree(_ bytes: [UInt8]) {
        var ends: [(end: Int, next: Int)] = []
        let (valid, ascii) = bytes.withUnsafeBufferPointer { UTF8Validation.check($0, lineEnds: &ends) }
        #expect(valid == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
        if valid { #expect(ascii == bytes.allSatisfy { $0 < 0x80 }, "\(bytes)") }
        var reader = LineReader(bytes: bytes)
        var lines: [Range<Int>] = []
        while let line = try? reader.next() { lines.append(line.bytes.startIndex..<line.bytes.endIndex) }
        let walked = zip([0] + ends.map(\.next), ends.map(\.end)).map { $0..<$1 }
        #expect(walked == lines, "\(bytes)")
        #expect(ends.last?.next ?? 0 == bytes.count, "\(bytes)")
    }

    @Test("random mixes of scalars, line ends and invalid bytes")
    func randomBytes() {
        var random = SplitMix64(seed: 21)
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            // Mostly valid text, so that the walk gets far before a bad piece.
            let bad = Int.random(in: 0..<4, using: &random)
            for _ in 0..<Int.random(in: 0..<40, using: &random) {
                let piece = Self.pieces[Int.random(in: 0..<(bad == 0 ? Self.pieces.count : 12), using: &random)]
                bytes += piece
            }
            Self.agree(bytes)
        }
    }

    @Test("every piece after every run of two-byte text and spaces, at every chunk offset")
    func everyPieceAtEveryOffset() {
        // Long enough for the pieces to land in every lane of the 64-byte steps, after the
        // first chunk (which the DFA reads) and before the bytes left for the tail.
        let text = Array(String(repeating: "في القاهرة قال ", count: 6).utf8)
        for lead in 0..<160 {
            for piece in Self.pieces {
                for tail in [[], text, Array(repeating: UInt8(0x20), count: 17)] {
                    Self.agree(Array(text.prefix(lead)) + Array(repeating: 0x20, count: max(0, lead - text.count)) + piece + tail)
                }
            }
        }
    }

    @Test("random bytes of any value")
    func anyBytes() {
        var random = SplitMix64(seed: 7)
        for _ in 0..<5_000 {
            Self.agree((0..<Int.random(in: 0..<70, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) })
        }
    }
}
