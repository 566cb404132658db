import XCTest
import Ledger
@testable import Monitor

/// `status --by`: the FinalAccountsTests journal as of 2021-03-31, grouped each way, worked by
/// hand. By then: S1 paid 95 (30101 90, 30302 5), S2 33 (302 30, 30231 2, 30113 1), S3 1.2
/// (1.5 less the 0.3 reversal of 03-09); X1, X2, G1, N1 nothing yet. Budgets as in the year
/// except X1, whose 追加 and 调减 come later: 10 carried + 50 = 60.
final class GroupedStatusTests: XCTestCase {
    let journal = Fixtures.journal(FinalAccountsTests.text)
    let asOf = Fixtures.date("2021-03-31")

    private func wan(_ text: String) -> Int64 { text == "0" ? 0 : Fixtures.wan(text) }

    func testByFund() throws {
        let s = try GroupedStatus(journal: journal, asOf: asOf, by: .fund)
        XCTAssertEqual(s.groups.map(\.key), ["一般公共预算", "政府性基金"])
        // general: 100 + 40 + 2 + 60 + 1 + 3 = 206, paid 129.2 → 62.72 %; fund: G1 4, nothing paid.
        XCTAssertEqual(s.groups[0].budgetFen, wan("206"))
        XCTAssertEqual(s.groups[0].paidFen, wan("129.2"))
        XCTAssertEqual(s.groups[0].rateBasisPoints, 6272)
        XCTAssertEqual(s.groups[1].budgetFen, wan("4"))
        XCTAssertEqual(s.groups[1].rateBasisPoints, 0)
        XCTAssertEqual(s.totalBudgetFen, wan("210"))
        XCTAssertEqual(s.totalPaidFen, wan("129.2"))
        XCTAssertEqual(s.totalRateBasisPoints, 6152)  // 129.2 / 210 = 61.524 %
    }

    func testByTagsCountsAProjectInEachOfItsTags() throws {
        let s = try GroupedStatus(journal: journal, asOf: asOf, by: .tags)
        XCTAssertEqual(s.groups.map(\.key), ["基本", "三公", "采购", ""])
        // 三公: S3 (2, paid 1.2) and X2 (1, nothing paid) → 3, 1.2, 40 %.
        XCTAssertEqual(s.groups[1].budgetFen, wan("3"))
        XCTAssertEqual(s.groups[1].paidFen, wan("1.2"))
        XCTAssertEqual(s.groups[1].rateBasisPoints, 4000)
        XCTAssertEqual(s.groups[3].name, "（未填）")
        XCTAssertEqual(s.groups[3].budgetFen, wan("7"))  // G1 4 + N1 3
    }

    func testByEconomicClassFollowsThePayments() throws {
        let s = try GroupedStatus(journal: journal, asOf: asOf, by: .econ)
        let vehicle = try XCTUnwrap(s.groups.first { $0.key == "30231" })
        XCTAssertEqual(vehicle.paidFen, wan("2"))
        XCTAssertNil(vehicle.rateBasisPoints)
        XCTAssertEqual(vehicle.level, "款")
        let personnel = try XCTUnwrap(s.groups.first { $0.key == "301" })
        XCTAssertEqual(personnel.paidFen, wan("91"))  // 90 + S2's 30113 1
        XCTAssertEqual(Classification.Level(code: "30231"), .section)
        XCTAssertEqual(GroupedStatus.Grouping.named("econ"), .econ)
        XCTAssertEqual(GroupedStatus.Grouping.named("经济科目"), .econ)
        XCTAssertNil(GroupedStatus.Grouping.named("资金"))
    }

    func testByUnitAndCode() throws {
        let units = try GroupedStatus(journal: journal, asOf: asOf, by: .unit)
        XCTAssertEqual(units.groups.map(\.name), ["（未填）"])
        let codes = try GroupedStatus(journal: journal, asOf: asOf, by: .code)
        let item = try XCTUnwrap(codes.groups.first { $0.key == "2101501" })
        XCTAssertEqual(item.budgetFen, wan("142"))
        XCTAssertEqual(item.paidFen, wan("129.2"))
        XCTAssertEqual(item.level, "项")
    }
}
