import Testing
import Sales

@Suite struct SegmentationTests {
    @Test func quantileBucketsOnDistinctValues() {
        let v = (1...9).map(Double.init)
        let s = Segmentation(value: v, potential: v.reversed(), valueBuckets: 3, potentialBuckets: 3)
        #expect(s.valueEdges == [4, 7])
        #expect(s.valueBucket == [0, 0, 0, 1, 1, 1, 2, 2, 2])
        #expect(s.potentialBucket == [2, 2, 2, 1, 1, 1, 0, 0, 0])
        #expect(s.label(0) == "V1·P3")
    }

    @Test func tiesShareABucketAndDuplicateEdgesAreDropped() {
        // Half the accounts have value 0: quartile edges 0, 0, 3 → only the edge 3 survives
        // (an edge at the minimum would leave the lowest bucket empty).
        let v: [Double] = [0, 0, 0, 0, 0, 0, 3, 4]
        let s = Segmentation(value: v, potential: v, valueBuckets: 4, potentialBuckets: 1)
        #expect(s.valueEdges == [3])
        #expect(s.valueCount == 2)
        #expect(s.valueBucket == [0, 0, 0, 0, 0, 0, 1, 1])
        #expect(s.potentialCount == 1)
        // Every bucket that exists has accounts.
        for b in 0..<s.valueCount { #expect(s.valueBucket.contains(UInt8(b))) }
    }
}
