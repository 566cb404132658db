/// One field of a line: a positional value, or `KEY=VALUE`.
public struct Field: Sendable {
    /// The key's bytes for an attribute, nil for a positional field.
    public var key: ArraySlice<UInt8>?
    public var value: String
    /// 1-based character column where the field starts.
    public var column: Int32
    /// Whether the value was written in double quotes.
    public var quoted: Bool
}

/// A tokenizer complaint: where, and what to do.
public struct TokenizeError: Error, Sendable {
    public var column: Int32
    public var code: String
    public var message: String
}

/// Splits a line's bytes into fields. Blanks are space, tab and the full-width space `　`
/// (U+3000), which a Chinese input method types easily. A value containing blanks, `=` or
/// `"` is quoted; `\"` and `\\` are the only escapes.
public enum Tokenizer {
    static let space = UInt8(ascii: " ")
    static let tab = UInt8(ascii: "\t")
    static let quote = UInt8(ascii: "\"")
    static let equals = UInt8(ascii: "=")
    static let backslash = UInt8(ascii: "\\")

    /// The length of the blank starting at `index` (1 for space/tab, 3 for U+3000), or 0.
    @inline(__always)
    static func blankLength(_ line: ArraySlice<UInt8>, _ index: Int) -> Int {
        let byte = line[index]
        if byte == space || byte == tab { return 1 }
        if byte == 0xE3, index + 2 < line.endIndex, line[index + 1] == 0x80, line[index + 2] == 0x80 { return 3 }
        return 0
    }

    @inline(__always)
    static func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }

    public static func tokenize(_ line: ArraySlice<UInt8>) -> Result<[Field], TokenizeError> {
        var fields: [Field] = []
        fields.reserveCapacity(8)
        var index = line.startIndex
        var column: Int32 = 1
        let end = line.endIndex

        func advance(_ count: Int) {
            for offset in 0..<count where !isContinuation(line[index + offset]) { column += 1 }
            index += count
        }

        while true {
            // Skip blanks.
            while index < end {
                let blank = blankLength(line, index)
                if blank == 0 { break }
                advance(blank)
            }
            if index >= end { break }
            if fields.count >= Limits.maxFieldsPerLine {
                return .failure(
                    TokenizeError(
                        column: column, code: "too-many-fields",
                        message: "这一行的字段超过 \(Limits.maxFieldsPerLine) 个：每行只写一笔分录，请检查是否把多行粘在了一起"))
            }
            let fieldColumn = column
            if line[index] == quote {
                switch readQuoted(line, &index, &column) {
                case .failure(let error): return .failure(error)
                case .success(let value):
                    if let error = requireBlankAfter(line, index, column) { return .failure(error) }
                    fields.append(Field(key: nil, value: value, column: fieldColumn, quoted: true))
                }
                continue
            }
            // Unquoted: a positional token or KEY=VALUE.
            let tokenStart = index
            while index < end, blankLength(line, index) == 0, line[index] != equals, line[index] != quote {
                advance(1)
            }
            if index < end, line[index] == quote {
                return .failure(
                    TokenizeError(
                        column: column, code: "stray-quote",
                        message: "引号只能出现在值的开头和结尾：含有空格、“=”或引号的值请整体用双引号括起，值中的引号写作 \\\""))
            }
            if index < end, line[index] == equals {
                let key = line[tokenStart..<index]
                if key.isEmpty {
                    return .failure(
                        TokenizeError(
                            column: column, code: "missing-key",
                            message: "“=”前缺少键名：属性应写成“键=值”，例如“文号=承财社[2019]107号”"))
                }
                advance(1)
                if index < end, line[index] == quote {
                    switch readQuoted(line, &index, &column) {
                    case .failure(let error): return .failure(error)
                    case .success(let value):
                        if let error = requireBlankAfter(line, index, column) { return .failure(error) }
                        fields.append(Field(key: key, value: value, column: fieldColumn, quoted: true))
                    }
                    continue
                }
                let valueStart = index
                let valueColumn = column
                while index < end, blankLength(line, index) == 0 {
                    if line[index] == equals || line[index] == quote {
                        return .failure(
                            TokenizeError(
                                column: column, code: "unquoted-special",
                                message: "值中含有“\(line[index] == equals ? "=" : "\"")”：请把整个值用双引号括起，例如 摘要=\"a=b\""))
                    }
                    advance(1)
                }
                if index == valueStart {
                    return .failure(
                        TokenizeError(
                            column: valueColumn, code: "missing-value",
                            message: "键“\(String(decoding: key, as: UTF8.self))”缺少值：请在“=”后写上值；若值确实为空，请写成 \(String(decoding: key, as: UTF8.self))=\"\""))
                }
                fields.append(
                    Field(
                        key: key, value: String(decoding: line[valueStart..<index], as: UTF8.self),
                        column: fieldColumn, quoted: false))
                continue
            }
            fields.append(
                Field(
                    key: nil, value: String(decoding: line[tokenStart..<index], as: UTF8.self),
                    column: fieldColumn, quoted: false))
        }
        return .success(fields)

        func readQuoted(_ line: ArraySlice<UInt8>, _ index: inout Int, _ column: inout Int32) -> Result<String, TokenizeError> {
            let openColumn = column
            index += 1
            column += 1
            var bytes: [UInt8] = []
            while index < end {
                let byte = line[index]
                if byte == quote {
                    index += 1
                    column += 1
                    return .success(String(decoding: bytes, as: UTF8.self))
                }
                if byte == backslash {
                    guard index + 1 < end else { break }
                    let next = line[index + 1]
                    guard next == quote || next == backslash else {
                        return .failure(
                            TokenizeError(
                                column: column, code: "bad-escape",
                                message: "引号内只能用 \\\" 和 \\\\ 两种转义：要写反斜杠本身请写成 \\\\"))
                    }
                    bytes.append(next)
                    index += 2
                    column += 2
                    continue
                }
                bytes.append(byte)
                if !isContinuation(byte) { column += 1 }
                index += 1
            }
            return .failure(
                TokenizeError(
                    column: openColumn, code: "unterminated-quote",
                    message: "引号没有闭合：请在值的末尾补上右双引号 \""))
        }
    }

    static func requireBlankAfter(_ line: ArraySlice<UInt8>, _ index: Int, _ column: Int32) -> TokenizeError? {
        if index < line.endIndex, blankLength(line, index) == 0 {
            return TokenizeError(
                column: column, code: "missing-blank",
                message: "右引号后应有空格，再写下一个字段")
        }
        return nil
    }
}
