/// Validates UTF-8 strictly (no overlongs, no surrogates, nothing past U+10FFFF).
public enum UTF8Check {
    /// The offset of the first byte that breaks UTF-8, or nil when the bytes are valid.
    public static func firstInvalidOffset(_ bytes: ArraySlice<UInt8>) -> Int? {
        var index = bytes.startIndex
        let end = bytes.endIndex
        while index < end {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length: Int
            var lowerBound: UInt8 = 0x80
            var upperBound: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lowerBound = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upperBound = 0x9F
            case 0xF0: length = 4; lowerBound = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upperBound = 0x8F
            default: return index - bytes.startIndex
            }
            guard index + length <= end else { return index - bytes.startIndex }
            let second = bytes[index + 1]
            guard second >= lowerBound, second <= upperBound else { return index - bytes.startIndex }
            var offset = 2
            while offset < length {
                guard bytes[index + offset] & 0xC0 == 0x80 else { return index - bytes.startIndex }
                offset += 1
            }
            index += length
        }
        return nil
    }
}
