/// Reads a run of whole lines of one file into compact entries, a block at a time, so memory
/// holds one block of the file rather than all of it. The money lines and 合同, which make up
/// nearly every line (支付 下达 调减 冲销 合同 结转 收回), are read straight from the bytes when
/// they are written plainly; every other line — another verb, a quoted project, an escape in
/// a value a rule reads, a full-width blank, anything unusual — goes through the full reader (`JournalReader.parseLine`), so the two
/// cannot disagree on what a line says. A line the full reader rejects becomes its
/// diagnostics, and reading carries on.
struct ChunkParser {
    let file: Int
    /// Byte range of the chunk in the file: starts at a line start, ends after a newline or at
    /// the end of the file.
    let start: Int
    let end: Int
    /// Bytes read from the file at a time.
    let blockBytes: Int
    /// The bytes whose records `entries` reserves room for (address space only: pages are
    /// touched as records come). The journal's first chunk reserves for the whole journal.
    var reserveBytes: Int

    var entries: [Record] = []
    /// What the full reader said of the lines it rejected (line numbers from the chunk's start).
    var diagnostics: [Diagnostic] = []
    /// Project IDs of 项目 lines that were rejected but still declare their project, so that the
    /// project's later lines are judged rather than all reported as unknown (no cascades).
    var stubs: [StubDeclaration] = []
    /// Full entries of the rare verbs, with line numbers counted from the chunk's first line.
    var rare: [Entry] = []
    var projects = ByteInterner()
    var contracts = ByteInterner()
    var documents = ByteInterner()
    /// Every voucher named (a payment's 凭证, a reversal's 原凭证), in entry order: IDs are
    /// given to them all at once afterwards (`VoucherNumbering`), which is far cheaper than a
    /// hash-table probe per line when nearly every voucher is new.
    var vouchers = VoucherMentions()
    /// Lines in the chunk.
    var lines = 0
    /// Whether the chunk's last line ends with a newline (always, unless it ends the file).
    var endsWithNewline = true
    /// The start of the chunk's last line, quoted when that line lacks its newline.
    var lastLineExcerpt = ""
    /// Set when the file could not be read.
    var readFailed = false

    init(file: Int, start: Int, end: Int, blockBytes: Int) {
        self.file = file
        self.start = start
        self.end = end
        self.blockBytes = max(1, blockBytes)
        reserveBytes = end - start
    }

    /// Parses the chunk from the journal's bytes.
    mutating func parse(from source: ByteSource) {
        let file = self.file
        parse { offset, count, into in source.read(file: file, offset: offset, count: count, into: into) }
    }

    /// The block loop; `read(offset, count, into)` fills a block from the file (fewer bytes only
    /// at its end; nil on a read error).
    private mutating func parse(read: (Int, Int, UnsafeMutableRawPointer) -> Int?) {
        entries.reserveCapacity(min(reserveBytes / Limits.reservedBytesPerRecord, Limits.maxEntries))
        HugePages.advise(&entries)
        vouchers.reserve(lines: (end - start) / 140)
        var block = [UInt8](repeating: 0, count: min(blockBytes, max(end - start, 1)))
        var blockOffset = start  // file offset of block[0]
        var carried = 0  // bytes of an unfinished line at the front of block
        while blockOffset + carried < end && !readFailed {
            if carried == block.count {
                // A line longer than the block: grow it, up to the longest line allowed.
                if block.count > Limits.maxLineBytes + 1 {
                    guard let next = skipOverLongLine(from: blockOffset, read: read) else { return }
                    blockOffset = next
                    carried = 0
                    continue
                }
                block.append(contentsOf: repeatElement(0, count: min(block.count, Limits.maxLineBytes + 2 - block.count)))
            }
            let want = min(block.count - carried, end - blockOffset - carried)
            let got = block.withUnsafeMutableBytes { raw in read(blockOffset + carried, want, raw.baseAddress! + carried) }
            guard let got else { readFailed = true; return }
            let filled = carried + got
            let atEnd = got < want || blockOffset + filled >= end
            // Lines up to the last newline now; the rest waits for the next block.
            var complete = filled
            if !atEnd {
                while complete > 0, block[complete - 1] != UInt8(ascii: "\n") { complete -= 1 }
            }
            parseLines(block, count: complete, fileOffset: blockOffset, final: atEnd)
            if atEnd { break }
            carried = filled - complete
            if carried > 0, complete > 0 { block.withUnsafeMutableBytes { raw in _ = memmove(raw.baseAddress!, raw.baseAddress! + complete, carried) } }
            blockOffset += complete
        }
    }

    /// A line longer than any entry may be: one diagnostic, and reading resumes after its
    /// newline. Returns the offset of the next line, or nil at the end of the chunk.
    private mutating func skipOverLongLine(from lineOffset: Int, read: (Int, Int, UnsafeMutableRawPointer) -> Int?) -> Int? {
        lines += 1
        var window = [UInt8](repeating: 0, count: 64 * 1024)
        var position = lineOffset
        var next: Int?
        while position < end {
            let got = window.withUnsafeMutableBytes { raw in read(position, min(raw.count, end - position), raw.baseAddress!) }
            guard let got, got > 0 else { readFailed = got == nil; break }
            if let newline = window.prefix(got).firstIndex(of: UInt8(ascii: "\n")) {
                next = position + newline + 1
                position += newline
                break
            }
            position += got
        }
        var length = position - lineOffset
        if next != nil, length > 0 {
            var last: UInt8 = 0
            if withUnsafeMutableBytes(of: &last, { read(position - 1, 1, $0.baseAddress!) }) == 1, last == UInt8(ascii: "\r") { length -= 1 }
        }
        diagnostics.append(JournalReader.lineTooLong(file: file, line: lines, bytes: length))
        if next == nil { endsWithNewline = false }
        return next
    }

