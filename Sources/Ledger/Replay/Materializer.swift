/// Reads every record's line again in full, for the commands that need the words of every
/// entry (register, exports, import): front to back through one block of the file at a time
/// (`LineCursor`, as the streamed exports read), never the whole file at once.
enum Materializer {
    static func entries(of store: RecordStore, initialAllots: Set<Int32>) -> [Entry] {
        var entries: [Entry] = []
        entries.reserveCapacity(store.records.count)
        var cursor = LineCursor(bytes: store.bytes)
        for index in store.records.indices { entries.append(cursor.fullEntry(index, of: store, initialAllots: initialAllots)) }
        return entries
    }

    /// A 下达 without 类别 carries the kind the checker decided.
    static func resolved(_ entry: Entry, _ record: Record, index: Int, initialAllots: Set<Int32>) -> Entry {
        guard case .allot(var allotment) = entry.body else { return entry }
        let kind = record.kind != .unspecified ? record.kind : initialAllots.contains(Int32(index)) ? .initial : .supplement
        allotment.kind = kind == .initial ? .initial : .supplement
        var resolved = entry
        resolved.body = .allot(allotment)
        return resolved
    }
}
