import XCTest
@testable import Ledger

/// A pasted blob is quoted back by its start only: diagnostics stay one readable line.
final class MessageLengthTests: XCTestCase {
    func testLongValuesAreQuotedByTheirStart() {
        let digits = String(repeating: "9", count: 5_000)
        var parsed = ParsedJournal()
        let text = "2019-01-01 项目 P 甲\n2019-01-02 下达 P \(digits) 文号=X\n"
        JournalReader.parse(JournalSource(path: "t.journal", bytes: Array(text.utf8)), into: &parsed)
        let amount = parsed.diagnostics.first { $0.code == "bad-amount" }
        XCTAssertNotNil(amount)
        // 40 digits, then "…": the message names the problem without echoing 5,000 characters.
        XCTAssertTrue(amount?.message.contains("“" + String(repeating: "9", count: 40) + "…”") ?? false, amount?.message ?? "")
        XCTAssertLessThan(amount?.message.count ?? .max, 200)
    }

    func testShortValuesAreQuotedWhole() {
        XCTAssertEqual(EntryParser.shown("1.2345678万"), "1.2345678万")
        XCTAssertEqual(EntryParser.shown(String(repeating: "字", count: 41)), String(repeating: "字", count: 40) + "…")
    }
}
