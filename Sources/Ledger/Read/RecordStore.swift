/// Everything the reader made of the journal's files: records in file order, the interned
/// IDs, the rare entries kept in full, what the reader said of the lines it rejected, and a
/// way back to the bytes of any line.
struct RecordStore {
    var records: [Record] = []
    var rare: [Entry] = []
    var projects = ByteInterner()
    var contracts = ByteInterner()
    var documents = ByteInterner()
    /// Voucher IDs run below this bound.
    var voucherCount = 0
    var readerDiagnostics: [Diagnostic] = []
    var stubs: [StubDeclaration] = []
    var files: [FileFacts] = []
    var bytes: ByteSource

    struct FileFacts {
        var path: String
        var lineCount: Int
        var endsWithNewline: Bool
        /// The start of the last line, for the warning when it lacks its newline.
        var lastLineExcerpt: String
    }

    init(bytes: ByteSource) { self.bytes = bytes }

    /// Record indices in date order, file order among equal dates (a counting sort on the day
    /// when the file is not already in date order).
    func dateOrder() -> [Int32] {
        var sorted = true
        var previous: Int32 = 0
        for record in records {
            if record.dateKey < previous { sorted = false; break }
            previous = record.dateKey
        }
        if sorted { return (0..<Int32(records.count)).map { $0 } }
        let (firstYear, span) = yearSpan()
        func day(_ key: Int32) -> Int {
            (Int(key / 10_000) - firstYear) * 372 + Int((key / 100) % 100 - 1) * 31 + Int(key % 100 - 1)
        }
        var starts = [Int](repeating: 0, count: span * 372 + 1)
        for record in records { starts[day(record.dateKey) + 1] += 1 }
        for index in 1..<starts.count { starts[index] += starts[index - 1] }
        var order = [Int32](repeating: 0, count: records.count)
        for (index, record) in records.enumerated() {
            let slot = day(record.dateKey)
            order[starts[slot]] = Int32(index)
            starts[slot] += 1
        }
        return order
    }

    /// The first year of any record, and how many years the balances keep (the journal's
    /// years and the one after the last, which carry-overs reach).
    func yearSpan() -> (firstYear: Int, span: Int) {
        var first = Int.max, last = Int.min
        for record in records {
            first = min(first, record.year)
            last = max(last, record.year)
        }
        guard first <= last else { return (Limits.minYear, 1) }
        return (first, last - first + 2)
    }

    func emptyBalances() -> Balances {
        let (firstYear, span) = yearSpan()
        return Balances(
            projects: projects.count, firstYear: firstYear, span: span, vouchers: voucherCount, contracts: contracts.count,
            reversible: reversedVouchers())
    }

    /// Per voucher ID: whether some 冲销 names it (only those payments need a link).
    func reversedVouchers() -> [Bool] {
        var named = [Bool](repeating: false, count: voucherCount)
        for record in records where record.verb == .reverse && record.key >= 0 { named[Int(record.key)] = true }
        return named
    }

    /// The settings in force: 设置 lines in file order (the later line wins), but those refused.
    func settings(rejected: [Bool]) -> Settings {
        var settings = Settings()
        for (index, record) in records.enumerated() where record.verb == .set && !rejected[index] {
            if case .set(let change) = rare[Int(record.rare)].body { settings.apply(change) }
        }
        return settings
    }

    /// Each project's unit, interned (-1 without one), from its first declaration.
    func unitOfProjects() -> [Int32] {
        var units = ByteInterner()
        var unitOf = [Int32](repeating: -2, count: projects.count)
        for record in records where record.verb == .project && unitOf[Int(record.project)] == -2 {
            guard case .project(let declaration) = rare[Int(record.rare)].body else { continue }
            unitOf[Int(record.project)] = declaration.unit.map { units.intern(IDText.normalized($0)) } ?? -1
        }
        return unitOf.map { max($0, -1) }
    }

    /// A record's line read and parsed again, with the columns of its fields.
    func parsedLine(_ index: Int) -> Entry? {
        RecordStore.parse(bytes.line(file: Int(records[index].file), offset: Int(records[index].offset))[...], as: records[index])
    }

    /// A record's line parsed again by the one entry parser (nil if it no longer reads as an entry).
    static func parse(_ line: ArraySlice<UInt8>, as record: Record) -> Entry? {
        var scratch = ParsedJournal()
        JournalReader.parseLine(line, file: Int(record.file), line: Int(record.line), byteOffset: Int(record.offset), into: &scratch)
        return scratch.entries.first
    }
}
