import Testing
@testable import WarraqXML

struct UnreadMarkupByteClassTests {
    /// The table the scan's loops read agrees with the rules spelled out byte by byte.
    @Test func tableAgreesWithTheRules() {
        for value in 0..<256 {
            let byte = UInt8(value)
            let classes = UnreadMarkup.ByteClass(rawValue: UnreadMarkup.byteClasses[value])
            let letter = (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            let digit = (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
            let blank = [0x20, 0x09, 0x0A, 0x0D].contains(byte)
            #expect(classes.contains(.letter) == letter, "\(value)")
            #expect(classes.contains(.blank) == blank, "\(value)")
            #expect(classes.contains(.nameByte) == (letter || digit || Array(":-_.".utf8).contains(byte)), "\(value)")
            #expect(classes.contains(.nameStart) == (letter || Array("_:".utf8).contains(byte)), "\(value)")
            #expect(classes.contains(.valueEnd) == (blank || byte == UInt8(ascii: ">")), "\(value)")
        }
    }
}
