// The words of the journal's language as the byte readers compare them — the checker's
// scanner (`ChunkParser.scan`) and the export's field reader (`LineFields`) — from one table:
// a verb's keys in both spellings, each packed into two integers.

/// A word of the language packed into two integers, compared without touching memory
/// twice: verbs, keys and 类别 values are at most 16 bytes.
struct PackedWord {
    var length: Int
    var low: UInt64
    var high: UInt64
    init(_ text: String) {
        let bytes = Array(text.utf8)
        precondition(bytes.count <= 16, "packed words are at most 16 bytes")
        length = bytes.count
        // The pointer is used only inside the closure: it is valid nowhere else.
        (low, high) = bytes.withUnsafeBufferPointer { PackedWord.pack($0.baseAddress!, 0, bytes.count) }
    }
    /// Bytes from..<to (at most 16) as two little-endian integers, zero-padded. With eight
    /// readable bytes before `to` (from `floor` on), two loads ending at `to` instead of a
    /// loop: nothing outside floor..<to is read.
    @inline(__always)
    static func pack(_ base: UnsafePointer<UInt8>, _ from: Int, _ to: Int, floor: Int) -> (UInt64, UInt64) {
        let length = to - from
        guard length > 0, length <= 16, to - 8 >= floor else { return pack(base, from, to) }
        let raw = UnsafeRawPointer(base)
        let tail = raw.loadUnaligned(fromByteOffset: to - 8, as: UInt64.self)
        if length <= 8 { return (tail >> (8 * UInt64(8 - length)), 0) }
        let low = raw.loadUnaligned(fromByteOffset: from, as: UInt64.self)
        return (low, tail >> (8 * UInt64(16 - length)))
    }

    /// Bytes from..<to (at most 16) as two little-endian integers, zero-padded, a byte at a time.
    @inline(__always)
    static func pack(_ base: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> (UInt64, UInt64) {
        var low: UInt64 = 0, high: UInt64 = 0
        var offset = 0
        while from + offset < to {
            if offset < 8 { low |= UInt64(base[from + offset]) << (8 * UInt64(offset)) } else { high |= UInt64(base[from + offset]) << (8 * UInt64(offset - 8)) }
            offset += 1
        }
        return (low, high)
    }
    @inline(__always)
    func matches(_ length: Int, _ low: UInt64, _ high: UInt64) -> Bool {
        self.length == length && self.low == low && self.high == high
    }
}

/// A key a verb accepts, in one spelling, with the bit shared by both spellings (to notice
/// a key written twice).
struct KeyWord {
    var word: PackedWord
    var key: AttributeKey
    var bit: UInt32
}

extension KeyWord {
    /// Each verb's keys in both spellings, indexed by `place(of:)`.
    static let byVerb: [[KeyWord]] = Verb.allCases.map { verb in
        verb.allowedKeys.enumerated().flatMap { position, key in
            [
                KeyWord(word: PackedWord(key.chinese), key: key, bit: 1 << UInt32(position)),
                KeyWord(word: PackedWord(key.english), key: key, bit: 1 << UInt32(position)),
            ]
        }
    }

    /// The verb's place in `Verb.allCases` (which indexes `byVerb`).
    @inline(__always)
    static func place(of verb: Verb) -> Int { caseIndex(of: verb) }

    /// The key spelled by the packed bytes, among a verb's keys.
    @inline(__always)
    static func match(_ length: Int, _ low: UInt64, _ high: UInt64, among keys: [KeyWord]) -> KeyWord? {
        for candidate in keys where candidate.word.matches(length, low, high) { return candidate }
        return nil
    }
}
