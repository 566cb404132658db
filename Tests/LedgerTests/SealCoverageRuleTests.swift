import XCTest
@testable import Ledger

/// Spec §1 "Sealing" as revised: the hash covers the seal's own date; after a seal dated D, a
/// line of any file dated on or before D that no seal covers is an error; a seal covers the
/// lines of its own file before it, and its own line.
final class SealCoverageRuleTests: XCTestCase {
    private let head = journalText([
        "2019-01-01 项目 P01 办公经费",
        "2019-01-02 下达 P01 1000 文号=A1",
    ])

    /// A seal line over `preceding`, hashed for `hashDate` and written with `writtenDate`.
    private func seal(over preceding: String, hashDate: String, writtenDate: String? = nil) -> String {
        "\(writtenDate ?? hashDate) 封账 sha256=\(SHA256.hex(Array((preceding + hashDate).utf8)))\n"
    }

    private func validate(_ files: [String]) -> Journal {
        Validator.validate(sources: files.enumerated().map { JournalSource(path: "f\($0.offset).journal", bytes: Array($0.element.utf8)) })
    }

    func testTheHashCoversTheSealsDate() {
        XCTAssertTrue(validate([head + seal(over: head, hashDate: "2019-06-30")]).diagnostics.isEmpty)
        // The same hash with the date moved a month on: the seal no longer matches (sha256= at column 15).
        let moved = validate([head + seal(over: head, hashDate: "2019-06-30", writtenDate: "2019-07-31")])
        assertErrors(moved.diagnostics, [Spot(3, 15, "seal-mismatch")])
        XCTAssertTrue(moved.context.seals.isEmpty)
        // And the hash of the bytes alone (the old rule) is no seal either.
        let bytesOnly = validate([head + "2019-06-30 封账 sha256=\(SHA256.hex(Array(head.utf8)))\n"])
        assertErrors(bytesOnly.diagnostics, [Spot(3, 15, "seal-mismatch")])
    }

    func testALineOfAnEarlierFileInsideALaterFilesSealedPeriodIsAnError() {
        let first = journalText([
            "2019-04-01 项目 P01 办公经费",  // 0:1 after the seal's date: fine
            "2019-04-02 下达 P01 1000 文号=A1",  // 0:2 fine
            "2019-03-15 支付 P01 100 凭证=V1",  // 0:3 dated inside 2019-03-31, covered by no seal
        ])
        let secondHead = journalText(["2019-04-03 支付 P01 50 凭证=V2"])  // 1:1 covered by the seal below
        let second =
            secondHead + seal(over: secondHead, hashDate: "2019-03-31")  // 1:2
            + journalText(["2019-04-05 支付 P01 10 凭证=V3"])  // 1:3 after: fine
        let journal = validate([first, second])
        let errors = journal.diagnostics.filter(\.isError).map { "\($0.location.file):\($0.location.line):\($0.location.column):\($0.code)" }
        XCTAssertEqual(errors, ["0:3:1:sealed-period"])
        let message = journal.diagnostics.first { $0.code == "sealed-period" }?.message ?? ""
        XCTAssertTrue(message.contains("2019-03-31") && message.contains("f1.journal"), message)
        // Paid: 50 + 10 = 60 元; line 0:3 is not applied.
        XCTAssertEqual(journal.yearState(asOf: date("2019-12-31")).figures["P01"]?.paidFen, 6_000)
    }

    func testASealsOwnLineIsCoveredEvenWhenALaterFileSealsFurther() {
        let firstHead = head
        let first = firstHead + seal(over: firstHead, hashDate: "2019-03-31")  // 0:3 its own line is dated 03-31
        let secondHead = journalText(["2019-04-01 支付 P01 100 凭证=V1"])
        let second = secondHead + seal(over: secondHead, hashDate: "2019-06-30")  // 1:2 seals further
        let journal = validate([first, second])
        XCTAssertTrue(journal.diagnostics.isEmpty, "\(journal.diagnostics.map { "\($0.location.file):\($0.location.line) \($0.code) \($0.message)" })")
        XCTAssertEqual(journal.context.seals.map(\.date), [date("2019-03-31"), date("2019-06-30")])
    }

    func testALaterLineOfTheSameFileDatedOnTheSealDateIsAnError() {
        let text =
            head + seal(over: head, hashDate: "2019-06-30")
            + journalText([
                "2019-06-30 支付 P01 1 凭证=V1",  // 4 on the date: closed
                "2019-07-01 支付 P01 1 凭证=V2",  // 5 after: fine
            ])
        let journal = validate([text])
        assertErrors(journal.diagnostics, [Spot(4, 1, "sealed-period")])
    }
}
