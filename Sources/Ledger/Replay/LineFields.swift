/// The fields of an accepted line read straight from its bytes, as the `Tokenizer` reads
/// them — blanks (space, tab, U+3000) between fields, `KEY=VALUE`, values in double quotes
/// with `\"` and `\\` — without building a string per field. It is for lines the checker
/// accepted, so it judges nothing: anything it does not expect (a key the verb does not
/// take, a key twice, a stray quote) makes `split` return false, and the caller reads the
/// line with the full parser (`Journal.entry(of:)`) instead.
public struct LineFields {
    /// The line itself, then the values that had escapes, unescaped: the ranges below index it
    /// (a value without escapes is where the line has it).
    public private(set) var text: [UInt8] = []
    /// The positional fields after the date and the verb (项目编号, 金额 …).
    public private(set) var positionals: [Range<Int>] = []
    /// The attributes in the order written.
    public private(set) var attributes: [(key: AttributeKey, value: Range<Int>)] = []

    public init() {
        text.reserveCapacity(512)
        positionals.reserveCapacity(4)
        attributes.reserveCapacity(8)
    }

    /// Reads `line`, an accepted line of `verb`. False when the line holds anything this
    /// reader leaves to the full parser.
    public mutating func split(_ line: UnsafeBufferPointer<UInt8>, verb: Verb) -> Bool {
        text.removeAll(keepingCapacity: true)
        positionals.removeAll(keepingCapacity: true)
        attributes.removeAll(keepingCapacity: true)
        guard let base = line.baseAddress else { return false }
        let end = line.count
        text.append(contentsOf: line)
        let keys = KeyWord.byVerb[KeyWord.place(of: verb)]
        var index = 0
        var fields = 0
        var seen: UInt32 = 0
        while true {
            index = LineFields.skipBlanks(base, index, end)
            if index == end { break }
            fields += 1
            if base[index] == UInt8(ascii: "\"") {
                guard fields > 2, let value = readQuoted(base, &index, end) else { return false }
                positionals.append(value)
                continue
            }
            let tokenStart = index
            index = LineFields.tokenEnd(base, index, end)
            if index < end, base[index] == UInt8(ascii: "\"") { return false }
            guard index < end, base[index] == UInt8(ascii: "=") else {
                // The date and the verb are the checker's; the other positional fields are text.
                if fields > 2 { positionals.append(tokenStart..<index) }
                continue
            }
            guard fields > 2, index - tokenStart <= 16 else { return false }
            let (low, high) = PackedWord.pack(base, tokenStart, index, floor: 0)
            guard let key = KeyWord.match(index - tokenStart, low, high, among: keys), seen & key.bit == 0 else { return false }
            seen |= key.bit
            index += 1
            let value: Range<Int>
            if index < end, base[index] == UInt8(ascii: "\"") {
                guard let quoted = readQuoted(base, &index, end) else { return false }
                value = quoted
            } else {
                let valueStart = index
                index = LineFields.tokenEnd(base, index, end)
                guard index > valueStart, index == end || LineFields.blankLength(base, index, end) > 0 else { return false }
                value = valueStart..<index
            }
            attributes.append((key.key, value))
        }
        return fields >= 2
    }

    /// The value of a key, if the line writes it.
    public func value(_ key: AttributeKey) -> Range<Int>? {
        attributes.first { $0.key == key }?.value
    }

    /// A quoted value from its opening quote; `index` ends past the closing quote, which a
    /// blank or the end of the line must follow. A value with escapes is unescaped after the
    /// line in `text`.
    private mutating func readQuoted(_ base: UnsafePointer<UInt8>, _ index: inout Int, _ end: Int) -> Range<Int>? {
        index += 1
        let valueStart = index
        var unescaped: Int?  // where the unescaped copy starts in `text`, once an escape is met
        var run = index
        let raw = UnsafeRawPointer(base)
        while index < end {
            if index + 8 <= end {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let found = ByteWord.zeroBytes(word ^ (ByteWord.ones &* 0x22)) | ByteWord.zeroBytes(word ^ (ByteWord.ones &* 0x5C))
                if found == 0 {
                    index += 8
                    continue
                }
                index += found.trailingZeroBitCount / 8
            }
            let byte = base[index]
            if byte == UInt8(ascii: "\"") {
                var value = valueStart..<index
                if let start = unescaped {
                    text.append(contentsOf: UnsafeBufferPointer(start: base + run, count: index - run))
                    value = start..<text.count
                }
                index += 1
                guard index == end || LineFields.blankLength(base, index, end) > 0 else { return nil }
                return value
            }
            if byte == UInt8(ascii: "\\") {
                guard index + 1 < end, base[index + 1] == UInt8(ascii: "\"") || base[index + 1] == UInt8(ascii: "\\") else { return nil }
                if unescaped == nil { unescaped = text.count }
                text.append(contentsOf: UnsafeBufferPointer(start: base + run, count: index - run))
                text.append(base[index + 1])
                index += 2
                run = index
                continue
            }
            index += 1
        }
        return nil
    }

    /// The length of the blank at `index` (1 for space and tab, 3 for U+3000), or 0.
    @inline(__always)
    static func blankLength(_ base: UnsafePointer<UInt8>, _ index: Int, _ end: Int) -> Int {
        let byte = base[index]
        if byte == 0x20 || byte == 0x09 { return 1 }
        if byte == 0xE3, index + 2 < end, base[index + 1] == 0x80, base[index + 2] == 0x80 { return 3 }
        return 0
    }

    @inline(__always)
    static func skipBlanks(_ base: UnsafePointer<UInt8>, _ from: Int, _ end: Int) -> Int {
        var index = from
        while index < end {
            let blank = blankLength(base, index, end)
            if blank == 0 { break }
            index += blank
        }
        return index
    }

    /// Where an unquoted token starting at `from` ends: at a blank, `=`, `"` or the line's end.
    /// Eight bytes at a time: names and memos are long runs of CJK text.
    @inline(__always)
    static func tokenEnd(_ base: UnsafePointer<UInt8>, _ from: Int, _ end: Int) -> Int {
        let raw = UnsafeRawPointer(base)
        var index = from
        while index + 8 <= end {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let found =
                ByteWord.zeroBytes(word ^ (ByteWord.ones &* 0x20)) | ByteWord.zeroBytes(word ^ (ByteWord.ones &* 0x09)) | ByteWord.zeroBytes(word ^ (ByteWord.ones &* 0x3D))
                | ByteWord.zeroBytes(word ^ (ByteWord.ones &* 0x22)) | ByteWord.zeroBytes(word ^ (ByteWord.ones &* 0xE3))
            if found == 0 {
                index += 8
                continue
            }
            let hit = index + found.trailingZeroBitCount / 8
            if base[hit] != 0xE3 || blankLength(base, hit, end) > 0 { return hit }
            index = hit + 1  // a CJK symbol, not U+3000
        }
        while index < end {
            let byte = base[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x3D || byte == 0x22 || (byte == 0xE3 && blankLength(base, index, end) > 0) { break }
            index += 1
        }
        return index
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
