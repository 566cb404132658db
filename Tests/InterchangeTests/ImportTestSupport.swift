import XCTest
import Ledger
@testable import Interchange

// Helpers shared by the Interchange tests. No test cases live here.

/// Reads and validates one journal given as lines.
func importJournal(_ lines: [String], path: String = "t.journal") -> Journal {
    var parsed = ParsedJournal()
    JournalReader.parse(JournalSource(path: path, bytes: Array(lines.map { $0 + "\n" }.joined().utf8)), into: &parsed)
    return Validator.validate(parsed)
}

/// A CSV text parsed, failing the test on error.
func csvTable(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> CSVTable {
    switch CSVTable.parse(text) {
    case .success(let value): return value
    case .failure(let failure):
        XCTFail("CSV did not parse: \(failure.message)", file: file, line: line)
        return CSVTable(rows: [])
    }
}

func importDate(_ text: String) -> CalendarDate { CalendarDate.parse(text)! }

/// Hex → bytes ("CF EE" → [0xCF, 0xEE]).
func hexBytes(_ text: String) -> [UInt8] {
    text.split(separator: " ").map { UInt8($0, radix: 16)! }
}
