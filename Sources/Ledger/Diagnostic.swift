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

    public init(_ severity: Severity, _ code: String, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.code = code
        self.message = message
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
