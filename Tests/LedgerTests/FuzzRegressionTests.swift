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
            "2019-01-03 冲销 P01 100000000000000 原凭证=V1",   // line 927: available 9.22e18, still fits
            "2019-01-03 冲销 P01 33720368547758.08 原凭证=V2", // line 928: would be Int64.max + 1
            "2019-01-04 支付 P01 100000000000000 凭证=V3",      // line 929: trapped here
        ]
        let journal = validateJournal(lines)
        assertErrors(journal.diagnostics, [Spot(928, 19, "amount-overflow")])
        XCTAssertEqual(journal.accepted.filter { !$0 }.count, 1)
        assertBooksSound(journal)
        let figures = journal.books().figures("P01", year: 2019)
        XCTAssertEqual(figures.paidFen, 0)   // V3 paid, V1 reversed
        XCTAssertEqual(figures.availableFen, 921 * Limits.maxAmountFen)
        // The refused reversal left the payment it named untouched.
        XCTAssertEqual(journal.books().payments.first { $0.location.line == 5 }?.reversedFen, 0)   // V2
    }

    /// The same, one step from the edge: a reversal that brings the available balance to
    /// exactly Int64.max is accepted.
    func testReversalUpToInt64MaxIsAccepted() {
        let room = Int64.max - 921 * Limits.maxAmountFen   // 13,372,036,854,775,807 分
        let first = Limits.maxAmountFen, second = room - first
        var lines = [
            "2018-01-01 项目 P01 x",
            "2018-01-02 下达 P01 \(Amount.yuanString(first)) 文号=A1",
            "2018-01-02 下达 P01 \(Amount.yuanString(second)) 文号=A2",
            "2018-01-03 支付 P01 \(Amount.yuanString(first)) 凭证=V1",
            "2018-01-03 支付 P01 \(Amount.yuanString(second)) 凭证=V2",
        ]
        lines += (1...921).map { "2019-01-02 下达 P01 100000000000000 文号=B\($0)" }
        lines += [
            "2019-01-03 冲销 P01 \(Amount.yuanString(first)) 原凭证=V1",
            "2019-01-03 冲销 P01 \(Amount.yuanString(second)) 原凭证=V2",
            "2019-01-04 支付 P01 0.01 凭证=V3",
        ]
        let journal = validateJournal(lines)
        assertErrors(journal.diagnostics, [])
        assertBooksSound(journal)
        XCTAssertEqual(journal.books().figures("P01", year: 2019).availableFen, Int64.max - 1)
    }
}
