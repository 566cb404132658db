/// What a rule found, before it is put into words: the code, the record it concerns, the other
/// line it names (if any) and the few numbers the message needs. Findings are small and cheap;
/// only the ones shown are explained (`Explain`), by reading their lines again.
struct Finding {
    // 32 bytes: a journal may hold a finding on most of its million lines.
    var code: DiagnosticCode
    private var otherFile: Int16
    /// Index of the record in file order.
    var record: Int32
    /// The other line's number, or -1 when the message names none.
    private var otherLine: Int32
    /// A third number: a flag or an ID (fits 32 bits).
    private var small: Int32
    var a: Int64 = 0
    var b: Int64 = 0

    init(_ code: DiagnosticCode, _ record: Int32, other: LinePlace? = nil, _ a: Int64 = 0, _ b: Int64 = 0, _ c: Int64 = 0) {
        precondition(c >= Int64(Int32.min) && c <= Int64(Int32.max), "a finding's third number is a flag or an ID")
        self.code = code
        self.record = record
        otherFile = other?.file ?? 0
        otherLine = other?.line ?? -1
        small = Int32(c)
        self.a = a
        self.b = b
    }

    /// Another line the message names (the earlier declaration, the first use of a 文号 …).
    var other: LinePlace? { otherLine >= 0 ? LinePlace(file: otherFile, line: otherLine) : nil }
    var c: Int64 { Int64(small) }

    var isError: Bool { code.severity == .error }
}

/// A line of the journal: which file, which line.
struct LinePlace: Hashable {
    var file: Int16
    var line: Int32

    init(file: Int16, line: Int32) {
        self.file = file
        self.line = line
    }

    init(_ record: Record) { self.init(file: record.file, line: record.line) }

    var location: SourceLocation { SourceLocation(file: Int(file), line: Int(line), column: 1) }
}
