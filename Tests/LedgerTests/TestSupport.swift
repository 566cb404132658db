import XCTest

@testable import Ledger

// Helpers shared by the Ledger test files. No test cases live here.

/// Joins lines into a journal text, each line ending in LF.
func journalText(_ lines: [String]) -> String {
    lines.map { $0 + "\n" }.joined()
}

/// Reads one journal file given as text.
func parseJournal(_ text: String, path: String = "t.journal") -> ParsedJournal {
    var parsed = ParsedJournal()
    JournalReader.parse(JournalSource(path: path, bytes: Array(text.utf8)), into: &parsed)
    return parsed
}

/// Reads one journal file given as raw bytes.
func parseJournal(bytes: [UInt8], path: String = "t.journal") -> ParsedJournal {
    var parsed = ParsedJournal()
    JournalReader.parse(JournalSource(path: path, bytes: bytes), into: &parsed)
    return parsed
}

/// Reads and validates one journal file given as lines.
func validateJournal(_ lines: [String]) -> Journal {
    Validator.validate(parseJournal(journalText(lines)))
}

/// A diagnostic reduced to what tests compare: line, column, code (file 0 implied).
struct Spot: Hashable, CustomStringConvertible {
    var line: Int
    var column: Int
    var code: String
    init(_ line: Int, _ column: Int, _ code: String) { self.line = line; self.column = column; self.code = code }
    var description: String { "\(line):\(column):\(code)" }
}

extension Array where Element == Diagnostic {
    var errorSpots: [Spot] { filter(\.isError).map { Spot($0.location.line, $0.location.column, $0.code) } }
    var warningSpots: [Spot] { filter { !$0.isError }.map { Spot($0.location.line, $0.location.column, $0.code) } }
    var errorCodes: [String] { filter(\.isError).map(\.code) }
}

/// Asserts that the errors are exactly `expected` (order ignored, multiplicity kept).
func assertErrors(_ diagnostics: [Diagnostic], _ expected: [Spot], file: StaticString = #filePath, line: UInt = #line) {
    let actual = diagnostics.errorSpots.sorted { $0.description < $1.description }
    let wanted = expected.sorted { $0.description < $1.description }
    XCTAssertEqual(actual, wanted, "errors were: " + diagnostics.filter(\.isError).map { "\($0.location.line):\($0.location.column):\($0.code) \($0.message)" }.joined(separator: " | "), file: file, line: line)
}

/// Asserts that the warnings are exactly `expected` (order ignored).
func assertWarnings(_ diagnostics: [Diagnostic], _ expected: [Spot], file: StaticString = #filePath, line: UInt = #line) {
    let actual = diagnostics.warningSpots.sorted { $0.description < $1.description }
    let wanted = expected.sorted { $0.description < $1.description }
    XCTAssertEqual(actual, wanted, file: file, line: line)
}

func date(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> CalendarDate {
    guard let value = CalendarDate.parse(text) else {
        XCTFail("bad test date \(text)", file: file, line: line)
        return CalendarDate(year: 2000, month: 1, day: 1)!
    }
    return value
}
