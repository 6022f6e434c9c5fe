extension HTMLTree {
    /// Where node `node`'s attributes are in `attributeNames` and `attributeValues`: a caller
    /// that wants several of them reads them in one pass instead of one search each.
    func attributeIndices(_ node: Int) -> Range<Int> {
        Int(attributeStarts[node])..<(node + 1 < count ? Int(attributeStarts[node + 1]) : attributeNames.count)
    }

    /// Calls `body` with the bytes of attribute `index`'s value, for a caller that needs no string.
    func withAttributeValue<Result>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let range = Int(attributeRanges[index].lowerBound)..<Int(attributeRanges[index].upperBound)
        return attributeBytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }
}
