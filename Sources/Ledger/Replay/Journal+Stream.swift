/// The accepted entries read again in full one at a time, in date order, for the commands that
/// need every word of every entry (exports): a province's journal is never held in memory as
/// entries. When the files are already in date order (the usual case) they are read once,
/// front to back, a block at a time; otherwise each entry's line is read where it stands.
extension Journal {
    public func forEachAcceptedEntry(_ body: (_ index: Int, _ entry: Entry) -> Void) {
        if let all = cache.materializedEntries {
            for index in outcome.dateOrder where outcome.accepted[Int(index)] { body(Int(index), all[Int(index)]) }
            return
        }
        let inFileOrder = outcome.dateOrder.indices.allSatisfy { outcome.dateOrder[$0] == Int32($0) }
        guard inFileOrder else {
            for index in outcome.dateOrder where outcome.accepted[Int(index)] { body(Int(index), entry(at: Int(index))) }
            return
        }
        var cursor = LineCursor(bytes: store.bytes)
        for index in store.records.indices where outcome.accepted[index] {
            body(index, cursor.fullEntry(index, of: store, initialAllots: outcome.initialAllots))
        }
    }
}

/// Reads lines front to back through one block of the file at a time.
struct LineCursor {
    let bytes: ByteSource
    private var block: [UInt8] = []
    private var blockFile = -1
    private var blockStart = 0

    init(bytes: ByteSource) { self.bytes = bytes }

    /// Entry `index` in full, its line read through the cursor (records must come in file
    /// order): the side-list entry when there is one, and a 下达's decided 类别.
    mutating func fullEntry(_ index: Int, of store: RecordStore, initialAllots: Set<Int32>) -> Entry {
        let record = store.records[index]
        if record.rare >= 0 { return store.rare[Int(record.rare)] }
        guard let entry = entry(record) ?? store.parsedLine(index) else { preconditionFailure("a record's line no longer reads as an entry") }
        return Materializer.resolved(entry, record, index: index, initialAllots: initialAllots)
    }

    /// The record's line parsed in full (nil if it no longer reads as an entry).
    mutating func entry(_ record: Record) -> Entry? {
        let file = Int(record.file), start = Int(record.offset)
        var range = lineRange(file: file, start: start)
        if range == nil {
            refill(file: file, from: start)
            range = lineRange(file: file, start: start)
        }
        guard let (from, to) = range else { return nil }
        return RecordStore.parse(block[from..<to], as: record)
    }

    /// The line's bytes within the current block, when the whole line is there.
    private func lineRange(file: Int, start: Int) -> (Int, Int)? {
        guard file == blockFile, start >= blockStart, start < blockStart + block.count else { return nil }
        let from = start - blockStart
        let atEnd = blockStart + block.count >= bytes.size(file)
        var to = block[from...].firstIndex(of: UInt8(ascii: "\n")) ?? (atEnd ? block.count : -1)
        guard to >= 0 else { return nil }
        if to > from, block[to - 1] == UInt8(ascii: "\r") { to -= 1 }
        return (from, to)
    }

    private mutating func refill(file: Int, from start: Int) {
        let size = bytes.size(file)
        let count = min(max(Limits.readBlockBytes, Limits.maxLineBytes + 2), size - start)
        block = [UInt8](repeating: 0, count: max(0, count))
        let got = block.withUnsafeMutableBytes { bytes.read(file: file, offset: start, count: count, into: $0.baseAddress!) } ?? 0
        block.removeLast(block.count - got)
        blockFile = file
        blockStart = start
    }
}
