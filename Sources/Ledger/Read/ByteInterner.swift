/// Interns byte strings (project IDs, vouchers, contract IDs, 文号) as dense `Int32` IDs
/// without creating a `String` per entry: the bytes are copied once into an arena and found
/// again through an open-addressing table. Each slot holds the ID and 32 bits of the hash, so
/// a probe touches one slot and compares bytes only on a likely match — on a million
/// vouchers the table, not the arithmetic, is what costs.
struct ByteInterner {
    private var arena: [UInt8] = []
    /// Start of each ID's bytes in `arena`; ID i spans starts[i]..<starts[i + 1].
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// 0 = empty; otherwise the hash's upper 32 bits, then ID + 1 in the lower 32.
    private var slots: [UInt64]
    private var mask: Int

    init(capacity: Int = 256) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    var count: Int { hashes.count }

    /// The ID of these bytes, adding them when new.
    mutating func intern(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = ByteInterner.hash(bytes)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let held = slots[slot]
            if held == 0 { break }
            if held & 0xFFFF_FFFF_0000_0000 == tag {
                let id = Int(held & 0xFFFF_FFFF) - 1
                if equals(id, bytes) { return Int32(id) }
            }
            slot = (slot + 1) & mask
        }
        let id = hashes.count
        hashes.append(hash)
        arena.append(contentsOf: bytes)
        starts.append(arena.count)
        slots[slot] = tag | UInt64(id + 1)
        if hashes.count * 2 > slots.count { grow() }
        return Int32(id)
    }

    /// The ID of these bytes, if they were interned.
    func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = ByteInterner.hash(bytes)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let held = slots[slot]
            if held & 0xFFFF_FFFF_0000_0000 == tag, equals(Int(held & 0xFFFF_FFFF) - 1, bytes) { return Int32(held & 0xFFFF_FFFF) - 1 }
            slot = (slot + 1) & mask
        }
        return nil
    }

    func find(_ text: String) -> Int32? {
        var text = IDText.normalized(text)
        return text.withUTF8 { find($0) }
    }

    mutating func intern(_ text: String) -> Int32 {
        var text = text
        return text.withUTF8 { intern($0) }
    }

    func string(_ id: Int32) -> String {
        withBytes(id) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the bytes of `id`.
    func withBytes<R>(_ id: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        let index = Int(id)
        return arena.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[starts[index]..<starts[index + 1]]))
        }
    }

    private func equals(_ id: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[id], end = starts[id + 1]
        guard end - start == bytes.count else { return false }
        return arena.withUnsafeBufferPointer { held in
            ByteInterner.bytesEqual(UnsafeBufferPointer(rebasing: held[start..<end]), bytes)
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [UInt64](repeating: 0, count: size)
        mask = size - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = hash & 0xFFFF_FFFF_0000_0000 | UInt64(id + 1)
        }
    }

    /// Equal-length byte runs compared eight bytes at a time.
    @inline(__always)
    static func bytesEqual(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let x = a.baseAddress, let y = b.baseAddress else { return true }
        let raw1 = UnsafeRawPointer(x), raw2 = UnsafeRawPointer(y)
        var offset = 0
        while offset + 8 <= a.count {
            if raw1.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != raw2.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
            offset += 8
        }
        while offset < a.count {
            if x[offset] != y[offset] { return false }
            offset += 1
        }
        return true
    }

    /// A multiply-xorshift hash taking eight bytes at a time; the length is mixed in so
    /// that runs differing only in trailing zero bytes differ.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= bytes.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(base[offset]) << shift
            shift += 8
            offset += 1
        }
        hash = (hash ^ tail) &* 0x94D0_49BB_1331_11EB
        hash ^= hash >> 29
        hash = hash &* 0xBF58_476D_1CE4_E5B9
        return hash ^ (hash >> 32)
    }
}
