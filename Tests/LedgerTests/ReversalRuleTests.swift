import XCTest
@testable import Ledger

/// 冲销: a reversal names an earlier payment of its project by voucher (and date when the
/// voucher is ambiguous), takes back no more than is left of it, and restores the balance.
final class ReversalRuleTests: XCTestCase {
    func testReversalRules() {
        let journal = validateJournal([
            "2019-01-01 项目 P01 办公经费",  // 1
            "2019-01-01 项目 P02 其他",  // 2
            "2019-01-02 下达 P01 1000 文号=A1",  // 3  budget 100000
            "2019-01-02 下达 P02 1000 文号=A2",  // 4
            "2019-02-01 支付 P01 600 凭证=V1",  // 5
            "2019-03-01 支付 P01 400 凭证=V1",  // 6  same voucher, another month
            "2019-04-01 冲销 P01 100 原凭证=V1",  // 7  ambiguous; 100 is 19–21, 原凭证= at 23
            "2019-04-02 冲销 P01 100 原凭证=V1 原日期=2019-02-01",  // 8  ok: 500 left of line 5
            "2019-04-03 冲销 P01 500.01 原凭证=V1 原日期=2019-02-01",  // 9  50001 > 50000
            "2019-04-04 冲销 P01 500 原凭证=V1 原日期=2019-02-01",  // 10 ok: nothing left of line 5
            "2019-04-05 冲销 P01 0.01 原凭证=V1 原日期=2019-02-01",  // 11 exceeds after partial reversals
            "2019-04-06 冲销 P01 1 原凭证=V9",  // 12 unknown voucher; 原凭证= at 21
            "2019-04-07 冲销 P01 1 原凭证=V1 原日期=2019-01-15",  // 13 no V1 payment that day
            "2019-04-08 冲销 P02 1 原凭证=V1",  // 14 V1 belongs to P01
            "2019-04-09 支付 P01 600 凭证=V2",  // 15 paid 1000 − 600 = 400: available 600
            "2019-04-10 支付 P01 0.01",  // 16 none left
        ])
        assertErrors(
            journal.diagnostics,
            [
                Spot(7, 23, "ambiguous-voucher"), Spot(9, 19, "reverse-exceeds-payment"), Spot(11, 19, "reverse-exceeds-payment"),
                Spot(12, 21, "unknown-voucher"), Spot(13, 21, "unknown-voucher"), Spot(14, 21, "unknown-voucher"),
                Spot(16, 19, "overspend"),
            ])
        let books = journal.books()
        // 600 + 400 − 100 − 500 + 600 = 1000 元
        XCTAssertEqual(books.figures("P01", year: 2019).paidFen, 100_000)
        XCTAssertEqual(books.figures("P01", year: 2019).availableFen, 0)
        XCTAssertEqual(books.figures("P02", year: 2019).paidFen, 0)
        XCTAssertEqual(books.payments.map(\.reversedFen), [60_000, 0, 0])  // lines 5, 6, 15
        let ambiguous = journal.diagnostics.first { $0.code == "ambiguous-voucher" }?.message ?? ""
        XCTAssertTrue(ambiguous.contains("2019-02-01") && ambiguous.contains("2019-03-01"), ambiguous)
        let exceeds = journal.diagnostics.first { $0.location.line == 9 }?.message ?? ""
        XCTAssertTrue(exceeds.contains("最多还能冲销 0.05万元"), exceeds)  // 500 元 = 0.05万元
        let wrongDay = journal.diagnostics.first { $0.location.line == 13 }?.message ?? ""
        XCTAssertTrue(wrongDay.contains("2019-02-01、2019-03-01"), wrongDay)
    }

    func testReversalRestoresTheAvailableBalance() {
        let journal = validateJournal([
            "2019-01-01 项目 P01 办公经费",
            "2019-01-02 下达 P01 1000 文号=A1",
            "2019-02-01 支付 P01 1000 凭证=V1",  // available 0
            "2019-02-02 支付 P01 0.01",  // overspend
            "2019-03-01 冲销 P01 250.50 原凭证=V1",  // available 25050
            "2019-03-02 支付 P01 250.50",  // exactly: fine
            "2019-03-03 支付 P01 0.01",  // overspend again
        ])
        assertErrors(journal.diagnostics, [Spot(4, 19, "overspend"), Spot(7, 19, "overspend")])
        XCTAssertEqual(journal.books().figures("P01", year: 2019).paidFen, 100_000)  // 100000 − 25050 + 25050
    }

    /// A reversal must come after its payment in date order.
    func testReversalDatedBeforeItsPaymentFindsNothing() {
        let journal = validateJournal([
            "2019-01-01 项目 P01 办公经费",
            "2019-01-02 下达 P01 1000 文号=A1",
            "2019-02-01 冲销 P01 1 原凭证=V1",
            "2019-03-01 支付 P01 100 凭证=V1",
        ])
        assertErrors(journal.diagnostics, [Spot(3, 21, "unknown-voucher")])
    }

    /// Two payments with one voucher on one day are one original: no 原日期 needed, and the
    /// reversal may take back their sum, oldest first.
    func testSameVoucherSameDayIsOnePayment() {
        let journal = validateJournal([
            "2019-01-01 项目 P01 办公经费",
            "2019-01-02 下达 P01 1000 文号=A1",
            "2019-02-01 支付 P01 300 凭证=V1",
            "2019-02-01 支付 P01 200 凭证=V1",
            "2019-03-01 冲销 P01 400 原凭证=V1",  // 300 from the first, 100 from the second
            "2019-03-02 冲销 P01 100.01 原凭证=V1",  // 100 left
        ])
        assertErrors(journal.diagnostics, [Spot(6, 19, "reverse-exceeds-payment")])
        assertWarnings(journal.diagnostics, [Spot(4, 1, "duplicate-voucher")])
        let books = journal.books()
        XCTAssertEqual(books.payments.map(\.reversedFen), [30_000, 10_000])
        XCTAssertEqual(books.figures("P01", year: 2019).paidFen, 10_000)  // 500 − 400
    }
}
