/// The direct byte reading of the common lines. It accepts only what it fully understands
/// and hands every other line to the full reader; it never decides that a line is wrong
/// except for bytes no line may hold (control characters, invalid UTF-8, an over-long line),
/// where the full reader says the same.
extension ChunkParser {
    /// The verbs read directly, in both spellings.
    static let directVerbs: [([UInt8], Verb)] = [Verb.pay, .allot, .reduce, .reverse].flatMap { verb in
        [(Array(verb.chinese.utf8), verb), (Array(verb.english.utf8), verb)]
    }

    /// The keys each direct verb accepts, in both spellings.
    /// The keys each direct verb accepts, in both spellings, each with a bit of its own (the
    /// same for both spellings) to notice a key written twice.
    static let directKeys: [Verb: [([UInt8], AttributeKey, UInt32)]] = {
        var table: [Verb: [([UInt8], AttributeKey, UInt32)]] = [:]
        for (_, verb) in directVerbs where table[verb] == nil {
            table[verb] = verb.allowedKeys.enumerated().flatMap { position, key -> [([UInt8], AttributeKey, UInt32)] in
                let bit = UInt32(1) << UInt32(position)
                return [(Array(key.chinese.utf8), key, bit), (Array(key.english.utf8), key, bit)]
            }
        }
        return table
    }()

    static let initialWords: [[UInt8]] = [Array("年初".utf8), Array("initial".utf8)]
    static let supplementWords: [[UInt8]] = [Array("追加".utf8), Array("supplement".utf8)]

    @inline(__always)
    static func matches(_ base: UnsafePointer<UInt8>, _ from: Int, _ to: Int, _ word: [UInt8]) -> Bool {
        guard to - from == word.count else { return false }
        return word.withUnsafeBufferPointer { ByteInterner.bytesEqual(UnsafeBufferPointer(start: base + from, count: to - from), $0) }
    }

