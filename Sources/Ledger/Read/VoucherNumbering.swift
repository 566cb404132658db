import Dispatch

/// Gives every voucher mention of the journal an ID shared by all mentions of the same
/// voucher text: the ID is the index (in file order) of its first mention.
///
/// Two steps, both streaming through memory rather than probing a table per line:
/// 1. *Propose*: mentions are radix-sorted by hash, so equal hashes meet as neighbours; each
///    mention is proposed the first mention with its 64-bit hash.
/// 2. *Confirm*: in file order, each mention's bytes are compared with its proposal's (a
///    voucher's mentions lie close together in the file, so the proposal's bytes are usually
///    still in cache). A mention whose bytes differ — two texts with one hash, which a
///    hostile journal can make — sends its whole hash group to the exact, slow path.
enum VoucherNumbering {
    /// The ID of each mention, mentions numbered across the chunks in order.
    static func number(_ chunks: [VoucherMentions]) -> [Int32] {
        let mentions = MentionIndex(chunks)
        guard mentions.total > 0 else { return [] }
        var ids = [Int32](repeating: 0, count: mentions.total)
        ids.withUnsafeMutableBufferPointer { idBuffer in
            let output = idBuffer
            // Two threads, each taking the mentions whose hash has its top bit: equal vouchers
            // have equal hashes, so each hash group is proposed wholly by one thread.
            DispatchQueue.concurrentPerform(iterations: 2) { half in
                propose(mentions, topBit: UInt64(half), into: output)
            }
            let collided = confirm(mentions, ids: output)
            if !collided.isEmpty { numberExactly(mentions, hashes: collided, into: output) }
        }
        return ids
    }

    /// A mention's hash with its index, sorted by the hash.
    struct Keyed {
        var hash: UInt64
        var mention: Int
    }

    /// Proposes, for each mention whose hash has this top bit, the first mention with its hash.
    private static func propose(_ mentions: MentionIndex, topBit: UInt64, into ids: UnsafeMutableBufferPointer<Int32>) {
        var keys: [Keyed] = []
        keys.reserveCapacity(mentions.total / 2 + 1024)
        var mention = 0
        for chunk in mentions.chunks {
            for hash in chunk.hashes {
                if hash >> 63 == topBit { keys.append(Keyed(hash: hash, mention: mention)) }
                mention += 1
            }
        }
        radixSortByUpperHalf(&keys)
        var runStart = 0
        while runStart < keys.count {
            // A run of equal upper halves; within it (stable sort) mentions are in file order.
            let upper = keys[runStart].hash >> 32
            var runEnd = runStart + 1
            while runEnd < keys.count, keys[runEnd].hash >> 32 == upper { runEnd += 1 }
            var mixed = false
            for position in runStart..<runEnd where keys[position].hash != keys[runStart].hash { mixed = true; break }
            if mixed { keys[runStart..<runEnd].sort { ($0.hash, $0.mention) < ($1.hash, $1.mention) } }
            var groupStart = runStart
            for position in runStart..<runEnd {
                if keys[position].hash != keys[groupStart].hash { groupStart = position }
                ids[keys[position].mention] = Int32(keys[groupStart].mention)
            }
            runStart = runEnd
        }
    }

    /// Compares every mention's bytes with its proposal's, the mentions split in two ranges on
    /// two threads; returns the hashes whose group holds different texts (in practice none).
    private static func confirm(_ mentions: MentionIndex, ids: UnsafeMutableBufferPointer<Int32>) -> [UInt64] {
        let total = mentions.total
        let middle = total / 2
        var collided: [[UInt64]] = [[], []]
        collided.withUnsafeMutableBufferPointer { results in
            let out = results
            DispatchQueue.concurrentPerform(iterations: 2) { part in
                var found: [UInt64] = []
                for mention in (part == 0 ? 0..<middle : middle..<total) where Int(ids[mention]) != mention {
                    if !mentions.sameBytes(mention, Int(ids[mention])) { found.append(mentions.hash(mention)) }
                }
                out[part] = found
            }
        }
        return Array(Set(collided.joined()))
    }

    /// The mentions of these hash groups numbered exactly, by their bytes: each joins the first
    /// mention with the same text.
    private static func numberExactly(_ mentions: MentionIndex, hashes: [UInt64], into ids: UnsafeMutableBufferPointer<Int32>) {
        let wanted = Set(hashes)
        var first: [[UInt8]: Int32] = [:]
        for mention in 0..<mentions.total where wanted.contains(mentions.hash(mention)) {
            let text = mentions.bytes(mention)
            if let same = first[text] {
                ids[mention] = same
            } else {
                first[text] = Int32(mention)
                ids[mention] = Int32(mention)
            }
        }
    }

    /// LSD radix sort on bits 32..<63 (the top bit is the same in a half), sixteen and fifteen
    /// bits a pass; stable.
    static func radixSortByUpperHalf(_ keys: inout [Keyed]) {
        var scratch = [Keyed](repeating: Keyed(hash: 0, mention: 0), count: keys.count)
        for shift in [UInt64(32), 48] {
            var counts = [Int](repeating: 0, count: 65_537)
            for key in keys { counts[Int((key.hash >> shift) & 0xFFFF) + 1] += 1 }
            for digit in 1..<counts.count { counts[digit] += counts[digit - 1] }
            for key in keys {
                let digit = Int((key.hash >> shift) & 0xFFFF)
                scratch[counts[digit]] = key
                counts[digit] += 1
            }
            swap(&keys, &scratch)
        }
    }
}

/// The chunks' voucher mentions numbered across the chunks in file order.
struct MentionIndex: @unchecked Sendable {
    let chunks: [VoucherMentions]
    /// The index of each chunk's first mention.
    let firstMention: [Int]
    let total: Int

    init(_ chunks: [VoucherMentions]) {
        self.chunks = chunks
        var firsts: [Int] = []
        var total = 0
        for chunk in chunks {
            firsts.append(total)
            total += chunk.count
        }
        firstMention = firsts
        self.total = total
    }

    @inline(__always)
    func locate(_ mention: Int) -> (chunk: Int, index: Int) {
        var chunk = firstMention.count - 1
        while firstMention[chunk] > mention { chunk -= 1 }
        return (chunk, mention - firstMention[chunk])
    }

    func hash(_ mention: Int) -> UInt64 {
        let place = locate(mention)
        return chunks[place.chunk].hashes[place.index]
    }

    func bytes(_ mention: Int) -> [UInt8] {
        let place = locate(mention)
        return chunks[place.chunk].withBytes(place.index) { Array($0) }
    }

    func sameBytes(_ a: Int, _ b: Int) -> Bool {
        let x = locate(a), y = locate(b)
        return chunks[x.chunk].withBytes(x.index) { left in chunks[y.chunk].withBytes(y.index) { ByteInterner.bytesEqual(left, $0) } }
    }
}
