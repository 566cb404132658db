/// The direct byte reading of the common lines. It accepts only what it fully understands
/// and hands every other line to the full reader; it never decides that a line is wrong
/// except for bytes no line may hold (control characters, invalid UTF-8, an over-long line),
/// where the full reader says the same.
extension ChunkParser {
    /// The verbs read directly: the money lines and 合同.
    static let directVerbList: [Verb] = [.pay, .allot, .reduce, .reverse, .contract, .carry, .lapse]
    /// Both spellings of each, with the verb's place in `KeyWord.byVerb`.
    static let directVerbs: [(word: PackedWord, verb: Verb, place: Int)] = directVerbList.flatMap { verb in
        [(PackedWord(verb.chinese), verb, KeyWord.place(of: verb)), (PackedWord(verb.english), verb, KeyWord.place(of: verb))]
    }

    /// Keys whose value no rule reads on the directly read verbs but 合同 (whose text is kept).
    static let textOnlyKeys: Set<AttributeKey> = [.payee, .memo, .party, .source]

    static let initialWords = [PackedWord("年初"), PackedWord("initial")]
    static let supplementWords = [PackedWord("追加"), PackedWord("supplement")]

    /// Reads one line (without its line ending) that starts at `fileOffset` in the file.
    mutating func scan(_ base: UnsafePointer<UInt8>, _ lineStart: Int, _ lineEnd: Int, fileOffset: Int) -> LineOutcome {
        if lineEnd - lineStart > Limits.maxLineBytes { return .failed }
        var index = lineStart
        while index < lineEnd, base[index] == 0x20 || base[index] == 0x09 { index += 1 }
        if index == lineEnd || base[index] == UInt8(ascii: "#") || base[index] == UInt8(ascii: ";") {
            // Blank or a comment: still plain UTF-8 text, as the full reader demands of every line.
            switch ChunkParser.checkText(base, lineStart, lineEnd) {
            case .bad: return .failed
            case .fullWidthBlank: return .fullReader
            case .plain: return .nothing
            }
        }
        // From here every byte of the line passes through `skipToken`/`skipQuoted` (which check
        // the text as they go) or the blank-skipping loops (which take only space and tab).
        typealias Range = (start: Int, end: Int)
        let none: Range = (0, -1)
        var entry = Record()
        entry.line = Int32(lines)
        entry.offset = Int64(fileOffset)
        entry.file = Int16(file)
        var fields = 0
        // Positional fields after the date and the verb (three at most), kept without an array.
        var positionalCount = 0
        var first = none, second = none, third = none
        var verbIndex = -1
        var seen: UInt32 = 0
        var voucher = none, contract = none, document = none, original = none, party = none, memo = none, reason = none
        var originalDate: Int32 = 0
        var due: CalendarDate?
        while true {
            while index < lineEnd, base[index] == 0x20 || base[index] == 0x09 { index += 1 }
            if index == lineEnd { break }
            fields += 1
            if fields > Limits.maxFieldsPerLine { return .fullReader }
            let tokenStart = index
            if base[index] == UInt8(ascii: "\"") { return .fullReader }
            switch ChunkParser.skipToken(base, &index, lineEnd) {
            case .bad: return .failed
            case .fullWidthBlank: return .fullReader
            case .plain: break
            }
            if index < lineEnd, base[index] == UInt8(ascii: "\"") { return .fullReader }
            if index < lineEnd, base[index] == UInt8(ascii: "=") {
                // KEY=VALUE, only after the date and the verb.
                guard verbIndex >= 0, index > tokenStart, index - tokenStart <= 16 else { return .fullReader }
                let (keyLow, keyHigh) = PackedWord.pack(base, tokenStart, index, floor: lineStart)
                let keyLength = index - tokenStart
                index += 1
                let value: Range
                var escaped = false
                if index < lineEnd, base[index] == UInt8(ascii: "\"") {
                    index += 1
                    let valueStart = index
                    quoted: while true {
                        switch ChunkParser.skipQuoted(base, &index, lineEnd) {
                        case .bad: return .failed
                        case .fullWidthBlank: return .fullReader
                        case .plain: break
                        }
                        if index == lineEnd { return .fullReader }  // unclosed
                        if base[index] == UInt8(ascii: "\"") { break quoted }
                        // A backslash: \" and \\ are the only escapes; anything else is the full reader's to report.
                        guard index + 1 < lineEnd, base[index + 1] == UInt8(ascii: "\"") || base[index + 1] == UInt8(ascii: "\\") else { return .fullReader }
                        escaped = true
                        index += 2
                    }
                    value = (valueStart, index)
                    index += 1
                    if index < lineEnd, base[index] != 0x20, base[index] != 0x09 { return .fullReader }
                } else {
                    let valueStart = index
                    switch ChunkParser.skipToken(base, &index, lineEnd) {
                    case .bad: return .failed
                    case .fullWidthBlank: return .fullReader
                    case .plain: break
                    }
                    if index < lineEnd, base[index] == UInt8(ascii: "=") || base[index] == UInt8(ascii: "\"") { return .fullReader }
                    if index == valueStart { return .fullReader }
                    value = (valueStart, index)
                }
                let found = KeyWord.match(keyLength, keyLow, keyHigh, among: KeyWord.byVerb[verbIndex])
                guard let keyWord = found, seen & keyWord.bit == 0 else { return .fullReader }
                // An escaped value is read here only where no rule reads it and no text is kept
                // (a payment's payee or memo …); its raw bytes would be the wrong ID or text.
                if escaped, entry.verb == .contract || !ChunkParser.textOnlyKeys.contains(keyWord.key) { return .fullReader }
                seen |= keyWord.bit
                switch keyWord.key {
                case .voucher: voucher = value
                case .contract: contract = value
                case .doc: document = value
                case .of: original = value
                case .party: party = value
                case .memo: memo = value
                case .reason: reason = value
                case .ofDate, .due:
                    guard let date = CalendarDate.parse(bytes: UnsafeBufferPointer(start: base + value.start, count: value.end - value.start)) else {
                        return .fullReader
                    }
                    if keyWord.key == .due { due = date } else { originalDate = date.key }
                case .kind:
                    guard value.end - value.start <= 16 else { return .fullReader }
                    let (low, high) = PackedWord.pack(base, value.start, value.end, floor: lineStart)
                    if ChunkParser.initialWords.contains(where: { $0.matches(value.end - value.start, low, high) }) {
                        entry.kind = .initial
                    } else if ChunkParser.supplementWords.contains(where: { $0.matches(value.end - value.start, low, high) }) {
                        entry.kind = .supplement
                    } else {
                        return .fullReader
                    }
                case .econ:
                    // A payment's 经济科目 is validated by the EntryParser, as on any other line.
                    return .fullReader
                default:
                    break  // payee, source, a reversal's own voucher: text no rule reads
                }
                continue
            }
            // A positional field.
            if entry.dateKey == 0 {
                guard let date = CalendarDate.parse(bytes: UnsafeBufferPointer(start: base + tokenStart, count: index - tokenStart)) else {
                    return .fullReader
                }
                entry.dateKey = date.key
            } else if verbIndex < 0 {
                guard index - tokenStart <= 16 else { return .fullReader }
                let (low, high) = PackedWord.pack(base, tokenStart, index, floor: lineStart)
                guard let (_, verb, place) = ChunkParser.directVerbs.first(where: { $0.word.matches(index - tokenStart, low, high) }) else {
                    return .fullReader
                }
                entry.verb = verb
                verbIndex = place
            } else {
                // Project and contract IDs in plain ASCII only (a full-width ＝ or any other
                // question is the full reader's).
                if positionalCount == 0 || (positionalCount == 1 && entry.verb == .contract) {
                    for offset in tokenStart..<index where base[offset] >= 0x80 { return .fullReader }
                }
                switch positionalCount {
                case 0: first = (tokenStart, index)
                case 1: second = (tokenStart, index)
                case 2: third = (tokenStart, index)
                default: return .fullReader
                }
                positionalCount += 1
            }
        }
        guard verbIndex >= 0, positionalCount == (entry.verb == .contract ? 3 : 2) else { return .fullReader }
        let amountRange = entry.verb == .contract ? third : second
        switch Amount.parseFen(utf8: UnsafeBufferPointer(start: base + amountRange.start, count: amountRange.end - amountRange.start)) {
        case .success(let fen): entry.amountFen = fen
        case .failure: return .fullReader
        }
        func bytes(_ range: Range) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base + range.start, count: range.end - range.start) }
        func text(_ range: Range) -> String? { range.end < 0 ? nil : String(decoding: bytes(range), as: UTF8.self) }
        switch entry.verb {
        case .pay:
            if voucher.end >= 0 {
                guard IDText.isNormal(bytes(voucher)) else { return .fullReader }
                entry.key = vouchers.add(bytes(voucher))
            }
            if contract.end >= 0 {
                guard IDText.isNormal(bytes(contract)) else { return .fullReader }
                entry.reference = contracts.intern(bytes(contract))
            }
        case .allot, .reduce:
            guard document.end >= 0, IDText.isNormal(bytes(document)) else { return .fullReader }
            entry.key = documents.intern(bytes(document))
        case .reverse:
            guard original.end >= 0, IDText.isNormal(bytes(original)) else { return .fullReader }
            entry.key = vouchers.add(bytes(original))
            entry.reference = originalDate
        case .contract:
            // The signing's text is what the contract list shows: keep the full entry.
            entry.key = contracts.intern(bytes(second))
            let signing = ContractSigning(
                project: text(first) ?? "", contractID: text(second) ?? "", amountFen: entry.amountFen,
                party: text(party), due: due, memo: text(memo))
            guard let date = entry.date else { return .fullReader }
            entry.rare = Int32(rare.count)
            rare.append(
                Entry(
                    date: date, body: .contract(signing), location: SourceLocation(file: file, line: lines, column: 1),
                    byteOffset: fileOffset))
        case .carry, .lapse:
            // Their reasons are what the carry-over statement shows: keep the full entry.
            guard let date = entry.date else { return .fullReader }
            let project = text(first) ?? ""
            let body: EntryBody =
                entry.verb == .carry
                ? .carry(CarryOver(project: project, amountFen: entry.amountFen, reason: text(reason)))
                : .lapse(Lapse(project: project, amountFen: entry.amountFen, doc: text(document), reason: text(reason)))
            entry.rare = Int32(rare.count)
            rare.append(Entry(date: date, body: body, location: SourceLocation(file: file, line: lines, column: 1), byteOffset: fileOffset))
        default:
            return .fullReader
        }
        entry.project = projects.intern(bytes(first))
        return .entry(entry)
    }

    enum Stop { case plain, fullWidthBlank, bad }

    /// Advances over the bytes of an unquoted token — printable ASCII but blank, `=` and `"`,
    /// and valid UTF-8 — eight ASCII bytes at a time where it can. Stops at a blank, `=`,
    /// `"` or the end (`plain`); at a control character or broken UTF-8 (`bad`); at U+3000.
    @inline(__always)
    static func skipToken(_ base: UnsafePointer<UInt8>, _ index: inout Int, _ end: Int) -> Stop {
        let raw = UnsafeRawPointer(base)
        while index < end {
            let byte = base[index]
            if byte < 0x80 {
                if index + 8 <= end {
                    let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    if word & ByteWord.highs == 0, (word &- ByteWord.ones &* 0x21) & ~word & ByteWord.highs == 0,
                        !ByteWord.hasZeroByte(word ^ (ByteWord.ones &* 0x3D)), !ByteWord.hasZeroByte(word ^ (ByteWord.ones &* 0x22)), !ByteWord.hasZeroByte(word ^ (ByteWord.ones &* 0x7F))
                    {
                        index += 8
                        continue
                    }
                }
                if byte > 0x20, byte != 0x3D, byte != 0x22, byte != 0x7F { index += 1; continue }
                return byte == 0x20 || byte == 0x09 || byte == 0x3D || byte == 0x22 ? .plain : .bad
            }
            // A run of three-byte characters (CJK), the bulk of names and memos: two at a time,
            // then one at a time.
            if skipCJKPairs(raw, &index, end) { return .fullWidthBlank }
            while index + 3 <= end {
                let lead = base[index]
                guard lead >= 0xE1, lead <= 0xEF, lead != 0xED else { break }
                let second = base[index + 1], third = base[index + 2]
                guard second & 0xC0 == 0x80, third & 0xC0 == 0x80 else { return .bad }
                if lead == 0xE3, second == 0x80, third == 0x80 { return .fullWidthBlank }
                index += 3
            }
            if index < end, base[index] >= 0x80, let stop = stepOverCharacter(base, &index, end) { return stop }
        }
        return .plain
    }

    /// Advances over the inside of a quoted value to its closing `"` or a backslash, checking
    /// the text as `skipToken` does (blanks and `=` are content here).
    @inline(__always)
    static func skipQuoted(_ base: UnsafePointer<UInt8>, _ index: inout Int, _ end: Int) -> Stop {
        while index < end {
            let byte = base[index]
            if byte < 0x80 {
                if byte == 0x22 || byte == 0x5C { return .plain }
                if (byte < 0x20 && byte != 0x09) || byte == 0x7F { return .bad }
                index += 1
                continue
            }
            if skipCJKPairs(UnsafeRawPointer(base), &index, end) { return .fullWidthBlank }
            if index < end, base[index] >= 0x80, let stop = stepOverCharacter(base, &index, end) { return stop }
        }
        return .plain
    }

    /// Steps over pairs of well-formed three-byte characters (leads E1–EC, EE, EF: no overlong
    /// form, no surrogate), eight bytes read at once; true at the full-width blank U+3000.
    /// Anything else stops it where it is, for the byte-by-byte check to judge.
    @inline(__always)
    static func skipCJKPairs(_ raw: UnsafeRawPointer, _ index: inout Int, _ end: Int) -> Bool {
        while index + 8 <= end {
            let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            guard word & 0xC0C0_F0C0_C0F0 == 0x8080_E080_80E0 else { return false }
            let first = word & 0xFF, second = (word >> 24) & 0xFF
            guard first != 0xE0, first != 0xED, second != 0xE0, second != 0xED else { return false }
            if word & 0xFF_FFFF == 0x80_80E3 || (word >> 24) & 0xFF_FFFF == 0x80_80E3 { return true }
            index += 6
        }
        return false
    }

    /// Steps over the multi-byte character at `index`; a stop when it is broken or U+3000.
    @inline(__always)
    static func stepOverCharacter(_ base: UnsafePointer<UInt8>, _ index: inout Int, _ end: Int) -> Stop? {
        switch utf8Sequence(base, index, end) {
        case 0: return .bad
        case -3: return .fullWidthBlank
        case let length: index += length; return nil
        }
    }

    /// The length of the valid UTF-8 sequence starting at `index` (a byte ≥ 0x80); 0 when it
    /// is not valid; -3 for the full-width blank U+3000.
    @inline(__always)
    static func utf8Sequence(_ base: UnsafePointer<UInt8>, _ index: Int, _ end: Int) -> Int {
        let lead = base[index]
        // The common case, CJK: three bytes, E1–EC or EE–EF, two continuation bytes.
        if lead >= 0xE1, lead <= 0xEF, lead != 0xED, index + 3 <= end {
            let second = base[index + 1], third = base[index + 2]
            guard second & 0xC0 == 0x80, third & 0xC0 == 0x80 else { return 0 }
            if lead == 0xE3, second == 0x80, third == 0x80 { return -3 }
            return 3
        }
        return UTF8Check.sequenceLength(base, index, end)
    }

    /// Strict UTF-8 without control characters (tab allowed), as the full reader demands of
    /// every line, for blank and comment lines; notes the full-width blank U+3000.
    static func checkText(_ base: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> Stop {
        var index = from
        while index < to {
            let stop = skipQuoted(base, &index, to)
            guard stop == .plain else { return stop }
            index += 1  // stopped at a quote or a backslash: plain text here
        }
        return .plain
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
