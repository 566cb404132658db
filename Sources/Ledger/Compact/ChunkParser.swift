/// Reads a run of whole lines of one file into compact entries. The four verbs that make up
/// nearly every line (支付 下达 调减 冲销) are read straight from the bytes when they are
/// written plainly; every other line — another verb, a quoted project, an escape, a full-width
/// blank, anything unusual — goes through the full reader (`JournalReader.parseLine`), so the
/// two cannot disagree on what a line says. The moment a line has a problem the chunk stops:
/// the caller then runs the full validator, which explains every problem.
struct ChunkParser {
    let file: Int
    /// Byte range of the chunk in the file (starts at a line start; ends after a newline or at
    /// the end of the file).
    let start: Int
    let end: Int

    var entries: [CompactEntry] = []
    /// Full entries of the rare verbs, with line numbers counted from the chunk's first line.
    var rare: [Entry] = []
    var projects = ByteInterner()
    var vouchers = ByteInterner(capacity: 4096)
    var contracts = ByteInterner()
    var documents = ByteInterner()
    /// Lines in the chunk.
    var lines = 0
    /// Set when a line has a problem (or is beyond what the compact form holds).
    var failed = false

    init(file: Int, start: Int, end: Int) {
        self.file = file
        self.start = start
        self.end = end
    }

    mutating func parse(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            var lineStart = start
            if lineStart == 0, end >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { lineStart = 3 }
            entries.reserveCapacity((end - start) / 120)
            while lineStart < end && !failed {
                lines += 1
                let newline = memchr(base + lineStart, Int32(UInt8(ascii: "\n")), end - lineStart)
                let lineEnd = newline.map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base } ?? end
                var contentEnd = lineEnd
                if contentEnd > lineStart, base[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
                switch scan(base, lineStart, contentEnd) {
                case .nothing: break
                case .failed: failed = true
                case .entry(let entry): entries.append(entry)
                case .fullReader: readFully(bytes, lineStart, contentEnd)
                }
                lineStart = lineEnd + 1
            }
        }
    }

    enum LineOutcome {
        case nothing
        case entry(CompactEntry)
        case fullReader
        case failed
    }

    /// The full reader's verdict on one line.
    private mutating func readFully(_ bytes: [UInt8], _ lineStart: Int, _ lineEnd: Int) {
        var scratch = ParsedJournal()
        JournalReader.parseLine(bytes[lineStart..<lineEnd], file: file, line: lines, byteOffset: lineStart, into: &scratch)
        guard scratch.diagnostics.isEmpty else { failed = true; return }
        guard let entry = scratch.entries.first else { return }
        add(entry)
    }

    /// Adds an entry the full reader made.
    private mutating func add(_ entry: Entry) {
        var compact = CompactEntry()
        compact.dateKey = entry.date.key
        compact.verb = entry.verb
        compact.amountFen = entry.body.amountFen ?? 0
        if let project = entry.body.projectID { compact.project = projects.intern(project) }
        var keepsText = false
        switch entry.body {
        case .allot(let allotment):
            compact.key = documents.intern(allotment.doc)
            compact.initial = allotment.kind == .initial
        case .reduce(let reduction):
            compact.key = documents.intern(reduction.doc)
        case .pay(let payment):
            compact.key = payment.voucher.map { vouchers.intern($0) } ?? -1
            compact.reference = payment.contract.map { contracts.intern($0) } ?? -1
        case .reverse(let reversal):
            compact.key = vouchers.intern(reversal.ofVoucher)
            compact.reference = reversal.ofDate?.key ?? 0
        case .contract(let signing):
            compact.key = contracts.intern(signing.contractID)
            keepsText = true
        case .project, .carry, .lapse, .plan, .set, .seal:
            keepsText = true
        }
        if keepsText {
            compact.rare = Int32(rare.count)
            rare.append(entry)
        }
        entries.append(compact)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