    enum LineOutcome {
        case nothing
        case entry(Record)
        case fullReader
        case failed
    }

    /// Parses the lines in block[0..<count], which begins at `fileOffset` of the file.
    private mutating func parseLines(_ block: [UInt8], count: Int, fileOffset: Int, final: Bool) {
        block.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var lineStart = 0
            if fileOffset == 0, count >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { lineStart = 3 }
            while lineStart < count {
                lines += 1
                let newline = memchr(base + lineStart, Int32(UInt8(ascii: "\n")), count - lineStart)
                let lineEnd = newline.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? count
                if newline == nil && final {
                    endsWithNewline = false
                    lastLineExcerpt = Diagnostic.excerpt(of: UnsafeBufferPointer(start: base + lineStart, count: lineEnd - lineStart))
                }
                var contentEnd = lineEnd
                if contentEnd > lineStart, base[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
                switch scan(base, lineStart, contentEnd, fileOffset: fileOffset + lineStart) {
                case .nothing: break
                case .entry(let entry): entries.append(entry)
                case .fullReader, .failed: readFully(block[lineStart..<contentEnd], byteOffset: fileOffset + lineStart)
                }
                lineStart = lineEnd + 1
            }
        }
    }

    /// The full reader's verdict on one line: an entry, or its diagnostics.
    private mutating func readFully(_ line: ArraySlice<UInt8>, byteOffset: Int) {
        var scratch = ParsedJournal()
        JournalReader.parseLine(line, file: file, line: lines, byteOffset: byteOffset, into: &scratch)
        if !scratch.diagnostics.isEmpty {
            let excerpt = Diagnostic.excerpt(of: line)
            diagnostics.append(
                contentsOf: scratch.diagnostics.map {
                    var d = $0; d.excerpt = excerpt; return d
                })
            if let id = JournalReader.declaredProject(line) {
                stubs.append(StubDeclaration(line: Int32(lines), file: Int16(file), project: projects.intern(IDText.normalized(id))))
            }
            return
        }
        guard let entry = scratch.entries.first else { return }
        add(entry)
    }

    /// Adds an entry the full reader made.
    private mutating func add(_ entry: Entry) {
        var compact = Record()
        compact.dateKey = entry.date.key
        compact.verb = entry.verb
        compact.amountFen = entry.body.amountFen ?? 0
        compact.line = Int32(lines)
        compact.offset = Int64(entry.byteOffset)
        compact.file = Int16(file)
        if let project = entry.body.projectID { compact.project = projects.intern(IDText.normalized(project)) }
        var keepsText = false
        switch entry.body {
        case .allot(let allotment):
            compact.key = documents.intern(IDText.normalized(allotment.doc))
            compact.kind = RecordKind(allotment)
        case .reduce(let reduction):
            compact.key = documents.intern(IDText.normalized(reduction.doc))
        case .pay(let payment):
            if let voucher = payment.voucher { compact.key = vouchers.add(IDText.normalized(voucher)) }
            compact.reference = payment.contract.map { contracts.intern(IDText.normalized($0)) } ?? -1
        case .reverse(let reversal):
            compact.key = vouchers.add(IDText.normalized(reversal.ofVoucher))
            compact.reference = reversal.ofDate?.key ?? 0
        case .contract(let signing):
            compact.key = contracts.intern(IDText.normalized(signing.contractID))
            keepsText = true
        case .seal:
            keepsText = true
        case .project, .carry, .lapse, .plan, .set:
            keepsText = true
        }
        if keepsText {
            compact.rare = Int32(rare.count)
            rare.append(entry)
        }
        entries.append(compact)
    }
}

/// A 项目 line the reader rejected: it still declares its project (in file order).
struct StubDeclaration {
    var line: Int32
    var file: Int16
    var project: Int32
}

/// The vouchers a chunk names, in order: their bytes and hashes.
struct VoucherMentions {
    var bytes: [UInt8] = []
    /// Mention i spans bytes[starts[i]..<starts[i + 1]].
    var starts: [Int] = [0]
    var hashes: [UInt64] = []

    var count: Int { hashes.count }

    mutating func reserve(lines: Int) {
        hashes.reserveCapacity(lines)
        starts.reserveCapacity(lines + 1)
        bytes.reserveCapacity(lines * 20)
        HugePages.advise(&hashes)
        HugePages.advise(&starts)
        HugePages.advise(&bytes)
    }

    /// Records a voucher; returns the mention's index (the entry's provisional key).
    mutating func add(_ voucher: UnsafeBufferPointer<UInt8>) -> Int32 {
        hashes.append(ByteInterner.hash(voucher))
        bytes.append(contentsOf: voucher)
        starts.append(bytes.count)
        return Int32(hashes.count - 1)
    }

    mutating func add(_ voucher: String) -> Int32 {
        var voucher = voucher
        return voucher.withUTF8 { add($0) }
    }

    func withBytes<R>(_ mention: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[starts[mention]..<starts[mention + 1]])) }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
