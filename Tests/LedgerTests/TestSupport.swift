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

/// SplitMix64 (Steele, Lea, Flood 2014): small, fast and fully deterministic, so a seed
/// printed by a failing run reproduces it (FUNDFLOW_SEED=N swift test …).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &self) }
    mutating func int64(_ range: ClosedRange<Int64>) -> Int64 { Int64.random(in: range, using: &self) }
    mutating func chance(_ percent: Int) -> Bool { int(0...99) < percent }
    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}

/// The seed for a randomised test: FUNDFLOW_SEED when set, else the clock. Printed so a
/// failure can be replayed.
func testSeed(_ testName: String) -> UInt64 {
    let seed: UInt64
    if let text = ProcessInfo.processInfo.environment["FUNDFLOW_SEED"], let value = UInt64(text) {
        seed = value
    } else {
        seed = UInt64(Date().timeIntervalSince1970 * 1_000_000) & 0xFFFF_FFFF_FFFF
    }
    print("\(testName) seed: \(seed)  (replay with FUNDFLOW_SEED=\(seed))")
    return seed
}
