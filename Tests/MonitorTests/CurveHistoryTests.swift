import XCTest
import Ledger
@testable import Monitor

/// Issue 12, item 7: the monthly report's curve shows each past month as it stood at that
/// month's end, so a later report never rewrites what an earlier one said.
final class CurveHistoryTests: XCTestCase {
    /// A: 100万 in January, 30万 paid in March; 50万 more in July, 30万 paid in August, and
    /// from 08-01 a new plan 6月:80,12月:100. B: 100万 from 07-01 (even pace), nothing paid.
    static let text = """
        2026-01-01 项目 A 甲
        2026-01-01 项目 B 乙
        2026-01-05 下达 A 100万 文号=X
        2026-03-10 支付 A 30万
        2026-07-01 下达 B 100万 文号=Y
        2026-07-15 下达 A 50万 文号=Z 类别=追加
        2026-08-01 计划 A 6月:80,12月:100
        2026-08-10 支付 A 30万
        """

    func testJuneStandsAsItDidInJuneInSeptembersReport() throws {
        let journal = Fixtures.journal(Self.text)
        XCTAssertFalse(journal.hasErrors, "\(journal.diagnostics)")
        let june = try XCTUnwrap(MonthlyReport(journal: journal, year: 2026, month: 6))
        let september = try XCTUnwrap(MonthlyReport(journal: journal, year: 2026, month: 9))
        // June: budget 100万 (B had none), paid 30万 → 30.00 %; plan: the even pace 6/12 = 50 %.
        let juneInJune = june.curve[5], juneInSeptember = september.curve[5]
        XCTAssertEqual(juneInJune.budgetFen, Fixtures.wan("100"))
        XCTAssertEqual(juneInJune.paidFen, Fixtures.wan("30"))
        XCTAssertEqual(juneInJune.actualBasisPoints, 3000)
        XCTAssertEqual(juneInJune.plannedBasisPoints, 5000)
        XCTAssertEqual(juneInSeptember, juneInJune, "not 30 / 250 = 12 % against September's budget")
        XCTAssertEqual(september.curve.prefix(6), june.curve.prefix(6))
        // September: budget 150 + 100 = 250万, paid 60万 → 24.00 %; plan (150 × 90 + 100 × 75) / 250 = 84.00 %
        // (A's new plan at 9: 80 + 20 × 3/6 = 90 %; B's even pace 9/12 = 75 %).
        let sep = september.curve[8]
        XCTAssertEqual(sep.budgetFen, Fixtures.wan("250"))
        XCTAssertEqual(sep.actualBasisPoints, 2400)
        XCTAssertEqual(sep.plannedBasisPoints, 8400)
        XCTAssertEqual(sep.actualBasisPoints, september.status.totals.rateBasisPoints)
        // Months after the report: the plan only, by the report date's budgets.
        XCTAssertNil(september.curve[9].paidFen)
        XCTAssertEqual(september.curve[9].budgetFen, Fixtures.wan("250"))
    }

    /// The shipped journals: every month's report repeats the months before it exactly as
    /// their own reports said them.
    func testShippedJournalsNeverRewriteAMonth() throws {
        for (name, year) in [("chengde-2019.journal", 2019), ("qinhuangdao-2020.journal", 2020)] {
            let journal = Fixtures.shipped(name)
            let reports = (1...12).compactMap { MonthlyReport(journal: journal, year: year, month: $0) }
            for later in reports {
                for earlier in reports where earlier.month < later.month {
                    XCTAssertEqual(
                        later.curve[earlier.month - 1], earlier.curve[earlier.month - 1],
                        "\(name): month \(earlier.month) in the report of month \(later.month)")
                }
            }
        }
    }
}
