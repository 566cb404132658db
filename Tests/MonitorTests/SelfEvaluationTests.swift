import XCTest
import Ledger
@testable import Monitor

/// Spec §3 `report selfeval`: the template's rows and columns, carried-in money spent first,
/// 执行率 of the total row and 得分 rounded half-up once.
final class SelfEvaluationTests: XCTestCase {
    let journal = Fixtures.journal(
        """
        2020-01-01 项目 K 结转项目 单位=信息中心
        2020-01-01 项目 L 先用结转 单位=信息中心
        2020-01-01 项目 E 事业收入项目 资金性质=事业收入
        2020-01-01 项目 T 三分之二
        2020-01-01 项目 Z 没有预算
        2020-02-01 下达 K 10万 文号=A
        2020-02-01 下达 L 10万 文号=B
        2020-12-31 结转 K 10万
        2020-12-31 结转 L 10万
        2021-01-05 下达 K 50万 文号=C
        2021-06-01 下达 K 10万 文号=D 类别=追加
        2021-06-02 调减 K 5万 文号=E
        2021-07-01 支付 K 40万
        2021-01-05 下达 L 20万 文号=F
        2021-07-01 支付 L 6万
        2021-01-05 下达 E 200000 文号=G
        2021-07-01 支付 E 100
        2021-01-05 下达 T 3万 文号=H
        2021-07-01 支付 T 2万
        """)

    private func wan(_ text: String) -> Int64 { text == "0" ? 0 : Fixtures.wan(text) }
    private func money(_ initial: String, _ budget: String, _ paid: String) -> SelfEvaluation.Money3 {
        SelfEvaluation.Money3(initialFen: wan(initial), budgetFen: wan(budget), paidFen: wan(paid))
    }

    func evaluation() throws -> SelfEvaluation {
        XCTAssertFalse(journal.hasErrors, "\(journal.diagnostics.map(\.message))")
        return try XCTUnwrap(SelfEvaluation(journal: journal, year: 2021))
    }

    func testOneTablePerProjectWithABudget() throws {
        XCTAssertEqual(try evaluation().projects.map(\.id), ["K", "L", "E", "T"])
    }

    func testCarriedInMoneyIsSpentFirst() throws {
        let k = try evaluation().projects[0]
        // 上年结转 10: all of it used by the 40 paid.
        XCTAssertEqual(k.carriedIn, money("10", "10", "10"))
        // 当年财政拨款: 年初 50 (the first 下达), 全年 50 + 10 − 5 = 55, 执行 40 − 10 = 30.
        XCTAssertEqual(k.fiscal, money("50", "55", "30"))
        XCTAssertEqual(k.other, .zero)
        XCTAssertEqual(k.total, money("60", "65", "40"))
        XCTAssertEqual(k.weight, 10)
        XCTAssertEqual(k.rateBasisPoints, 6154)  // 40 / 65 = 61.538 %
        XCTAssertEqual(k.scoreHundredths, 615)  // 10 × 0.61538 = 6.1538 → 6.15
        XCTAssertEqual(k.unit, "信息中心")

        let l = try evaluation().projects[1]
        // Paid 6 is less than the 10 carried in: all of it from carried-in money.
        XCTAssertEqual(l.carriedIn, money("10", "10", "6"))
        XCTAssertEqual(l.fiscal, money("20", "20", "0"))
        XCTAssertEqual(l.rateBasisPoints, 2000)  // 6 / 30
        XCTAssertEqual(l.scoreHundredths, 200)
    }

    func testOtherFundsAndScoreRoundingHalfUp() throws {
        let e = try evaluation().projects[2]
        XCTAssertEqual(e.fund, .service)
        XCTAssertEqual(e.fiscal, .zero)
        XCTAssertEqual(e.other, SelfEvaluation.Money3(initialFen: 20_000_000, budgetFen: 20_000_000, paidFen: 10_000))
        // 100 / 200000 = 0.05 % exactly; 10 × 0.0005 = 0.005 → half-up 0.01.
        XCTAssertEqual(e.rateBasisPoints, 5)
        XCTAssertEqual(e.scoreHundredths, 1)

        let t = try evaluation().projects[3]
        // 2 / 3 = 66.666… % → 66.67; 10 × 2/3 = 6.666… → 6.67.
        XCTAssertEqual(t.rateBasisPoints, 6667)
        XCTAssertEqual(t.scoreHundredths, 667)
    }
}
