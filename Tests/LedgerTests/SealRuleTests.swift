import XCTest
@testable import Ledger

/// 封账: a seal records the SHA-256 of every byte of its file before its line; editing any
/// of those bytes breaks it, and nothing after it may be dated on or before its date.
final class SealRuleTests: XCTestCase {
    private let head = journalText([
        "# 2019 年日记账",
        "2019-01-01 项目 P01 办公经费",
        "2019-01-02 下达 P01 1000 文号=A1",
        "2019-03-01 支付 P01 300 凭证=S1",
    ])

    private func sealLine(_ date: String, over bytes: String) -> String {
        // The hash covers the bytes before the line and the seal's own date (spec §1 "Sealing").
        "\(date) 封账 sha256=\(SHA256.hex(Array((bytes + date).utf8)))\n"
    }

    private func validate(_ text: String) -> Journal { Validator.validate(parseJournal(text)) }

    func testCorrectSealPasses() {
        let text = head + sealLine("2019-06-30", over: head) + "2019-07-01 支付 P01 100 凭证=T\n"
        let journal = validate(text)
        XCTAssertTrue(journal.diagnostics.isEmpty, "\(journal.diagnostics)")
        XCTAssertEqual(journal.books().figures("P01", year: 2019).paidFen, 40_000)
    }

    func testEditingOneByteBeforeTheSealIsAMismatch() {
        let edited = head.replacingOccurrences(of: "1000", with: "1001")  // one byte: 0 → 1
        XCTAssertEqual(Array(edited.utf8).count, Array(head.utf8).count)
        let journal = validate(edited + sealLine("2019-06-30", over: head))
        // The seal is line 5; sha256= starts at column 15 (date 1–10, 封账 12–13).
        assertErrors(journal.diagnostics, [Spot(5, 15, "seal-mismatch")])
    }

    func testEditingACommentBreaksTheSealToo() {
        let edited = head.replacingOccurrences(of: "# 2019", with: "# 2018")
        let journal = validate(edited + sealLine("2019-06-30", over: head))
        assertErrors(journal.diagnostics, [Spot(5, 15, "seal-mismatch")])
    }

    func testAppendingBeforeTheSealBreaksIt() {
        let journal = validate(head + "\n" + sealLine("2019-06-30", over: head))  // one blank line added
        assertErrors(journal.diagnostics, [Spot(6, 15, "seal-mismatch")])
    }

    func testLinesDatedInTheSealedPeriodAreRefused() {
        let text =
            head + sealLine("2019-06-30", over: head)
            + journalText([
                "2019-06-30 支付 P01 100 凭证=S2",  // 6: on the seal date
                "2019-01-15 下达 P01 5 文号=B",  // 7: before it
                "2019-07-01 支付 P01 100 凭证=S3",  // 8: after: fine
            ])
        let journal = validate(text)
        assertErrors(journal.diagnostics, [Spot(6, 1, "sealed-period"), Spot(7, 1, "sealed-period")])
        XCTAssertEqual(journal.accepted, [true, true, true, true, false, false, true])
        XCTAssertEqual(journal.books().figures("P01", year: 2019).paidFen, 40_000)  // 300 + 100 (line 8)
        XCTAssertEqual(journal.books().figures("P01", year: 2019).allottedFen, 100_000)  // line 7 not applied
        let message = journal.diagnostics.first?.message ?? ""
        XCTAssertTrue(message.contains("第 5 行") && message.contains("2019-06-30"), message)
    }

    /// Lines above the seal may be dated after it: the seal closes what follows it.
    func testEarlierLinesDatedAfterTheSealAreFine() {
        let before = head + "2019-08-01 支付 P01 100 凭证=T\n"
        let journal = validate(before + sealLine("2019-06-30", over: before))
        XCTAssertTrue(journal.diagnostics.isEmpty, "\(journal.diagnostics)")
    }

    func testAMismatchedSealStillClosesItsPeriod() {
        let text = head + "2019-06-30 封账 sha256=\(String(repeating: "0", count: 64))\n" + "2019-06-01 支付 P01 1 凭证=T\n"
        let journal = validate(text)
        assertErrors(journal.diagnostics, [Spot(5, 15, "seal-mismatch"), Spot(6, 1, "sealed-period")])
    }

