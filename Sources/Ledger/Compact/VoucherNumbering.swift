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

        // (upper 32 bits of the hash) << 32 | mention, sorted by the upper half; stable.
        var keys = [UInt64](repeating: 0, count: total)
        var mention = 0
        for chunk in chunks {
            for hash in chunk.hashes {
                keys[mention] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(mention)
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

        var ids = [Int32](repeating: 0, count: total)
        var runStart = 0
        while runStart < total {
            var runEnd = runStart + 1
            let upper = keys[runStart] >> 32
            while runEnd < total, keys[runEnd] >> 32 == upper { runEnd += 1 }
            if runEnd - runStart == 1 {
                let only = Int(keys[runStart] & 0xFFFF_FFFF)
                ids[only] = Int32(only)
            } else {
                // A run of equal upper hashes: usually one voucher named several times. Each
                // mention joins the first earlier mention with the same text (mentions are in
                // file order within the run, the sort being stable).
                var representatives: [Int] = []
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
        return ids
    }

    /// LSD radix sort on bits 32..<64, sixteen bits a pass; stable.
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
