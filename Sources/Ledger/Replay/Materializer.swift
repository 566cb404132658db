/// Reads every record's line again in full, for the commands that need the words of every
/// entry (register, exports, import): one pass over each file's bytes.
enum Materializer {
    static func entries(of store: RecordStore, initialAllots: Set<Int32>) -> [Entry] {
        var entries: [Entry] = []
        entries.reserveCapacity(store.records.count)
        var file = -1
        var bytes: [UInt8] = []
        for (index, record) in store.records.enumerated() {
            if record.rare >= 0 {
                entries.append(store.rare[Int(record.rare)])
                continue
            }
            if Int(record.file) != file {
                file = Int(record.file)
                bytes = []
                bytes.reserveCapacity(store.bytes.size(file))
                store.bytes.stream(file: file, from: 0, to: store.bytes.size(file)) { bytes.append(contentsOf: $0) }
            }
            guard let entry = parse(record, in: bytes) ?? store.parsedLine(index) else {
                preconditionFailure("a record's line no longer reads as an entry")
            }
            entries.append(resolved(entry, record, index: index, initialAllots: initialAllots))
        }
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

    private static func parse(_ record: Record, in bytes: [UInt8]) -> Entry? {
        let start = Int(record.offset)
        guard start < bytes.count else { return nil }
        var end = bytes[start...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        var scratch = ParsedJournal()
        JournalReader.parseLine(bytes[start..<end], file: Int(record.file), line: Int(record.line), byteOffset: start, into: &scratch)
        return scratch.entries.first
    }
}