    /// Reads one line (without its line ending).
    mutating func scan(_ base: UnsafePointer<UInt8>, _ lineStart: Int, _ lineEnd: Int) -> LineOutcome {
        if lineEnd - lineStart > Limits.maxLineBytes { return .failed }
        switch ChunkParser.checkText(base, lineStart, lineEnd) {
        case .bad: return .failed
        case .hasFullWidthBlank: return .fullReader
        case .plain: break
        }
        var index = lineStart
        while index < lineEnd, base[index] == 0x20 || base[index] == 0x09 { index += 1 }
        if index == lineEnd || base[index] == UInt8(ascii: "#") || base[index] == UInt8(ascii: ";") { return .nothing }

        var entry = CompactEntry()
        var fields = 0
        var positionals = 0
        var projectRange = (0, 0), amountRange = (0, 0)
        var keys: [([UInt8], AttributeKey, UInt32)] = []
        var seen: UInt32 = 0
        var voucher = (0, -1), contract = (0, -1), document = (0, -1), original = (0, -1)
        var originalDate: Int32 = 0
        while true {
            while index < lineEnd, base[index] == 0x20 || base[index] == 0x09 { index += 1 }
            if index == lineEnd { break }
            fields += 1
            if fields > Limits.maxFieldsPerLine { return .fullReader }
            let tokenStart = index
            if base[index] == UInt8(ascii: "\"") { return .fullReader }
            while index < lineEnd {
                let byte = base[index]
                if byte == 0x20 || byte == 0x09 || byte == UInt8(ascii: "=") || byte == UInt8(ascii: "\"") { break }
                index += 1
            }
            if index < lineEnd, base[index] == UInt8(ascii: "\"") { return .fullReader }
            if index < lineEnd, base[index] == UInt8(ascii: "=") {
                // KEY=VALUE, only after the date and the verb.
                guard positionals >= 2, index > tokenStart else { return .fullReader }
                let keyEnd = index
                index += 1
                let valueStart: Int, valueEnd: Int
                if index < lineEnd, base[index] == UInt8(ascii: "\"") {
                    index += 1
                    valueStart = index
                    while index < lineEnd, base[index] != UInt8(ascii: "\"") {
                        if base[index] == UInt8(ascii: "\\") { return .fullReader }
                        index += 1
                    }
                    if index == lineEnd { return .fullReader }
                    valueEnd = index
                    index += 1
                    if index < lineEnd, base[index] != 0x20, base[index] != 0x09 { return .fullReader }
                } else {
                    valueStart = index
                    while index < lineEnd, base[index] != 0x20, base[index] != 0x09 {
                        if base[index] == UInt8(ascii: "=") || base[index] == UInt8(ascii: "\"") { return .fullReader }
                        index += 1
                    }
                    if index == valueStart { return .fullReader }
                    valueEnd = index
                }
                guard let (_, key, bit) = keys.first(where: { ChunkParser.matches(base, tokenStart, keyEnd, $0.0) }) else { return .fullReader }
                if seen & bit != 0 { return .fullReader }
                seen |= bit
                switch key {
                case .voucher: voucher = (valueStart, valueEnd)
                case .contract: contract = (valueStart, valueEnd)
                case .doc: document = (valueStart, valueEnd)
                case .of: original = (valueStart, valueEnd)
                case .ofDate:
                    guard let date = CalendarDate.parse(bytes: UnsafeBufferPointer(start: base + valueStart, count: valueEnd - valueStart)) else {
                        return .fullReader
                    }
                    originalDate = date.key
                case .kind:
                    if ChunkParser.initialWords.contains(where: { ChunkParser.matches(base, valueStart, valueEnd, $0) }) {
                        entry.initial = true
                    } else if !ChunkParser.supplementWords.contains(where: { ChunkParser.matches(base, valueStart, valueEnd, $0) }) {
                        return .fullReader
                    }
                default:
                    break   // payee, memo, source, a reversal's own voucher: text no rule reads
                }
                continue
            }
            // A positional field: date, verb, project, amount.
            switch positionals {
            case 0:
                guard let date = CalendarDate.parse(bytes: UnsafeBufferPointer(start: base + tokenStart, count: index - tokenStart)) else {
                    return .fullReader
                }
                entry.dateKey = date.key
            case 1:
                guard let verb = ChunkParser.directVerbs.first(where: { ChunkParser.matches(base, tokenStart, index, $0.0) })?.1 else {
                    return .fullReader
                }
                entry.verb = verb
                entry.initial = verb == .allot   // 类别 defaults to 年初
                keys = ChunkParser.directKeys[verb] ?? []
            case 2:
                for offset in tokenStart..<index where base[offset] >= 0x80 { return .fullReader }
                projectRange = (tokenStart, index)
            case 3:
                amountRange = (tokenStart, index)
            default:
                return .fullReader
            }
            positionals += 1
        }
        guard positionals == 4 else { return .fullReader }
        switch Amount.parseFen(utf8: UnsafeBufferPointer(start: base + amountRange.0, count: amountRange.1 - amountRange.0)) {
        case .success(let fen): entry.amountFen = fen
        case .failure: return .fullReader
        }
        func intern(_ range: (Int, Int), _ interner: inout ByteInterner) -> Int32 {
            interner.intern(UnsafeBufferPointer(start: base + range.0, count: range.1 - range.0))
        }
        switch entry.verb {
        case .pay:
            if voucher.1 >= 0 { entry.key = intern(voucher, &vouchers) }
            if contract.1 >= 0 { entry.reference = intern(contract, &contracts) }
        case .allot, .reduce:
            guard document.1 >= 0 else { return .fullReader }
            entry.key = intern(document, &documents)
        case .reverse:
            guard original.1 >= 0 else { return .fullReader }
            entry.key = intern(original, &vouchers)
            entry.reference = originalDate
        default:
            return .fullReader
        }
        entry.project = intern(projectRange, &projects)
        return .entry(entry)
    }

    enum TextCheck { case plain, hasFullWidthBlank, bad }

    /// Strict UTF-8 without control characters (tab allowed), as the full reader demands of
    /// every line; notes the full-width blank U+3000, which only the full reader splits on.
    @inline(__always)
    static func checkText(_ base: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> TextCheck {
        var index = from
        var fullWidthBlank = false
        let raw = UnsafeRawPointer(base)
        while index < to {
            // Eight plain printable ASCII bytes at a time (no high bit, nothing below 0x20, no 0x7F).
            if index + 8 <= to {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
                let below20 = (word &- ones &* 0x20) & ~word & highs
                let is7F = ((word ^ (ones &* 0x7F)) &- ones) & ~(word ^ (ones &* 0x7F)) & highs
                if word & highs == 0 && below20 == 0 && is7F == 0 { index += 8; continue }
            }
            let lead = base[index]
            if lead < 0x80 {
                if lead < 0x20 ? lead != 0x09 : lead == 0x7F { return .bad }
                index += 1
                continue
            }
            let length: Int
            var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return .bad
            }
            guard index + length <= to else { return .bad }
            let second = base[index + 1]
            guard second >= lower, second <= upper else { return .bad }
            if length >= 3 {
                guard base[index + 2] & 0xC0 == 0x80 else { return .bad }
                if length == 4 { guard base[index + 3] & 0xC0 == 0x80 else { return .bad } }
                if lead == 0xE3, second == 0x80, base[index + 2] == 0x80 { fullWidthBlank = true }
            }
            index += length
        }
        return fullWidthBlank ? .hasFullWidthBlank : .plain
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
