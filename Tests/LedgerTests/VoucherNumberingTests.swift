import TestSupport
import XCTest

@testable import Ledger

/// Voucher numbering proposes by hash and confirms by bytes: each mention's ID is the index of
/// the first mention with the same text, even when different texts share a hash.
final class VoucherNumberingTests: XCTestCase {
    /// Mentions of these texts split into chunks, with hashes optionally forced.
    private func mentions(_ chunks: [[String]], hash: ((String) -> UInt64)? = nil) -> [VoucherMentions] {
        chunks.map { texts in
            var chunk = VoucherMentions()
            for text in texts {
                _ = chunk.add(text)
                if let hash { chunk.hashes[chunk.hashes.count - 1] = hash(text) }
            }
            return chunk
        }
    }

    /// The reference: the first mention of each text, by a dictionary.
    private func expected(_ chunks: [[String]]) -> [Int32] {
        var first: [String: Int32] = [:]
        return chunks.joined().enumerated().map { index, text in
            if let seen = first[text] { return seen }
            first[text] = Int32(index)
            return Int32(index)
        }
    }

    func testEqualTextsShareTheFirstMentionAcrossChunks() {
        let chunks = [["记-1", "记-2", "记-1"], ["记-3", "记-2", "记-1"]]
        XCTAssertEqual(VoucherNumbering.number(mentions(chunks)), [0, 1, 0, 3, 1, 0])
    }

    func testDifferentTextsWithOneHashAreToldApart() {
        // Every text hashes alike (both halves of the hash space, the top bit varies by text):
        // only the bytes tell them apart.
        let chunks = [["A", "B", "A", "C"], ["B", "C", "D", "A"]]
        let ids = VoucherNumbering.number(mentions(chunks) { _ in 42 })
        XCTAssertEqual(ids, [0, 1, 0, 3, 1, 3, 6, 0])
    }

    func testRandomTextsWithFewHashesMatchTheReference() {
        var generator = SystemRandomNumberGenerator()
        let seed = UInt64.random(in: 0...UInt64.max, using: &generator)
        print("VoucherNumberingTests seed \(seed)")
        var random = SplitMix64(seed: seed)
        for _ in 0..<50 {
            let chunkCount = 1 + Int(random.next() % 3)
            let chunks = (0..<chunkCount).map { _ in
                (0..<Int(random.next() % 40)).map { _ in "记-\(random.next() % 12)" }
            }
            // Four hash values, two with the top bit set: collisions in both halves.
            let buckets: [UInt64] = [1, 1 << 40, 1 << 63 | 5, 1 << 63 | 1 << 33]
            let ids = VoucherNumbering.number(mentions(chunks) { text in buckets[Int(text.utf8.last! % 4)] })
            XCTAssertEqual(ids, expected(chunks), "seed \(seed)")
            XCTAssertEqual(VoucherNumbering.number(mentions(chunks)), expected(chunks), "seed \(seed), real hashes")
        }
    }
}
