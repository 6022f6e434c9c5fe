extension HTMLTree {
    /// Where node `node`'s attributes are in `attributeNames` and `attributeValues`: a caller
    /// that wants several of them reads them in one pass instead of one search each.
    func attributeIndices(_ node: Int) -> Range<Int> {
        Int(attributeStarts[node])..<(node + 1 < count ? Int(attributeStarts[node + 1]) : attributeNames.count)
    }
}
