#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the reader made of the journal's files: entries in file order and every complaint.
public struct ParsedJournal: Sendable {
    public var sources: [JournalSource] = []
    /// Entries in file order (files in the order given, lines in file order).
    public var entries: [Entry] = []
    public var diagnostics: [Diagnostic] = []
    /// Number of lines of each file (a new entry appended to file i gets line count + 1).
    public var lineCounts: [Int] = []

    public init() {}
}

/// A file that could not be read at all (exit code 3), as opposed to a journal whose
/// contents are wrong (diagnostics, exit code 1).
public struct FileFailure: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var reason: String
    public init(path: String, reason: String) { self.path = path; self.reason = reason }
    public var description: String { "\(path): 错误: \(reason)" }
}

/// bytes → entries + diagnostics. It never throws on bad content and never stops at the
/// first problem; each line is judged on its own.
public enum JournalReader {
    /// Reads and parses the files in order as one journal. A file that cannot be read is a
    /// `FileFailure`; a file that does not exist is one too unless `allowMissing` (an
    /// append creates it).
    public static func read(paths: [String], allowMissing: Bool = false) -> Result<ParsedJournal, FileFailure> {
        var journal = ParsedJournal()
        for path in paths {
            switch FileIO.readAll(path: path) {
            case .success(let bytes):
                parse(JournalSource(path: path, bytes: bytes), into: &journal)
            case .failure(let failure):
                if allowMissing && failure.missing {
                    parse(JournalSource(path: path, bytes: []), into: &journal)
                } else {
                    return .failure(FileFailure(path: path, reason: failure.reason))
                }
            }
        }
        return .success(journal)
    }

    /// Parses one file's bytes and adds its entries and diagnostics to `journal`.
    public static func parse(_ source: JournalSource, into journal: inout ParsedJournal) {
        let fileIndex = journal.sources.count
        journal.sources.append(source)
        let bytes = source.bytes
        var lineNumber = 0
        var lineStart = 0
        let count = bytes.count
        if count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { lineStart = 3 }
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            while lineStart < count {
                lineNumber += 1
                let remaining = count - lineStart
                let newline = memchr(base + lineStart, Int32(UInt8(ascii: "\n")), remaining)
                let lineEnd = newline.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? count
                var contentEnd = lineEnd
                if contentEnd > lineStart, bytes[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
                parseLine(bytes[lineStart..<contentEnd], file: fileIndex, line: lineNumber, byteOffset: lineStart, into: &journal)
                lineStart = lineEnd + 1
            }
        }
        journal.lineCounts.append(lineNumber)
    }

    /// The warning for a file whose last line lacks its newline. fundflow writes every line
    /// together with its newline in one `write`, so a last line without one is either a hand
    /// edit or a torn line: the start of an entry whose writing was interrupted (power cut,
    /// a killed process, a full disk outside fundflow). See docs/RELIABILITY.md.
    static func unterminatedLastLine(file: Int, line: Int) -> Diagnostic {
        .warning(
            "unterminated-last-line", at: SourceLocation(file: file, line: line, column: 1),
            "文件最后一行没有换行符：若它是写入被中断（断电、进程被强行终止）留下的残行，请对照凭证核对，"
                + "不完整就在编辑器里删去这一行，再运行 fundflow check 并重新记账；若只是手工编辑时漏了换行，在行尾补一个换行即可")
    }

    /// What an append says when the last line it had to mend (it lacked its newline) is
    /// itself broken — most likely a torn line.
    public static let mendedLastLineMessage =
        "这一行原先没有换行符且有错误，记账前已为它补上换行：它很可能是写入被中断留下的残行，"
        + "请对照凭证核对，在编辑器里删去或改正这一行，再运行 fundflow check"

