import XCTest
@testable import Ledger

/// One test per finding of the fuzz targets (fuzz/README.md), with the minimised input
/// inline, so a fixed bug stays fixed without running the fuzzer. Each test says what broke
/// and how it was found.
final class FuzzRegressionTests: XCTestCase {
    /// The checks the fuzz targets make after validation: no balance below zero, and every
    /// budget and available balance representable (no wrapped Int64).
    func assertBooksSound(_ journal: Journal, file: StaticString = #filePath, line: UInt = #line) {
        for (key, figures) in journal.books().figures {
            XCTAssertTrue(figures.totalsAreRepresentable, "\(key.project) \(key.year): \(figures)", file: file, line: line)
            XCTAssertGreaterThanOrEqual(figures.availableFen, 0, "\(key.project) \(key.year): \(figures)", file: file, line: line)
        }
    }

    /// Found while writing the fuzz oracles (out of the fuzzer's reach: it needs ~930 lines,
    /// beyond -max_len=4096). A 冲销 dated in a later year than the payment it reverses makes
    /// that year's paid negative; the books subtracted it with wrapping arithmetic, so a year
    /// whose budget was near Int64.max got an available balance that wrapped to Int64.min,
    /// and the next payment trapped in OverspendRule (`amount - available`): `fundflow check`
    /// died with SIGILL on this journal. Now the reversal that would push the available
    /// balance past Int64.max is refused as an amount overflow, and the payment is checked
    /// against the true balance.
    func testReversalOfAnEarlierYearCannotWrapTheAvailableBalance() {
        var lines = [
            "2018-01-01 项目 P01 x",
            "2018-01-02 下达 P01 100000000000000 文号=A1",
            "2018-01-02 下达 P01 100000000000000 文号=A2",
            "2018-01-03 支付 P01 100000000000000 凭证=V1",
            "2018-01-03 支付 P01 33720368547758.08 凭证=V2",
        ]
        // 921 × Limits.maxAmountFen = 9.21e18 分: 2019's budget, just under Int64.max.
        lines += (1...921).map { "2019-01-02 下达 P01 100000000000000 文号=B\($0)" }
        lines += [
            "2019-01-03 冲销 P01 100000000000000 原凭证=V1",  // line 927: available 9.22e18, still fits
            "2019-01-03 冲销 P01 33720368547758.08 原凭证=V2",  // line 928: would be Int64.max + 1
            "2019-01-04 支付 P01 100000000000000 凭证=V3",  // line 929: trapped here
        ]
        // Since spec §1 was revised a 冲销 may only reverse a payment of its own year: a refund of
        // an earlier year's spending goes back to the treasury. Both reversals are refused, so
        // 2019's paid never goes negative and nothing can wrap.
        let journal = validateJournal(lines)
        assertErrors(journal.diagnostics, [Spot(927, 35, "reverse-other-year"), Spot(928, 37, "reverse-other-year")])
        XCTAssertEqual(journal.accepted.filter { !$0 }.count, 2)
        assertBooksSound(journal)
        let figures = journal.books().figures("P01", year: 2019)
        XCTAssertEqual(figures.paidFen, Limits.maxAmountFen)  // V3 alone
        XCTAssertEqual(figures.availableFen, 920 * Limits.maxAmountFen)
        XCTAssertEqual(journal.books().payments.first { $0.location.line == 5 }?.reversedFen, 0)  // V2 untouched
    }

    /// A reversal of the same year near the top of the range restores the balance exactly.
    func testReversalNearTheTopOfTheRangeIsExact() {
        var lines = ["2019-01-01 项目 P01 x"]
        lines += (1...921).map { "2019-01-02 下达 P01 100000000000000 文号=B\($0)" }
        lines += [
            "2019-01-03 支付 P01 100000000000000 凭证=V1",
            "2019-01-04 冲销 P01 100000000000000 原凭证=V1",
            "2019-01-05 支付 P01 0.01 凭证=V3",
        ]
        let journal = validateJournal(lines)
        assertErrors(journal.diagnostics, [])
        assertBooksSound(journal)
        XCTAssertEqual(journal.books().figures("P01", year: 2019).availableFen, 921 * Limits.maxAmountFen - 1)
    }
}
