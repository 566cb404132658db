import XCTest
@testable import Ledger

/// 超支, 调减, 结转 and 收回 against the available balance, at its exact boundary, and the
/// figures the books keep from the accepted entries.
final class BalanceRuleTests: XCTestCase {
    private let declare = "2019-01-01 项目 P01 办公经费"

    func testPayingExactlyTheAvailableIsFineOneFenMoreIsOverspend() {
        let journal = validateJournal([
            declare,
            "2019-01-05 下达 P01 1,000.00 文号=A1",  // budget 100000 分
            "2019-02-01 支付 P01 600 凭证=V1",  // available 100000 − 60000 = 40000
            "2019-03-01 支付 P01 400.00 凭证=V2",  // exactly 40000: available 0
            "2019-03-02 支付 P01 0.01 凭证=V3",  // 1 分 > 0: 超支 at the amount, column 19
        ])
        assertErrors(journal.diagnostics, [Spot(5, 19, "overspend")])
        XCTAssertEqual(journal.accepted, [true, true, true, true, false])
        let figures = journal.books().figures("P01", year: 2019)
        XCTAssertEqual(figures.budgetFen, 100_000)
        XCTAssertEqual(figures.paidFen, 100_000)
        XCTAssertEqual(figures.availableFen, 0)
        let message = journal.diagnostics.first { $0.code == "overspend" }?.message ?? ""
        // available 0.00万元, this payment 0.000001万元 (1 分), over by 0.000001万元
        XCTAssertTrue(message.contains("可用余额为 0.00万元"), message)
        XCTAssertTrue(message.contains("超出 0.000001万元"), message)
    }

    func testOneFenOverInASinglePayment() {
        let journal = validateJournal([declare, "2019-01-05 下达 P01 1000 文号=A1", "2019-02-01 支付 P01 1,000.01元"])
        assertErrors(journal.diagnostics, [Spot(3, 19, "overspend")])
        XCTAssertEqual(journal.books().figures("P01", year: 2019).paidFen, 0)
    }

    func testBudgetsBelongToTheirYear() {
        let journal = validateJournal([
            declare,
            "2019-01-05 下达 P01 1000 文号=A1",
            "2020-01-02 支付 P01 1",  // 2019's money is not 2020's (no carry-over)
        ])
        assertErrors(journal.diagnostics, [Spot(3, 19, "overspend")])
    }

    func testReductionMayNotExceedTheAvailable() {
        let journal = validateJournal([
            declare,
            "2019-01-05 下达 P01 1000 文号=A1",  // 100000
            "2019-02-01 支付 P01 600",  // available 40000
            "2019-03-01 调减 P01 400.01 文号=R1",  // 40001 > 40000
            "2019-03-02 调减 P01 400 文号=R2",  // budget 60000 = paid: allowed
            "2019-03-03 支付 P01 0.01",  // nothing left
        ])
        assertErrors(journal.diagnostics, [Spot(4, 19, "reduce-below-paid"), Spot(6, 19, "overspend")])
        let figures = journal.books().figures("P01", year: 2019)
        XCTAssertEqual(figures.allottedFen, 100_000)
        XCTAssertEqual(figures.reducedFen, 40_000)
        XCTAssertEqual(figures.budgetFen, 60_000)  // 100000 − 40000
        XCTAssertEqual(figures.availableFen, 0)  // 60000 − 60000
    }

    func testCarryOverRules() {
        let journal = validateJournal([
            declare,
            "2019-01-05 下达 P01 1000 文号=A1",  // 100000
            "2019-06-01 支付 P01 300",  // available 70000
            "2019-12-30 结转 P01 100",  // not 12-31
            "2019-12-31 结转 P01 700.01",  // 70001 > 70000
            "2019-12-31 结转 P01 700 原因=未完工",  // all of it
            "2020-01-10 支付 P01 700",  // spends the carried-in money
            "2020-01-11 支付 P01 0.01",  // nothing left in 2020
        ])
        assertErrors(
            journal.diagnostics,
            [
                Spot(4, 1, "carry-not-year-end"), Spot(5, 19, "carry-exceeds-available"), Spot(8, 19, "overspend"),
            ])
        let books = journal.books()
        let y2019 = books.figures("P01", year: 2019)
        XCTAssertEqual(y2019.carriedOutFen, 70_000)
        XCTAssertEqual(y2019.availableFen, 0)  // 100000 − 30000 − 70000
        let y2020 = books.figures("P01", year: 2020)
        XCTAssertEqual(y2020.carriedInFen, 70_000)
        XCTAssertEqual(y2020.allottedFen, 0)
        XCTAssertEqual(y2020.budgetFen, 70_000)
        XCTAssertEqual(y2020.paidFen, 70_000)
        XCTAssertEqual(y2020.availableFen, 0)
        XCTAssertEqual(y2020.firstArrival, date("2020-01-01"))  // carried-in money arrives on 1月1日
    }

