/// One accepted entry as a fast exporter reads it: what the checker made of the line (verb,
/// date, amount, project, the 类别 in effect) and the bytes of the line itself — or, for the
/// entries the reader kept whole (contracts, carry-overs, lapses, declarations …), the entry.
/// The exporter formats these checked facts and copies the line's text; it never judges a
/// line again. `Journal.entry(of:)` gives the full entry of any of them.
public struct AcceptedLine {
    /// The entry's index in file order (as `Journal.entry(at:)` takes it).
    public var index: Int
    public var verb: Verb
    /// YYYYMMDD.
    public var dateKey: Int32
    /// The amount in 分 (0 for the verbs without one).
    public var amountFen: Int64
    /// The project's number, the same for every line naming the same project (canonically
    /// equivalent spellings included); -1 for 设置 and 封账.
    public var projectNumber: Int32
    /// 下达: the 类别 in effect (the checker's decision when the line writes none); nil otherwise.
    public var allotKind: AllotmentKind?
    /// The line without its line ending; valid only during the call that hands it out.
    public var bytes: UnsafeBufferPointer<UInt8>
    /// The entry's place in the reader's side list, or -1.
    let rare: Int32

    /// Whether the reader kept the whole entry (then `bytes` is empty: `Journal.entry(of:)`
    /// hands it out without reading the line).
    public var isKept: Bool { rare >= 0 }
}

extension Journal {
    /// The indices of the accepted entries in date order (file order among equal dates).
    public var acceptedOrder: [Int32] {
        let accepted = outcome.accepted
        return outcome.dateOrder.filter { accepted[Int($0)] }
    }

    /// Calls `body` with each entry `indices` names, in that order. Lines are read a block of
    /// the file at a time while they come in file order (a line out of place is read on its
    /// own); `readingLines: false` hands out the checked facts only (`bytes` empty). Several
    /// threads may call it at once, each for its own indices.
    public func forEachLine(of indices: ArraySlice<Int32>, readingLines: Bool = true, _ body: (AcceptedLine) -> Void) {
        let reader = LineBlocks(source: store.bytes)
        // Taken out once: the loop must not copy the store or the outcome.
        let records = store.records, initialAllots = outcome.initialAllots
        for position in indices.indices {
            let index = Int(indices[position])
            let record = records[index]
            let kind = Materializer.allotKind(record, index: index, initialAllots: initialAllots)
            var line = AcceptedLine(
                index: index, verb: record.verb, dateKey: record.dateKey, amountFen: record.amountFen, projectNumber: record.project,
                allotKind: kind, bytes: UnsafeBufferPointer(start: nil, count: 0), rare: record.rare)
            guard readingLines, record.rare < 0 else {
                body(line)
                continue
            }
            line.bytes = reader.line(file: Int(record.file), offset: Int(record.offset)) { span(of: indices, from: position, in: records) }
            body(line)
        }
    }

    /// How many bytes from the line of `indices[position]` a block should take: up to the
    /// start of the last of the lines that follow it in the same file, in file order, within
    /// a block's reach; nil when the next line is not among them (it is out of place: read it
    /// on its own).
    private func span(of indices: ArraySlice<Int32>, from position: Int, in records: [Record]) -> Int? {
        let here = records[Int(indices[position])]
        var last = here.offset
        for next in indices[(position + 1)...] {
            let record = records[Int(next)]
            if record.rare >= 0 { continue }  // kept whole: its line is not read
            guard record.file == here.file, record.offset > last, record.offset - here.offset < Int64(LineBlocks.blockBytes) else {
                return last == here.offset ? nil : Int(last - here.offset)
            }
            last = record.offset
        }
        return Int(last - here.offset)
    }

    /// The full entry of a line `forEachLine` handed out, read by the one entry parser (a
    /// 下达 without 类别 carries the kind the checker decided).
    public func entry(of line: AcceptedLine) -> Entry {
        Materializer.entry(line.index, line: line.bytes, of: store, initialAllots: outcome.initialAllots)
    }
}

/// Lines of the journal's files read through one block at a time (front to back), with a
/// line out of place read on its own so that it does not cost a block.
final class LineBlocks {
    static let blockBytes = Limits.readBlockBytes

    private let source: ByteSource
    private var block: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var blockFile = -1
    private var blockStart = 0
    private var blockCount = 0
    private var single: UnsafeMutablePointer<UInt8>
    private var singleCapacity = 0

    init(source: ByteSource) {
        self.source = source
        capacity = 0
        block = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        single = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
    }

    deinit {
        block.deallocate()
        single.deallocate()
    }

    /// The line at `offset` of `file` without its line ending, valid until the next call.
    /// `span` says how far the lines wanted next reach from here (nil: they are elsewhere):
    /// a block is read from here only when they follow.
    func line(file: Int, offset: Int, span: () -> Int?) -> UnsafeBufferPointer<UInt8> {
        if let found = inBlock(file: file, offset: offset) { return found }
        if let reach = span() {
            refill(file: file, from: offset, count: reach + Limits.maxLineBytes + 2)  // the last line whole
            if let found = inBlock(file: file, offset: offset) { return found }
        }
        // Kept in memory this reader owns: the pointer outlives the call.
        let line = source.line(file: file, offset: offset)
        if line.count > singleCapacity {
            single.deallocate()
            single = UnsafeMutablePointer<UInt8>.allocate(capacity: line.count)
            singleCapacity = line.count
        }
        line.withUnsafeBufferPointer { if let base = $0.baseAddress { single.update(from: base, count: line.count) } }
        return UnsafeBufferPointer(start: single, count: line.count)
    }

    /// The line's bytes within the current block, when the whole line is there.
    private func inBlock(file: Int, offset: Int) -> UnsafeBufferPointer<UInt8>? {
        guard file == blockFile, offset >= blockStart, offset < blockStart + blockCount else { return nil }
        let from = offset - blockStart
        var to: Int
        if let newline = memchr(block + from, Int32(UInt8(ascii: "\n")), blockCount - from) {
            to = UnsafeMutablePointer<UInt8>(newline.assumingMemoryBound(to: UInt8.self)) - block
        } else {
            guard blockStart + blockCount >= source.size(file) else { return nil }
            to = blockCount
        }
        if to > from, block[to - 1] == UInt8(ascii: "\r") { to -= 1 }
        var start = from
        if offset == 0, to - from >= 3, block[0] == 0xEF, block[1] == 0xBB, block[2] == 0xBF { start += 3 }
        return UnsafeBufferPointer(start: block + start, count: to - start)
    }

    private func refill(file: Int, from offset: Int, count wanted: Int) {
        let count = max(0, min(max(wanted, Limits.maxLineBytes + 2), source.size(file) - offset))
        if count > capacity {
            block.deallocate()
            block = UnsafeMutablePointer<UInt8>.allocate(capacity: count)
            capacity = count
        }
        blockFile = file
        blockStart = offset
        blockCount = source.read(file: file, offset: offset, count: count, into: block) ?? 0
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
