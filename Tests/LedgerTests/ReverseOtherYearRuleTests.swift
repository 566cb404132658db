import XCTest
@testable import Ledger

/// Spec §1 冲销: the payment reversed must be of the same year. A refund of an earlier year's
/// spending goes back to the treasury: it must not shrink this year's paid.
final class ReverseOtherYearRuleTests: XCTestCase {
    func testReversingLastYearsPaymentIsAnError() {
        let journal = validateJournal([
            "2018-01-01 项目 P01 办公经费",  // 1
            "2018-01-02 下达 P01 1000 文号=A1",  // 2
            "2018-12-20 支付 P01 300 凭证=V1",  // 3
            "2019-01-02 下达 P01 1000 文号=A2",  // 4
            "2019-01-10 冲销 P01 100 原凭证=V1",  // 5 error: V1 was paid in 2018 (原凭证= at 23)
            "2019-02-01 支付 P01 50 凭证=V1",  // 6
            "2019-02-03 冲销 P01 50 原凭证=V1 原日期=2019-02-01",  // 7 fine: this year's payment
            "2019-02-04 冲销 P01 10 原凭证=V1 原日期=2018-12-20",  // 8 error: named by date, still 2018 (原凭证= at 22)
        ])
        assertErrors(journal.diagnostics, [Spot(5, 23, "reverse-other-year"), Spot(8, 22, "reverse-other-year")])
        XCTAssertEqual(journal.accepted, [true, true, true, true, false, true, true, false])
        let message = journal.diagnostics.first { $0.code == "reverse-other-year" }?.message ?? ""
        XCTAssertTrue(message.contains("2018-12-20") && message.contains("2019"), message)
        // 2019: 50 paid, 50 reversed → 0 paid, the whole 1000 available; 2018 keeps its 300.
        let y2019 = journal.yearState(asOf: date("2019-12-31")).figures["P01"]
        XCTAssertEqual(y2019?.paidFen, 0)
        XCTAssertEqual(y2019?.availableFen, 100_000)
        XCTAssertEqual(journal.yearState(asOf: date("2018-12-31")).figures["P01"]?.paidFen, 30_000)
    }

    /// The year is the calendar year: a reversal on 12-31 of a payment made 01-01 is fine.
    func testFirstAndLastDayOfOneYearAreTheSameYear() {
        let journal = validateJournal([
            "2019-01-01 项目 P01 办公经费",
            "2019-01-01 下达 P01 1000 文号=A1",
            "2019-01-01 支付 P01 300 凭证=V1",
            "2019-12-31 冲销 P01 300 原凭证=V1",
        ])
        assertErrors(journal.diagnostics, [])
        XCTAssertEqual(journal.yearState(asOf: date("2019-12-31")).figures["P01"]?.paidFen, 0)
    }
}
