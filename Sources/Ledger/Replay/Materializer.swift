/// Whole entries read again from the records and their lines, for the commands that need the
/// words of every entry (register, exports, import): front to back through one block of the
/// file at a time (`LineBlocks`, as the fast export reads), never the whole file at once.
enum Materializer {
    static func entries(of store: RecordStore, initialAllots: Set<Int32>) -> [Entry] {
        var entries: [Entry] = []
        entries.reserveCapacity(store.records.count)
        let reader = LineBlocks(source: store.bytes)
        for (index, record) in store.records.enumerated() {
            // Every record in file order: a block reaches as far as it can.
            let line = record.rare >= 0 ? nil : reader.line(file: Int(record.file), offset: Int(record.offset)) { LineBlocks.blockBytes }
            entries.append(entry(index, line: line, of: store, initialAllots: initialAllots))
        }
        return entries
    }

    /// Entry `index` in full: the side-list entry when the reader kept it, else its line (when
    /// given; else read again) parsed by the one entry parser, with a 下达's decided 类别.
    static func entry(_ index: Int, line: UnsafeBufferPointer<UInt8>?, of store: RecordStore, initialAllots: Set<Int32>) -> Entry {
        let record = store.records[index]
        if record.rare >= 0 { return store.rare[Int(record.rare)] }
        let parsed = line.flatMap { $0.isEmpty ? nil : RecordStore.parse(Array($0)[...], as: record) }
        guard let entry = parsed ?? store.parsedLine(index) else { preconditionFailure("a record's line no longer reads as an entry") }
        guard case .allot(var allotment) = entry.body, let kind = allotKind(record, index: index, initialAllots: initialAllots) else { return entry }
        allotment.kind = kind
        var resolved = entry
        resolved.body = .allot(allotment)
        return resolved
    }

    /// A 下达's 类别: as written, else the checker's decision (the first of the year is 年初);
    /// nil for the other verbs.
    static func allotKind(_ record: Record, index: Int, initialAllots: Set<Int32>) -> AllotmentKind? {
        guard record.verb == .allot else { return nil }
        let kind = record.kind != .unspecified ? record.kind : initialAllots.contains(Int32(index)) ? .initial : .supplement
        return kind == .initial ? .initial : .supplement
    }
}