    func testChainedSealsEachCoverEverythingBeforeThem() {
        let first = head + sealLine("2019-06-30", over: head)
        let middle = first + "2019-09-01 支付 P01 100 凭证=T\n"
        let text = middle + sealLine("2019-12-31", over: middle) + "2020-01-02 下达 P01 5 文号=C\n"
        XCTAssertTrue(validate(text).diagnostics.isEmpty)
        // A second seal dated on or before the first is itself in the closed period.
        let early = first + sealLine("2019-06-30", over: first)
        assertErrors(validate(early).diagnostics, [Spot(6, 1, "sealed-period")])
    }

    /// The hash is of the raw bytes: a BOM and CRLF line endings are part of them.
    func testBOMAndCRLFAreHashedAsWritten() {
        let body = "2019-01-01 项目 P01 办公经费\r\n2019-01-02 下达 P01 1000 文号=A1\r\n"
        let preceding: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(body.utf8)
        let bytes = preceding + Array("2019-06-30 封账 sha256=\(SHA256.hex(preceding + Array("2019-06-30".utf8)))\r\n".utf8)
        XCTAssertTrue(Validator.validate(parseJournal(bytes: bytes)).diagnostics.isEmpty)
        // The same seal over the bytes without the BOM does not match.
        let withoutBOM = preceding + Array("2019-06-30 封账 sha256=\(SHA256.hex(Array((body + "2019-06-30").utf8)))\r\n".utf8)
        assertErrors(Validator.validate(parseJournal(bytes: withoutBOM)).diagnostics, [Spot(3, 15, "seal-mismatch")])
    }

    /// Each file's seals cover that file; a seal closes its period for every line no seal covers,
    /// in any file — before or after it on the command line.
    func testSealsAcrossFiles() {
        let first = journalText(["2019-01-01 项目 P01 办公经费", "2019-01-02 下达 P01 1000 文号=A1"])
        let secondHead = "2019-07-01 支付 P01 100 凭证=V1\n"
        var parsed = ParsedJournal()
        JournalReader.parse(JournalSource(path: "2019a.journal", bytes: Array(first.utf8)), into: &parsed)
        JournalReader.parse(
            JournalSource(
                path: "2019b.journal",
                bytes: Array((secondHead + sealLine("2019-07-31", over: secondHead) + "2019-07-15 支付 P01 1 凭证=T\n").utf8)),
            into: &parsed)
        let journal = Validator.validate(parsed)
        // The first file's lines (01-01, 01-02) are in the period 2019b sealed and no seal covers
        // them: refused, so 2019b's payment has no budget to draw on.
        XCTAssertEqual(journal.diagnostics.map(\.code), ["sealed-period", "sealed-period", "overspend", "sealed-period"])
        XCTAssertEqual(
            journal.diagnostics.map(\.location),
            [
                SourceLocation(file: 0, line: 1, column: 1), SourceLocation(file: 0, line: 2, column: 1),
                SourceLocation(file: 1, line: 1, column: 19), SourceLocation(file: 1, line: 3, column: 1),
            ])
        XCTAssertTrue(journal.diagnostics[0].message.contains("2019b.journal 第 2 行封账至 2019-07-31"), journal.diagnostics[0].message)

        // A seal computed over both files does not match the second file alone.
        var joined = ParsedJournal()
        JournalReader.parse(JournalSource(path: "2019a.journal", bytes: Array(first.utf8)), into: &joined)
        JournalReader.parse(
            JournalSource(path: "2019b.journal", bytes: Array((secondHead + sealLine("2019-07-31", over: first + secondHead)).utf8)),
            into: &joined)
        XCTAssertEqual(Validator.validate(joined).diagnostics.map(\.code), ["sealed-period", "sealed-period", "overspend", "seal-mismatch"])

        // A seal in the first file closes the period for the second.
        var closed = ParsedJournal()
        JournalReader.parse(JournalSource(path: "2019a.journal", bytes: Array((first + sealLine("2019-06-30", over: first)).utf8)), into: &closed)
        JournalReader.parse(JournalSource(path: "2019b.journal", bytes: Array("2019-06-30 支付 P01 1 凭证=V2\n".utf8)), into: &closed)
        let closedJournal = Validator.validate(closed)
        XCTAssertEqual(closedJournal.diagnostics.map(\.location), [SourceLocation(file: 1, line: 1, column: 1)])
        XCTAssertTrue(closedJournal.diagnostics.first?.message.contains("2019a.journal") ?? false)
    }
}
