/// Where something stands in the journal: which file (index into the journal's sources),
/// which line (1-based) and which column (1-based, counted in characters).
public struct SourceLocation: Hashable, Comparable, Sendable {
    public var file: Int
    public var line: Int
    public var column: Int

    public init(file: Int, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// An error or a warning about the journal, as a value with its source location. The reader
/// and the rules collect these; nothing is thrown away and nothing stops at the first one.
public struct Diagnostic: Hashable, Sendable {
    public enum Severity: String, Sendable {
        case error
        case warning

        /// The word printed in diagnostics: `错误` or `警告`.
        public var label: String { self == .error ? "错误" : "警告" }
    }

    public var severity: Severity
    public var location: SourceLocation
    /// A stable identifier of the kind of problem (`overspend`, `unknown-key` …). Used to
    /// tell whether a new entry introduced a problem, and by tests.
    public var code: String
    /// The Chinese message: what is wrong and what to do.
    public var message: String
    /// The start of the line it concerns, as quoted after the message (nil when not known).
    public var excerpt: String?

    public init(_ severity: Severity, _ code: String, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.code = code
        self.message = message
    }

    /// The start of a line as a diagnostic quotes it: at most `Limits.excerptCharacters`
    /// characters, blanks trimmed, control characters and broken bytes shown as U+FFFD.
    public static func excerpt<Bytes: Collection>(of line: Bytes) -> String where Bytes.Element == UInt8 {
        let decoded = String(decoding: line.prefix((Limits.excerptCharacters + 1) * 4), as: UTF8.self)
        var text = ""
        var count = 0
        for scalar in decoded.unicodeScalars {
            if count >= Limits.excerptCharacters { return text + "…" }
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { text += "\u{FFFD}" } else { text.unicodeScalars.append(scalar) }
            count += 1
        }
        return trimmingBlanks(text)
    }

    private static func trimmingBlanks(_ text: String) -> String {
        var scalars = Substring(text).unicodeScalars[...]
        while let first = scalars.first, first == " " || first == "\t" || first == "\u{3000}" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" || last == "\u{3000}" { scalars.removeLast() }
        return String(String.UnicodeScalarView(scalars))
    }

    public static func error(_ code: String, at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, code, at: location, message)
    }

    public static func warning(_ code: String, at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, code, at: location, message)
    }

    public var isError: Bool { severity == .error }
}

extension Array where Element == Diagnostic {
    public var errorCount: Int { lazy.filter(\.isError).count }
    public var warningCount: Int { lazy.filter { !$0.isError }.count }

    /// In source order, errors before warnings at the same place.
    public func sortedBySource() -> [Diagnostic] {
        enumerated().sorted { a, b in
            if a.element.location != b.element.location { return a.element.location < b.element.location }
            if a.element.severity != b.element.severity { return a.element.isError }
            return a.offset < b.offset
        }.map(\.element)
    }
}
