/// Validates UTF-8 strictly (no overlongs, no surrogates, nothing past U+10FFFF).
public enum UTF8Check {
    /// The offset of the first byte that breaks UTF-8, or nil when the bytes are valid.
    public static func firstInvalidOffset(_ bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress else { return nil }
            var index = 0
            while index < buffer.count {
                if base[index] < 0x80 { index += 1; continue }
                let length = sequenceLength(base, index, buffer.count)
                if length == 0 { return index }
                index += length
            }
            return nil
        }
    }

    /// The length of the valid sequence that starts with the byte ≥ 0x80 at `index` (and ends
    /// by `end`), or 0 when it is not valid UTF-8.
    @inline(__always)
    public static func sequenceLength(_ base: UnsafePointer<UInt8>, _ index: Int, _ end: Int) -> Int {
        let length: Int
        var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
        switch base[index] {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: return 0
        }
        guard index + length <= end else { return 0 }
        let second = base[index + 1]
        guard second >= lower, second <= upper else { return 0 }
        var offset = 2
        while offset < length {
            guard base[index + offset] & 0xC0 == 0x80 else { return 0 }
            offset += 1
        }
        return length
    }
}
