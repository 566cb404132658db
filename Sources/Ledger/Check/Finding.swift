/// What a rule found, before it is put into words: the code, the record it concerns, the other
/// line it names (if any) and the few numbers the message needs. Findings are small and cheap;
/// only the ones shown are explained (`Explain`), by reading their lines again.
struct Finding {
    var code: DiagnosticCode
    /// Index of the record in file order.
    var record: Int32
    /// Another line the message names (the earlier declaration, the first use of a 文号 …).
    var other: LinePlace?
    var a: Int64 = 0
    var b: Int64 = 0
    var c: Int64 = 0

    init(_ code: DiagnosticCode, _ record: Int32, other: LinePlace? = nil, _ a: Int64 = 0, _ b: Int64 = 0, _ c: Int64 = 0) {
        self.code = code
        self.record = record
        self.other = other
        self.a = a
        self.b = b
        self.c = c
    }

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
