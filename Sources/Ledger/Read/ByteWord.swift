/// Eight bytes at a time: the word arithmetic the byte readers share (the checker's scanner,
/// the export's field reader and CSV writer) to look for a byte without a loop per byte.
public enum ByteWord {
    /// 0x01 in every byte: `ones &* b` is `b` in every byte.
    public static let ones: UInt64 = 0x0101_0101_0101_0101
    public static let highs: UInt64 = 0x8080_8080_8080_8080

    /// The high bit of each zero byte of `word` — exact for the lowest zero byte (a borrow can
    /// only mark bytes above it), so "any" and "the first" are exact.
    @inlinable @inline(__always)
    public static func zeroBytes(_ word: UInt64) -> UInt64 { (word &- ones) & ~word & highs }

    /// Whether any byte of `word` is zero.
    @inlinable @inline(__always)
    public static func hasZeroByte(_ word: UInt64) -> Bool { zeroBytes(word) != 0 }
}
