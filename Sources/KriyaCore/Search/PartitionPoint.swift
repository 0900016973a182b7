extension RandomAccessCollection {
    /// The first index whose element is not `before` (the collection ordered so that every
    /// such element comes first): a binary search, for sorted keys and ids.
    public func partitionPoint(where before: (Element) -> Bool) -> Index {
        var low = startIndex, count = self.count
        while count > 0 {
            let half = count / 2
            let mid = index(low, offsetBy: half)
            if before(self[mid]) {
                low = index(after: mid)
                count -= half + 1
            } else {
                count = half
            }
        }
        return low
    }
}
