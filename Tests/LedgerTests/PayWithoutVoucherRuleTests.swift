import XCTest
@testable import Ledger

/// Spec §1 "Warnings": a 支付 without 凭证 could never be reversed by voucher — a warning, and
/// the payment still counts.
final class PayWithoutVoucherRuleTests: XCTestCase {
    func testAPaymentWithoutVoucherIsWarnedAndStillCounts() {
        let journal = validateJournal([
            "2019-01-01 项目 P01 办公经费",  // 1
            "2019-01-02 下达 P01 1000 文号=A1",  // 2
            "2019-02-01 支付 P01 100",  // 3 warning: no 凭证
            "2019-02-02 pay P01 100 voucher=V1",  // 4 fine
            "2019-02-03 支付 P01 100 收款人=某公司",  // 5 warning: a payee is no voucher
        ])
        assertErrors(journal.diagnostics, [])
        assertWarnings(journal.diagnostics, [Spot(3, 1, "pay-without-voucher"), Spot(5, 1, "pay-without-voucher")])
        XCTAssertEqual(journal.accepted, [true, true, true, true, true])
        // 3 × 100 元 paid = 30,000 分; 1000 − 300 = 700 元 left.
        let figures = journal.yearState(asOf: date("2019-12-31")).figures["P01"]
        XCTAssertEqual(figures?.paidFen, 30_000)
        XCTAssertEqual(figures?.availableFen, 70_000)
        XCTAssertEqual(journal.warningCount, 2)
    }
}
