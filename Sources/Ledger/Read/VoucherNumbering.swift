import Dispatch

/// Gives every voucher mention of the journal an ID shared by all mentions of the same
/// voucher text: the ID is the index (in file order) of its first mention. Mentions are
/// sorted by hash — a radix sort, streaming through memory — so equal vouchers meet as
/// neighbours; equal hashes are confirmed byte for byte.
enum VoucherNumbering {
    /// The ID of each mention, mentions numbered across the chunks in order.
    static func number(_ chunks: [VoucherMentions]) -> [Int32] {
        var firstMention: [Int] = []
        var total = 0
        for chunk in chunks { firstMention.append(total); total += chunk.count }
        guard total > 0 else { return [] }
        var ids = [Int32](repeating: 0, count: total)
        // Two threads, each taking the mentions whose hash has its top bit: equal vouchers
        // have equal hashes, so each voucher is numbered wholly by one thread.
        ids.withUnsafeMutableBufferPointer { idBuffer in
            let output = idBuffer
            DispatchQueue.concurrentPerform(iterations: 2) { half in
                numberHalf(chunks, firstMention: firstMention, topBit: UInt64(half), into: output)
            }
        }
        return ids
    }

    private static func numberHalf(
        _ chunks: [VoucherMentions], firstMention: [Int], topBit: UInt64,
        into ids: UnsafeMutableBufferPointer<Int32>
    ) {
        // (upper 32 bits of the hash) << 32 | mention, sorted by the upper half; stable.
        var keys: [UInt64] = []
        keys.reserveCapacity(ids.count / 2 + 1024)
        var mention: UInt64 = 0
        for chunk in chunks {
            for hash in chunk.hashes {
                if hash >> 63 == topBit { keys.append(hash & 0xFFFF_FFFF_0000_0000 | mention) }
                mention += 1
            }
        }
        radixSortByUpperHalf(&keys)

        func locate(_ mention: Int) -> (chunk: Int, index: Int) {
            var chunk = firstMention.count - 1
            while firstMention[chunk] > mention { chunk -= 1 }
            return (chunk, mention - firstMention[chunk])
        }
        func sameVoucher(_ a: Int, _ b: Int) -> Bool {
            let x = locate(a), y = locate(b)
            guard chunks[x.chunk].hashes[x.index] == chunks[y.chunk].hashes[y.index] else { return false }
            return chunks[x.chunk].withBytes(x.index) { left in chunks[y.chunk].withBytes(y.index) { ByteInterner.bytesEqual(left, $0) } }
        }

        let count = keys.count
        var representatives: [Int] = []  // reused by every run: no allocation per voucher
        var runStart = 0
        while runStart < count {
            var runEnd = runStart + 1
            let upper = keys[runStart] >> 32
            while runEnd < count, keys[runEnd] >> 32 == upper { runEnd += 1 }
            if runEnd - runStart == 1 {
                let only = Int(keys[runStart] & 0xFFFF_FFFF)
                ids[only] = Int32(only)
            } else {
                // A run of equal upper hashes: usually one voucher named several times. Each
                // mention joins the first earlier mention with the same text (mentions are in
                // file order within the run, the sort being stable).
                representatives.removeAll(keepingCapacity: true)
                for position in runStart..<runEnd {
                    let current = Int(keys[position] & 0xFFFF_FFFF)
                    if let same = representatives.first(where: { sameVoucher($0, current) }) {
                        ids[current] = Int32(same)
                    } else {
                        representatives.append(current)
                        ids[current] = Int32(current)
                    }
                }
            }
            runStart = runEnd
        }
    }

    /// LSD radix sort on bits 32..<63 (the top bit is the same in a half), sixteen and fifteen
    /// bits a pass; stable.
    static func radixSortByUpperHalf(_ keys: inout [UInt64]) {
        var scratch = [UInt64](repeating: 0, count: keys.count)
        for shift in [UInt64(32), 48] {
            var counts = [Int](repeating: 0, count: 65_537)
            for key in keys { counts[Int((key >> shift) & 0xFFFF) + 1] += 1 }
            for digit in 1..<counts.count { counts[digit] += counts[digit - 1] }
            for key in keys {
                let digit = Int((key >> shift) & 0xFFFF)
                scratch[counts[digit]] = key
                counts[digit] += 1
            }
            swap(&keys, &scratch)
        }
    }
}
