import WarraqCore

extension HTMLTree {
    /// Where node `node`'s first attribute numbered `wanted` (`HTMLAttribute`) is in
    /// `attributeNames`: the one `attribute(_:_:)` reads.
    func attributeIndex(_ node: Int, _ wanted: UInt8) -> Int? {
        attributeIndices(node).first { attributeNames[$0] == wanted }
    }

    /// Whether attributes `first` and `second` have equal values as strings compare them
    /// (canonical equivalence): by their bytes when those are equal or all ASCII, with no
    /// string made.
    func attributeValuesEqual(_ first: Int, _ second: Int) -> Bool {
        attributeBytes.withUnsafeBufferPointer { bytes in
            let one = UnsafeBufferPointer(rebasing: bytes[Int(attributeRanges[first].lowerBound)..<Int(attributeRanges[first].upperBound)])
            let other = UnsafeBufferPointer(rebasing: bytes[Int(attributeRanges[second].lowerBound)..<Int(attributeRanges[second].upperBound)])
            if ByteSearch.same(one, other) { return true }
            if one.allSatisfy({ $0 < 0x80 }) && other.allSatisfy({ $0 < 0x80 }) { return false }
            return String(decoding: one, as: UTF8.self) == String(decoding: other, as: UTF8.self)
        }
    }

    /// The value of attribute `index` as a string.
    func attributeValue(_ index: Int) -> String {
        withAttributeValue(index) { String(decoding: $0, as: UTF8.self) }
    }
}