    static func parseLine(_ line: ArraySlice<UInt8>, file: Int, line lineNumber: Int, byteOffset: Int, into journal: inout ParsedJournal) {
        func complain(_ column: Int32, _ code: String, _ message: String) {
            journal.diagnostics.append(.error(code, at: SourceLocation(file: file, line: lineNumber, column: Int(column)), message))
        }
        if line.count > Limits.maxLineBytes {
            journal.diagnostics.append(lineTooLong(file: file, line: lineNumber, bytes: line.count))
            return
        }
        // Every line must be plain UTF-8 text, comments included (a GBK file shows first
        // in its comments).
        var hasHighBytes = false
        for (offset, byte) in zip(0..., line) {
            if byte >= 0x80 { hasHighBytes = true; continue }
            if (byte < 0x20 && byte != UInt8(ascii: "\t")) || byte == 0x7F {
                let column = columnOf(byteOffset: offset, in: line)
                let what = byte == 0 ? "NUL 字符（\\0）" : byte == 0x0D ? "回车符" : String(format2: byte)
                complain(column, "control-character", "这一行含有控制字符 \(what)：日记账只能是纯文本，请删去它（文件可能被其他程序写坏）")
                return
            }
        }
        if hasHighBytes, let offset = UTF8Check.firstInvalidOffset(line) {
            complain(
                columnOf(byteOffset: offset, in: line), "invalid-utf8",
                "这一行不是有效的 UTF-8 文本：请把文件另存为 UTF-8 编码（若由 Excel 导出，常见为 GBK 编码）")
            return
        }
        // Blank lines and comments.
        var first = line.startIndex
        while first < line.endIndex {
            let blank = Tokenizer.blankLength(line, first)
            if blank == 0 { break }
            first += blank
        }
        if first == line.endIndex { return }
        if line[first] == UInt8(ascii: "#") || line[first] == UInt8(ascii: ";") { return }
        if journal.entries.count >= Limits.maxEntries {
            complain(1, "too-many-entries", "分录超过 \(Limits.maxEntries) 笔的上限：请按年度拆分日记账")
            return
        }
        switch Tokenizer.tokenize(line) {
        case .failure(let error):
            complain(error.column, error.code, error.message)
        case .success(let fields):
            switch EntryParser.parse(fields) {
            case .problems(let problems):
                for problem in problems { complain(problem.column, problem.code, problem.message) }
            case .entry(let date, let body, let columns):
                journal.entries.append(
                    Entry(
                        date: date, body: body,
                        location: SourceLocation(file: file, line: lineNumber, column: 1),
                        columns: columns, byteOffset: byteOffset))
            }
        }
    }

    /// A line longer than `Limits.maxLineBytes`.
    static func lineTooLong(file: Int, line: Int, bytes: Int) -> Diagnostic {
        Diagnostic(
            .lineTooLong, at: SourceLocation(file: file, line: line, column: 1),
            "这一行有 \(bytes) 字节，超过上限 \(Limits.maxLineBytes) 字节：一行只写一笔分录，请检查文件是否损坏或误粘贴了大段内容")
    }

    /// The project a rejected 项目 line declares, when its ID can be read: the project stays
    /// declared, so its later lines are judged on their own (one mistake, one diagnostic).
    static func declaredProject(_ line: ArraySlice<UInt8>) -> String? {
        // Only a line that is plain text: an ID with a control character or broken bytes would
        // be echoed back in messages (did-you-mean) and declares nothing.
        guard line.count <= Limits.maxLineBytes, !line.contains(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }),
            UTF8Check.firstInvalidOffset(line) == nil,
            case .success(let fields) = Tokenizer.tokenize(line), fields.count >= 3,
            fields[1].key == nil, Verb.named(fields[1].value) == .project,
            fields[2].key == nil, !fields[2].value.isEmpty
        else { return nil }
        return fields[2].value
    }

    static func columnOf(byteOffset: Int, in line: ArraySlice<UInt8>) -> Int32 {
        var column: Int32 = 1
        for byte in line.prefix(byteOffset) where byte & 0xC0 != 0x80 { column += 1 }
        return column
    }
}

extension String {
    /// `0x07` → "0x07".
    init(format2 byte: UInt8) {
        let digits = Array("0123456789ABCDEF")
        self = "0x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0xF)])
    }
}