    func testCarryOverAddsToNextYearsAllotments() {
        let journal = validateJournal([
            declare,
            "2019-01-05 下达 P01 10万 文号=A1",
            "2019-12-31 结转 P01 2.5万",
            "2020-02-01 下达 P01 8万 文号=A2 类别=年初",
            "2020-05-01 下达 P01 1万 文号=A3 类别=追加",
            "2020-06-01 调减 P01 0.5万 文号=R1",
        ])
        XCTAssertTrue(journal.diagnostics.isEmpty, "\(journal.diagnostics)")
        let y2020 = journal.books().figures("P01", year: 2020)
        XCTAssertEqual(y2020.carriedInFen, 2_500_000)  // 2.5万 = 25000 元
        XCTAssertEqual(y2020.allottedFen, 9_000_000)  // 8万 + 1万
        XCTAssertEqual(y2020.initialFen, 8_000_000)  // only the 年初 part
        XCTAssertEqual(y2020.reducedFen, 500_000)
        XCTAssertEqual(y2020.budgetFen, 11_000_000)  // 2.5 + 9 − 0.5 = 11万
        XCTAssertEqual(y2020.firstArrival, date("2020-01-01"))
        XCTAssertEqual(journal.books().figures("P01", year: 2019).availableFen, 7_500_000)  // 10 − 2.5 万
    }

    func testLapseRules() {
        let journal = validateJournal([
            declare,
            "2019-01-05 下达 P01 1000 文号=A1",
            "2019-06-01 支付 P01 600",  // available 40000
            "2019-07-01 收回 P01 400.01 文号=L1",  // 40001 > 40000
            "2019-07-02 收回 P01 400 原因=结余收回",  // all of it
            "2019-07-03 支付 P01 0.01",
        ])
        assertErrors(journal.diagnostics, [Spot(4, 19, "lapse-exceeds-available"), Spot(6, 19, "overspend")])
        let figures = journal.books().figures("P01", year: 2019)
        XCTAssertEqual(figures.lapsedFen, 40_000)
        XCTAssertEqual(figures.budgetFen, 100_000)  // a lapse does not change the budget
        XCTAssertEqual(figures.availableFen, 0)
    }

    func testBooksAsOfADate() {
        let journal = validateJournal([
            declare,
            "2019-01-05 下达 P01 1000 文号=A1",
            "2019-02-01 支付 P01 100",
            "2019-03-01 支付 P01 200",
        ])
        XCTAssertEqual(journal.books(through: date("2019-01-31")).figures("P01", year: 2019).paidFen, 0)
        XCTAssertEqual(journal.books(through: date("2019-02-01")).figures("P01", year: 2019).paidFen, 10_000)
        XCTAssertEqual(journal.books(through: date("2019-12-31")).figures("P01", year: 2019).paidFen, 30_000)
        XCTAssertEqual(journal.books(through: date("2019-01-05")).figures("P01", year: 2019).firstArrival, date("2019-01-05"))
    }

    /// Running totals that would pass Int64 are refused with a diagnostic, never a trap:
    /// 922 × 10^16 分 = 9.22 × 10^18 fits (Int64.max ≈ 9.223 × 10^18), 923 × 10^16 does not.
    func testRunningTotalOverflowIsAnError() {
        var lines = [declare]
        for n in 1...923 { lines.append("2019-01-05 下达 P01 100000000000000 文号=A\(n)") }  // 10^14 元 = Limits.maxAmountFen
        let journal = validateJournal(lines)
        assertErrors(journal.diagnostics, [Spot(924, 19, "amount-overflow")])
        XCTAssertEqual(journal.books().figures("P01", year: 2019).allottedFen, 922 * Limits.maxAmountFen)
        XCTAssertFalse(journal.accepted[923])
    }
}
