import Foundation

/// How IDs are compared (spec §1 "IDs"): project, contract and voucher IDs, units and 文号
/// that are canonically equivalent in Unicode are the same ID. The interners compare bytes, so
/// every ID is interned in its NFC form; nearly all IDs are ASCII or plain CJK, which NFC
/// leaves as they are, and are checked without building a String.
enum IDText {
    /// Whether NFC certainly leaves these UTF-8 bytes unchanged: ASCII, and three-byte characters
    /// of the ranges that never compose or decompose (CJK symbols and unified ideographs,
    /// kana but its combining marks, Hangul syllables, full-width forms). Anything else (CJK
    /// compatibility ideographs, accents, combining marks) must be normalised first.
    static func isNormal(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            guard lead & 0xF0 == 0xE0, index + 2 < count else { return false }
            let scalar = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
            guard isStable(scalar) else { return false }
            index += 3
        }
        return true
    }

    /// CJK symbols and unified ideographs, kana but its combining marks, Hangul syllables,
    /// full-width forms.
    @inline(__always)
    private static func isStable(_ scalar: UInt32) -> Bool {
        (scalar >= 0x3000 && scalar <= 0x9FFF && scalar != 0x3099 && scalar != 0x309A)
            || (scalar >= 0xAC00 && scalar <= 0xD7A3) || (scalar >= 0xFF00 && scalar <= 0xFFEF)
    }

    /// The NFC form of an ID.
    static func normalized(_ text: String) -> String {
        var copy = text
        let normal = copy.withUTF8 { isNormal($0) }
        return normal ? text : text.precomposedStringWithCanonicalMapping
    }
}
